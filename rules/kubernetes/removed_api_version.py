from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.apiversions import removed_at


@rule(
    id="KS005", name="removed-api-version", target=Target.K8S_OBJECT, severity=Severity.ERROR,
    summary="The object uses an apiVersion that the target Kubernetes release no longer serves",
    remediation="Move to the replacement apiVersion named in the message (check the changed fields)",
    aliases=("no-extensions-v1beta", "stable-version"),
    references=("https://kubernetes.io/docs/reference/using-api/deprecation-guide/",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Objects whose `apiVersion` and `kind` were removed at or before the target Kubernetes release
    (`--kubernetes-version` / config `kubernetes-version`, default 1.34): `apps/v1beta1` and
    `extensions/v1beta1` Deployments (removed in 1.16), `networking.k8s.io/v1beta1` Ingress
    (1.22), `batch/v1beta1` CronJob and `policy/v1beta1` PodDisruptionBudget (1.25),
    `autoscaling/v2beta2` HPA (1.26), the `flowcontrol.apiserver.k8s.io` betas (1.26, 1.29,
    1.32), `admissionregistration.k8s.io/v1beta1` ValidatingAdmissionPolicy (1.34), and every
    other removal of the Kubernetes deprecation guide and of the release schemas up to 1.37.
    The message names the release that removed it and the replacement. APIs deprecated but
    still served are reported by `deprecated-api-version`.

    ## Why it matters
    The API server rejects the object: the manifest fails to apply on the cluster, often
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
    found = removed_at(obj.api_version, obj.kind, ctx.kubernetes_version)
    if found is None:
        return
    instead = f"use `{found.replacement}`" if found.replacement else "it has no replacement"
    yield report(obj.at("apiVersion"),
                 f"{obj.kind} `{obj.api_version}` was removed in Kubernetes {found.removed_in}; {instead}")
