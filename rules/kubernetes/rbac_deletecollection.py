from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.policy import as_str_list, in_groups, is_rbac_role, rbac_rules

_RESOURCES = {"*", "secrets", "pods", "deployments", "configmaps", "namespaces", "persistentvolumeclaims",
              "statefulsets", "services"}


@rule(
    id="KS243", name="rbac-deletecollection", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A Role or ClusterRole grants `deletecollection` on important resources",
    remediation="Grant `delete` (one object at a time) instead of `deletecollection`",
    aliases=("deletecollection-verb-in-role",), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `Role` and `ClusterRole` rules that explicitly grant `deletecollection` on secrets, pods,
    Deployments, StatefulSets, Services, ConfigMaps, PersistentVolumeClaims, namespaces or
    `*`. Off by default, as in kube-linter.

    ## Why it matters
    One API call deletes every object of the type in the namespace (or cluster): a mistake or
    a stolen token wipes an environment at once.

    ## Example
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: Role
    metadata: {name: cleaner, namespace: shop}
    rules:
      - apiGroups: [""]
        resources: [pods]
        verbs: [list, deletecollection]
    ```

    ## Use instead
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: Role
    metadata: {name: cleaner, namespace: shop}
    rules:
      - apiGroups: [""]
        resources: [pods]
        verbs: [list, delete]
    ```
    """
    if not is_rbac_role(obj):
        return
    for i, r in rbac_rules(obj.root):
        found = sorted(set(as_str_list(r.get("resources"))) & _RESOURCES)
        if found and "deletecollection" in as_str_list(r.get("verbs")) and in_groups(r, {"", "apps"}):
            yield report(obj.at("rules", i, "verbs"),
                         f"{obj.kind} `{obj.name}` grants `deletecollection` on {', '.join(found)} (rule {i})")
