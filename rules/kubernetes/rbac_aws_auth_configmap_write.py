from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.policy import MANAGE_VERBS, as_str_list, granted_verbs, in_groups, is_rbac_role, rbac_rules


@rule(
    id="KS191", name="rbac-aws-auth-configmap-write", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A Role or ClusterRole can change the EKS `aws-auth` ConfigMap",
    remediation="Remove write verbs on the `aws-auth` ConfigMap; manage IAM mappings with EKS access entries or from the pipeline",
    aliases=("KSV115",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `Role` and `ClusterRole` rules granting `create`, `update`, `patch`, `delete`,
    `deletecollection`, `impersonate` or `*` on `configmaps` (core API group) either by name
    (`resourceNames` includes `aws-auth`, trivy KSV115) or, in a `Role` of the `kube-system`
    namespace, on all ConfigMaps of that namespace (which includes `aws-auth`).

    ## Why it matters
    On Amazon EKS, `kube-system/aws-auth` maps IAM roles and users to Kubernetes users and
    groups. Whoever can write it can map an IAM identity they control to `system:masters`:
    cluster-admin.

    ## Example
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: {name: iam-mapper}
    rules:
      - apiGroups: [""]
        resources: [configmaps]
        resourceNames: [aws-auth]
        verbs: [get, update, patch]
    ```

    ## Use instead
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: {name: iam-auditor}
    rules:
      - apiGroups: [""]
        resources: [configmaps]
        resourceNames: [aws-auth]
        verbs: [get]
    ```
    """
    if not is_rbac_role(obj):
        return
    for i, r in rbac_rules(obj.root):
        if "configmaps" not in as_str_list(r.get("resources")) or not in_groups(r, {""}):
            continue
        verbs = granted_verbs(r, MANAGE_VERBS)
        if not verbs:
            continue
        names = as_str_list(r.get("resourceNames"))
        if "aws-auth" in names:
            yield report(obj.at("rules", i, "resourceNames"),
                         f"{obj.kind} `{obj.name}` can {'/'.join(verbs)} the EKS `aws-auth` ConfigMap (rule {i})")
        elif not names and obj.kind == "Role" and obj.namespace == "kube-system":
            yield report(obj.at("rules", i, "resources"),
                         f"Role `{obj.name}` can {'/'.join(verbs)} every ConfigMap of `kube-system`, "
                         f"including the EKS `aws-auth` ConfigMap (rule {i})")
