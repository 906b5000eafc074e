from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.policy import is_rbac_binding


@rule(
    id="KS219", name="cluster-admin-binding", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A binding grants the `cluster-admin` ClusterRole",
    remediation="Bind a role that lists only the resources and verbs the subject needs (CIS 5.1.1)",
    aliases=("cluster-admin-role-binding", "clusterrolebindingClusterAdmin", "rolebindingClusterAdminClusterRole", "KSV111"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `ClusterRoleBinding`s and `RoleBinding`s whose `roleRef` is the ClusterRole
    `cluster-admin`.

    ## Why it matters
    `cluster-admin` is every permission on every resource; a ClusterRoleBinding gives it
    cluster-wide, a RoleBinding namespace-wide (including Secrets and RBAC of the namespace).
    A compromise of any bound subject is a compromise of the cluster.

    ## Example
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRoleBinding
    metadata: {name: deployer}
    roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
    subjects:
      - {kind: ServiceAccount, name: deployer, namespace: ci}
    ```

    ## Use instead
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: RoleBinding
    metadata: {name: deployer, namespace: shop}
    roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
    subjects:
      - {kind: ServiceAccount, name: deployer, namespace: ci}
    ```
    """
    if not is_rbac_binding(obj):
        return
    ref = obj.root.get("roleRef")
    if isinstance(ref, dict) and ref.get("kind") == "ClusterRole" and ref.get("name") == "cluster-admin":
        yield report(obj.at("roleRef", "name"), f"{obj.kind} `{obj.name}` grants `cluster-admin`")
