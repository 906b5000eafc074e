from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.policy import as_str_list, granted_verbs, in_groups, is_rbac_role, rbac_rules

_VERBS = {"delete", "deletecollection", "*"}


@rule(
    id="KS188", name="rbac-delete-pod-logs", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A Role or ClusterRole can delete pod logs (`pods/log`)",
    remediation="Drop `delete`, `deletecollection` and `*` from rules on `pods/log`; reading logs needs only `get`",
    aliases=("KSV042",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `Role` and `ClusterRole` rules naming the subresource `pods/log` in the core API group with
    the verb `delete`, `deletecollection` or `*` (trivy KSV042). Wildcard resources are left to
    `wildcard-rbac-rule`.

    ## Why it matters
    Deleting pod logs is how an attacker covers their tracks after running code in a pod. No
    controller or person needs it: reading logs takes `get` alone.

    ## Example
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: Role
    metadata: {name: log-admin, namespace: shop}
    rules:
      - apiGroups: [""]
        resources: [pods, pods/log]
        verbs: [get, list, delete]
    ```

    ## Use instead
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: Role
    metadata: {name: log-reader, namespace: shop}
    rules:
      - apiGroups: [""]
        resources: [pods, pods/log]
        verbs: [get, list]
    ```
    """
    if not is_rbac_role(obj):
        return
    for i, r in rbac_rules(obj.root):
        if "pods/log" not in as_str_list(r.get("resources")) or not in_groups(r, {""}):
            continue
        verbs = granted_verbs(r, _VERBS)
        if verbs:
            yield report(obj.at("rules", i, "resources"),
                         f"{obj.kind} `{obj.name}` can {'/'.join(f'`{v}`' for v in verbs)} `pods/log` (rule {i})")
