from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule

# Kinds CIS 5.7.4 / checkov CKV_K8S_21 look at: namespaced application objects.
_KINDS = {"Pod", "Deployment", "DaemonSet", "StatefulSet", "ReplicaSet", "ReplicationController", "Job", "CronJob",
          "Service", "Secret", "ServiceAccount", "Role", "RoleBinding", "ConfigMap", "Ingress"}


@dataclass(frozen=True)
class Options:
    require_namespace: bool = False  # also report objects that set no namespace at all


@rule(
    id="KS210", name="default-namespace", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="An object is placed in the `default` namespace",
    remediation="Create a namespace for the application and set `metadata.namespace`",
    aliases=("use-namespace", "CKV_K8S_21", "KSV110"), options=Options, enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Namespaced application objects (workloads, Services, ConfigMaps, Secrets, ServiceAccounts,
    Roles, RoleBindings, Ingresses) with `metadata.namespace: default`. The `default`
    ServiceAccount and the `kubernetes` Service, which always live there, are skipped. Off by
    default: most manifests leave the namespace to `kubectl -n`, Kustomize or Helm.

    ## Why it matters
    The `default` namespace is shared by everything that forgets a namespace: RBAC, quotas and
    network policies cannot be scoped to one application there (CIS 5.7.1 and 5.7.4).

    ## Example
    ```yaml
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: api, namespace: default}
    data: {mode: fast}
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: api, namespace: shop}
    data: {mode: fast}
    ```

    ## Options
    - `require-namespace` (default `false`): also report objects without `metadata.namespace`,
      as checkov's CKV_K8S_21 does.
    """
    if obj.kind not in _KINDS or obj.group not in ("", "apps", "batch", "extensions", "networking.k8s.io",
                                                     "rbac.authorization.k8s.io"):
        return
    if (obj.kind, obj.name) in (("ServiceAccount", "default"), ("Service", "kubernetes")):
        return
    ns = obj.metadata.get("namespace")
    opts = ctx.options or Options()
    if ns == "default":
        yield report(obj.at("metadata", "namespace"), f"{obj.kind} `{obj.name}` is placed in the `default` namespace")
    elif ns is None and opts.require_namespace:
        yield report(obj.at("metadata", key=True), f"{obj.kind} `{obj.name}` sets no namespace and lands in the current one")
