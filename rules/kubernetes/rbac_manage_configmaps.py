from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.policy import MANAGE_VERBS, as_str_list, granted_verbs, in_groups, is_rbac_role, rbac_rules


@rule(
    id="KS190", name="rbac-manage-configmaps", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A Role or ClusterRole can create, change or delete ConfigMaps",
    remediation="Grant only `get`, `list` and `watch` on `configmaps`, or limit writes with `resourceNames`",
    aliases=("KSV049",), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `Role` and `ClusterRole` rules granting `create`, `update`, `patch`, `delete`,
    `deletecollection`, `impersonate` or `*` on `configmaps` in the core API group (trivy
    KSV049). Rules limited by `resourceNames` (a leader-election lock, one settings object) and
    wildcard resources (left to `wildcard-rbac-rule`) are not reported. Off by default: many
    operators and controllers legitimately manage ConfigMaps; turn it on to review who can.

    ## Why it matters
    ConfigMaps carry runtime settings (feature flags, proxy and auth configuration, scripts run
    at start-up): whoever can change them can change what a workload does, or combine it with
    another weakness to take it over.

    ## Example
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: Role
    metadata: {name: config-editor, namespace: shop}
    rules:
      - apiGroups: [""]
        resources: [configmaps]
        verbs: [get, list, update, patch]
    ```

    ## Use instead
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: Role
    metadata: {name: config-editor, namespace: shop}
    rules:
      - apiGroups: [""]
        resources: [configmaps]
        resourceNames: [shop-flags]
        verbs: [get, update, patch]
    ```
    """
    if not is_rbac_role(obj):
        return
    for i, r in rbac_rules(obj.root):
        if as_str_list(r.get("resourceNames")) or "configmaps" not in as_str_list(r.get("resources")):
            continue
        verbs = granted_verbs(r, MANAGE_VERBS)
        if verbs and in_groups(r, {""}):
            yield report(obj.at("rules", i, "resources"),
                         f"{obj.kind} `{obj.name}` can {'/'.join(verbs)} ConfigMaps (rule {i})")
