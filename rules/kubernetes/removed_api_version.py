from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule

# (apiVersion, kind) -> (Kubernetes version that stopped serving it, replacement apiVersion or None)
# From the Kubernetes deprecated API migration guide.
REMOVED: dict[tuple[str, str], tuple[str, str | None]] = {}


def _add(version: str, removed_in: str, replacement: str | None, *kinds: str) -> None:
    for kind in kinds:
        REMOVED[(version, kind)] = (removed_in, replacement)


_add("extensions/v1beta1", "1.16", "apps/v1", "Deployment", "DaemonSet", "ReplicaSet")
_add("extensions/v1beta1", "1.16", "networking.k8s.io/v1", "NetworkPolicy")
_add("extensions/v1beta1", "1.16", "policy/v1beta1", "PodSecurityPolicy")
_add("extensions/v1beta1", "1.22", "networking.k8s.io/v1", "Ingress")
for _v in ("apps/v1beta1", "apps/v1beta2"):
    _add(_v, "1.16", "apps/v1", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ControllerRevision")
_add("networking.k8s.io/v1beta1", "1.22", "networking.k8s.io/v1", "Ingress", "IngressClass")
_add("apiextensions.k8s.io/v1beta1", "1.22", "apiextensions.k8s.io/v1", "CustomResourceDefinition")
_add("admissionregistration.k8s.io/v1beta1", "1.22", "admissionregistration.k8s.io/v1",
     "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration")
_add("apiregistration.k8s.io/v1beta1", "1.22", "apiregistration.k8s.io/v1", "APIService")
_add("authentication.k8s.io/v1beta1", "1.22", "authentication.k8s.io/v1", "TokenReview")
_add("authorization.k8s.io/v1beta1", "1.22", "authorization.k8s.io/v1",
     "SubjectAccessReview", "LocalSubjectAccessReview", "SelfSubjectAccessReview")
_add("certificates.k8s.io/v1beta1", "1.22", "certificates.k8s.io/v1", "CertificateSigningRequest")
_add("coordination.k8s.io/v1beta1", "1.22", "coordination.k8s.io/v1", "Lease")
for _v in ("rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1alpha1"):
    _add(_v, "1.22", "rbac.authorization.k8s.io/v1", "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding")
for _v in ("scheduling.k8s.io/v1beta1", "scheduling.k8s.io/v1alpha1"):
    _add(_v, "1.22", "scheduling.k8s.io/v1", "PriorityClass")
_add("storage.k8s.io/v1beta1", "1.22", "storage.k8s.io/v1", "CSIDriver", "CSINode", "StorageClass", "VolumeAttachment")
_add("batch/v1beta1", "1.25", "batch/v1", "CronJob")
_add("batch/v2alpha1", "1.21", "batch/v1", "CronJob")
_add("discovery.k8s.io/v1beta1", "1.25", "discovery.k8s.io/v1", "EndpointSlice")
_add("events.k8s.io/v1beta1", "1.25", "events.k8s.io/v1", "Event")
_add("autoscaling/v2beta1", "1.25", "autoscaling/v2", "HorizontalPodAutoscaler")
_add("autoscaling/v2beta2", "1.26", "autoscaling/v2", "HorizontalPodAutoscaler")
_add("policy/v1beta1", "1.25", "policy/v1", "PodDisruptionBudget")
_add("policy/v1beta1", "1.25", None, "PodSecurityPolicy")
_add("node.k8s.io/v1beta1", "1.25", "node.k8s.io/v1", "RuntimeClass")
_add("flowcontrol.apiserver.k8s.io/v1beta1", "1.26", "flowcontrol.apiserver.k8s.io/v1",
     "FlowSchema", "PriorityLevelConfiguration")
_add("flowcontrol.apiserver.k8s.io/v1beta2", "1.29", "flowcontrol.apiserver.k8s.io/v1",
     "FlowSchema", "PriorityLevelConfiguration")
_add("flowcontrol.apiserver.k8s.io/v1beta3", "1.32", "flowcontrol.apiserver.k8s.io/v1",
     "FlowSchema", "PriorityLevelConfiguration")
_add("storage.k8s.io/v1beta1", "1.27", "storage.k8s.io/v1", "CSIStorageCapacity")


@rule(
    id="KS005", name="removed-api-version", target=Target.K8S_OBJECT, severity=Severity.ERROR,
    summary="The object uses an apiVersion that Kubernetes no longer serves",
    remediation="Move to the replacement apiVersion named in the message (check the changed fields)",
    aliases=("no-extensions-v1beta", "stable-version"),
    references=("https://kubernetes.io/docs/reference/using-api/deprecation-guide/",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Objects whose `apiVersion` and `kind` were removed from Kubernetes, such as `apps/v1beta1`
    and `extensions/v1beta1` Deployments (removed in 1.16), `networking.k8s.io/v1beta1` Ingress
    (1.22), `batch/v1beta1` CronJob and `policy/v1beta1` PodDisruptionBudget (1.25). The message
    names the release that removed it and the replacement.

    ## Why it matters
    The API server rejects the object: the manifest fails to apply on any current cluster, often
    discovered only during a cluster upgrade.

    ## Example
    ```yaml
    apiVersion: apps/v1beta1
    kind: Deployment
    metadata: {name: nats}
    spec:
      template:
        metadata: {labels: {app: nats}}
        spec:
          containers:
            - name: nats
              image: nats:2.10.18
    ```

    ## Use instead
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: nats}
    spec:
      selector: {matchLabels: {app: nats}}
      template:
        metadata: {labels: {app: nats}}
        spec:
          containers:
            - name: nats
              image: nats:2.10.18
    ```
    """
    found = REMOVED.get((obj.api_version, obj.kind))
    if found is None:
        return
    removed_in, replacement = found
    instead = f"use `{replacement}`" if replacement else "it has no replacement"
    yield report(obj.at("apiVersion"),
                 f"{obj.kind} `{obj.api_version}` was removed in Kubernetes {removed_in}; {instead}")
