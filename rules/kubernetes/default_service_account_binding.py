from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.policy import is_rbac_binding


@rule(
    id="KS205", name="default-service-account-binding", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A RoleBinding or ClusterRoleBinding grants permissions to a `default` service account",
    remediation="Create a dedicated ServiceAccount for the workload that needs the role and bind that one",
    aliases=("CKV_K8S_42",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `RoleBinding` and `ClusterRoleBinding` subjects of kind `ServiceAccount` named `default`
    (CIS 5.1.5).

    ## Why it matters
    Every pod of the namespace that does not choose a service account runs as `default`, so the
    role is granted to all of them, including ones added later by other teams.

    ## Example
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: RoleBinding
    metadata: {name: reader, namespace: shop}
    roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
    subjects:
      - kind: ServiceAccount
        name: default
        namespace: shop
    ```

    ## Use instead
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: RoleBinding
    metadata: {name: reader, namespace: shop}
    roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
    subjects:
      - kind: ServiceAccount
        name: reporter
        namespace: shop
    ```
    """
    if not is_rbac_binding(obj):
        return
    subjects = obj.root.get("subjects")
    if not isinstance(subjects, list):
        return
    for i, s in enumerate(subjects):
        if isinstance(s, dict) and s.get("kind") == "ServiceAccount" and s.get("name") == "default":
            ns = s.get("namespace") or obj.namespace
            where = f" of namespace `{ns}`" if ns else ""
            yield report(obj.at("subjects", i, "name"),
                         f"{obj.kind} `{obj.name}` grants `{obj.get('roleRef', 'name')}` to the `default` service account{where}")
