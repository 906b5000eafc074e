from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.policy import as_str_list, in_groups, is_rbac_role, rbac_rules

_SUBRESOURCES = {"pods/exec", "pods/attach"}


@rule(
    id="KS222", name="rbac-pod-exec", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A Role or ClusterRole allows `exec` into or `attach` to pods",
    remediation="Drop `pods/exec` and `pods/attach`; use logs, metrics or ephemeral debug containers with audit",
    aliases=("KSV053", "KSV054", "clusterrolePodExecAttach", "rolePodExecAttach", "clusterrolebindingPodExecAttach", "rolebindingClusterRolePodExecAttach", "rolebindingRolePodExecAttach", "CKV2_K8S_2"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `Role` and `ClusterRole` rules naming `pods/exec` or `pods/attach` with the verb `create`,
    `get` (used by WebSocket clients) or `*`. Wildcard resources are left to
    `wildcard-rbac-rule`.

    ## Why it matters
    A shell in a pod is that pod's identity: its mounted Secrets, its service account token and
    its network position. It is a common step to `cluster-admin`.

    ## Example
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: Role
    metadata: {name: debug, namespace: shop}
    rules:
      - apiGroups: [""]
        resources: [pods, pods/exec]
        verbs: [get, create]
    ```

    ## Use instead
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: Role
    metadata: {name: debug, namespace: shop}
    rules:
      - apiGroups: [""]
        resources: [pods, pods/log]
        verbs: [get]
    ```
    """
    if not is_rbac_role(obj):
        return
    for i, r in rbac_rules(obj.root):
        found = sorted(set(as_str_list(r.get("resources"))) & _SUBRESOURCES)
        verbs = set(as_str_list(r.get("verbs")))
        if found and verbs & {"create", "get", "*"} and in_groups(r, {""}):
            yield report(obj.at("rules", i, "resources"),
                         f"{obj.kind} `{obj.name}` allows {' and '.join(f'`{s}`' for s in found)} (rule {i})")
