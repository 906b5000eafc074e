from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.policy import is_rbac_binding

# Subjects that stand for "everyone" (or for unrestricted superusers).
_RISKY = {
    ("Group", "system:unauthenticated"): "every unauthenticated request",
    ("Group", "system:authenticated"): "every authenticated identity (any account of any identity provider)",
    ("User", "system:anonymous"): "anonymous requests",
    ("Group", "system:masters"): "the `system:masters` superuser group, which bypasses RBAC",
}
# Roles the API server itself binds to everyone: harmless discovery/self-review.
_DEFAULT_PUBLIC_ROLES = frozenset({"system:public-info-viewer", "system:discovery", "system:basic-user"})


@rule(
    id="KS182", name="rbac-binding-to-system-group", target=Target.K8S_OBJECT, severity=Severity.ERROR,
    summary="A RoleBinding or ClusterRoleBinding grants a role to anonymous, all authenticated users, or system:masters",
    remediation="Bind the role to the specific users, groups or service accounts that need it",
    aliases=("KSV122", "KSV123", "KSV01011"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `RoleBinding` and `ClusterRoleBinding` subjects `User system:anonymous`,
    `Group system:unauthenticated`, `Group system:authenticated` or `Group system:masters`.
    Bindings of the API server's own public roles (`system:public-info-viewer`,
    `system:discovery`, `system:basic-user`) are not reported.

    ## Why it matters
    `system:authenticated` includes every identity the cluster accepts: on GKE, any Google
    account. Granting a role to it or to anonymous requests exposes the role's rights to the
    whole internet; binding to `system:masters` is meaningless (that group bypasses RBAC)
    and hides who really has cluster-admin.

    ## Example
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRoleBinding
    metadata: {name: view-all}
    roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
    subjects:
      - apiGroup: rbac.authorization.k8s.io
        kind: Group
        name: system:authenticated
    ```

    ## Use instead
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRoleBinding
    metadata: {name: view-sre}
    roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
    subjects:
      - apiGroup: rbac.authorization.k8s.io
        kind: Group
        name: sre
    ```
    """
    if not is_rbac_binding(obj):
        return
    ref = obj.root.get("roleRef")
    if isinstance(ref, dict) and ref.get("name") in _DEFAULT_PUBLIC_ROLES:
        return
    subjects = obj.root.get("subjects")
    for i, s in enumerate(subjects if isinstance(subjects, list) else []):
        if not isinstance(s, dict):
            continue
        who = _RISKY.get((str(s.get("kind", "")), str(s.get("name", ""))))
        if who:
            role = ref.get("name", "?") if isinstance(ref, dict) else "?"
            yield report(obj.at("subjects", i, "name"), f"{obj.kind} `{obj.name}` grants `{role}` to {who}")
