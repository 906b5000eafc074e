from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.policy import as_str_list, is_rbac_role, rbac_rules

_WRITE = {"update", "patch"}


@rule(
    id="KS187", name="rbac-service-status-update", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A Role or ClusterRole can update `services/status` (CVE-2020-8554: hijack traffic with a fake LoadBalancer IP)",
    remediation="Grant `services/status` writes only to the load-balancer controller; restrict LoadBalancer IPs with an admission policy",
    aliases=("CKV2_K8S_4",), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `Role` and `ClusterRole` rules granting `update` or `patch` on the `services/status`
    subresource of the core API group. Wildcard verbs or resources are KS220
    wildcard-rbac-rule's. Off by default (`extends: strict`): load-balancer controllers
    (cloud controller manager, MetalLB, kube-vip) need exactly this permission.

    ## Why it matters
    Whoever can write `status.loadBalancer.ingress[].ip` of a Service makes kube-proxy route
    that IP, cluster-wide, to the Service: traffic meant for any external address can be
    intercepted (CVE-2020-8554, unfixed by design).

    ## Example
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: {name: ci-deployer}
    rules:
      - apiGroups: [""]
        resources: [services, services/status]
        verbs: [get, update, patch]
    ```

    ## Use instead
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: {name: ci-deployer}
    rules:
      - apiGroups: [""]
        resources: [services]
        verbs: [get, update, patch]
    ```
    """
    if not is_rbac_role(obj):
        return
    for i, r in rbac_rules(obj.root):
        groups = set(as_str_list(r.get("apiGroups")))
        if "" not in groups:
            continue
        resources, verbs = as_str_list(r.get("resources")), set(as_str_list(r.get("verbs")))
        if "services/status" in resources and verbs & _WRITE:
            yield report(obj.at("rules", i, "resources", resources.index("services/status")),
                         f"{obj.kind} `{obj.name}` can {'/'.join(sorted(verbs & _WRITE))} `services/status` (rule {i})")
