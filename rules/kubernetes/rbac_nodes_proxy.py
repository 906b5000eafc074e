from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.policy import as_str_list, in_groups, is_rbac_role, rbac_rules


@rule(
    id="KS225", name="rbac-nodes-proxy", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A Role or ClusterRole can reach the kubelet API through `nodes/proxy`",
    remediation="Scrape kubelet metrics through `nodes/metrics` and `nodes/stats` instead of `nodes/proxy`",
    aliases=("KSV047",),
    enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `Role` and `ClusterRole` rules naming the `nodes/proxy` subresource with any verb. Off by
    default: older monitoring stacks still request it for metrics.

    ## Why it matters
    `nodes/proxy` is the kubelet API: with it, a subject can run commands in any container on
    the node (`/exec`, `/run`), bypassing the API server's audit log and admission.

    ## Example
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: {name: monitoring}
    rules:
      - apiGroups: [""]
        resources: [nodes, nodes/proxy]
        verbs: [get, list, watch]
    ```

    ## Use instead
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: {name: monitoring}
    rules:
      - apiGroups: [""]
        resources: [nodes, nodes/metrics, nodes/stats]
        verbs: [get, list, watch]
    ```
    """
    if not is_rbac_role(obj):
        return
    for i, r in rbac_rules(obj.root):
        if "nodes/proxy" in as_str_list(r.get("resources")) and as_str_list(r.get("verbs")) and in_groups(r, {""}):
            yield report(obj.at("rules", i, "resources"), f"{obj.kind} `{obj.name}` can use `nodes/proxy` (rule {i})")
