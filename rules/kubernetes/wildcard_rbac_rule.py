from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.policy import as_str_list, is_rbac_role, rbac_rules


@rule(
    id="KS220", name="wildcard-rbac-rule", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A Role or ClusterRole rule grants `*` verbs or `*` resources",
    remediation="List the resources and verbs explicitly (CIS 5.1.3)",
    aliases=("wildcard-in-rules", "wildcard-resource-verb-combo", "CKV_K8S_49", "KSV044", "KSV045", "KSV046", "KSV112", "rolebindingClusterAdminRole"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `rules` of `Role`s and `ClusterRole`s whose `verbs` or `resources` contain `*`; one
    finding per rule, at the wildcard list (`*` in both is reported as equivalent to
    `cluster-admin` within its scope). `apiGroups: ["*"]` alone is not reported, nor are
    `nonResourceURLs`.

    ## Why it matters
    A wildcard grants today's resources and verbs and every one added later: new CRDs
    (including ones that hold credentials), subresources such as `pods/exec`, and verbs such
    as `escalate` and `impersonate`.

    ## Example
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: Role
    metadata: {name: app, namespace: shop}
    rules:
      - apiGroups: [""]
        resources: [configmaps]
        verbs: ["*"]
    ```

    ## Use instead
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: Role
    metadata: {name: app, namespace: shop}
    rules:
      - apiGroups: [""]
        resources: [configmaps]
        verbs: [get, list, watch]
    ```
    """
    if not is_rbac_role(obj):
        return
    for i, r in rbac_rules(obj.root):
        verbs, resources = as_str_list(r.get("verbs")), as_str_list(r.get("resources"))
        if "*" in verbs and "*" in resources:
            yield report(obj.at("rules", i, "resources"),
                         f"{obj.kind} `{obj.name}`: rule {i} grants every verb on every resource (cluster-admin within its scope)")
        elif "*" in verbs:
            yield report(obj.at("rules", i, "verbs"),
                         f"{obj.kind} `{obj.name}`: rule {i} grants every verb on {', '.join(resources[:4]) or 'its resources'}")
        elif "*" in resources:
            yield report(obj.at("rules", i, "resources"),
                         f"{obj.kind} `{obj.name}`: rule {i} grants {', '.join(verbs[:4]) or 'its verbs'} on every resource")
