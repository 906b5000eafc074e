from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.policy import as_str_list, in_groups, is_rbac_role, rbac_rules

_RBAC = {"roles", "rolebindings", "clusterroles", "clusterrolebindings"}
_WRITE = {"create", "update", "patch", "delete", "deletecollection", "*"}


@rule(
    id="KS250", name="rbac-manage-rbac", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A Role or ClusterRole can create or change RBAC roles and bindings",
    remediation="Grant RBAC write access only to the deploy pipeline or the operator that owns those objects",
    aliases=("KSV050", "KSV051", "KSV052", "KSV055", "CKV2_K8S_1"), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `Role` and `ClusterRole` rules granting `create`, `update`, `patch`, `delete`,
    `deletecollection` or `*` on roles, rolebindings, clusterroles or clusterrolebindings
    (explicitly named; wildcard resources are `wildcard-rbac-rule`'s job). Off by default:
    operators that manage RBAC need it.

    ## Why it matters
    Whoever can write RBAC objects can grant themselves more, within the limits of RBAC's
    escalation checks, and can break or remove other subjects' access.

    ## Example
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: Role
    metadata: {name: deployer, namespace: shop}
    rules:
      - apiGroups: [rbac.authorization.k8s.io]
        resources: [rolebindings]
        verbs: [create, update]
    ```

    ## Use instead
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: Role
    metadata: {name: deployer, namespace: shop}
    rules:
      - apiGroups: [rbac.authorization.k8s.io]
        resources: [rolebindings]
        verbs: [get, list]
    ```
    """
    if not is_rbac_role(obj):
        return
    for i, r in rbac_rules(obj.root):
        found = sorted(set(as_str_list(r.get("resources"))) & _RBAC)
        if found and set(as_str_list(r.get("verbs"))) & _WRITE and in_groups(r, {"rbac.authorization.k8s.io"}):
            yield report(obj.at("rules", i, "resources"),
                         f"{obj.kind} `{obj.name}` can write {', '.join(found)} (rule {i})")
