from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.policy import as_str_list, in_groups, is_rbac_role, rbac_rules

_ROLES = {"roles", "clusterroles"}
_IDENTITIES = {"users", "groups", "serviceaccounts", "userextras/scopes", "uids"}


@rule(
    id="KS224", name="rbac-escalation-verbs", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A Role or ClusterRole grants `escalate`, `bind` or unrestricted `impersonate`",
    remediation="Remove the verb, or scope it with `resourceNames` to the roles or identities that are needed",
    aliases=("escalate-verb-in-role", "bind-verb-in-role", "impersonate-without-resource-names",
             "CKV_K8S_157", "CKV_K8S_158", "KSV043", "CKV2_K8S_3"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `Role` and `ClusterRole` rules that explicitly grant `escalate` or `bind` on `roles` /
    `clusterroles` (or `*` resources), or `impersonate` on users, groups, service accounts (or
    `*`), without `resourceNames`. Verbs given as `*` are left to `wildcard-rbac-rule`.

    ## Why it matters
    These verbs bypass RBAC's escalation protection: `escalate` edits roles beyond one's own
    permissions, `bind` binds any role (such as `cluster-admin`), and `impersonate` acts as any
    user or group, `system:masters` included.

    ## Example
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: {name: rbac-manager}
    rules:
      - apiGroups: [rbac.authorization.k8s.io]
        resources: [clusterroles]
        verbs: [get, bind, escalate]
    ```

    ## Use instead
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: {name: rbac-manager}
    rules:
      - apiGroups: [rbac.authorization.k8s.io]
        resources: [clusterroles]
        resourceNames: [view]
        verbs: [get, bind]
    ```
    """
    if not is_rbac_role(obj):
        return
    for i, r in rbac_rules(obj.root):
        if as_str_list(r.get("resourceNames")):
            continue
        verbs = set(as_str_list(r.get("verbs")))
        resources = set(as_str_list(r.get("resources")))
        bad = []
        if resources & (_ROLES | {"*"}) and in_groups(r, {"rbac.authorization.k8s.io"}):
            bad += sorted(verbs & {"bind", "escalate"})
        if "impersonate" in verbs and resources & (_IDENTITIES | {"*"}) and in_groups(r, {"", "authentication.k8s.io"}):
            bad.append("impersonate")
        if bad:
            yield report(obj.at("rules", i, "verbs"),
                         f"{obj.kind} `{obj.name}` grants {', '.join(f'`{v}`' for v in bad)} without resourceNames (rule {i})")
