from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.policy import as_str_list, is_rbac_role, rbac_rules, rule_grants

_READ = {"get", "list", "watch"}


@rule(
    id="KS221", name="rbac-secrets-access", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A Role or ClusterRole can read Secrets",
    remediation="Limit Secret access with `resourceNames`, or mount the Secrets the workload needs instead (CIS 5.1.2)",
    aliases=("access-to-secrets", "cluster-wide-secrets-access", "KSV041", "KSV113", "CKV2_K8S_5"), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `Role` and `ClusterRole` rules granting `get`, `list`, `watch` (or `*`) on `secrets` (or
    `*` resources) in the core API group, without `resourceNames`. Off by default: many
    controllers legitimately read Secrets; turn it on to review who can.

    ## Why it matters
    Reading Secrets means holding every credential of the namespace (or the cluster, for a
    ClusterRole bound cluster-wide), including service account tokens of more privileged
    accounts: a short path to privilege escalation.

    ## Example
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: {name: reader}
    rules:
      - apiGroups: [""]
        resources: [secrets]
        verbs: [get, list]
    ```

    ## Use instead
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: Role
    metadata: {name: reader, namespace: shop}
    rules:
      - apiGroups: [""]
        resources: [secrets]
        resourceNames: [shop-db]
        verbs: [get]
    ```
    """
    if not is_rbac_role(obj):
        return
    for i, r in rbac_rules(obj.root):
        if as_str_list(r.get("resourceNames")):
            continue
        if rule_grants(r, {"secrets"}, _READ, {""}):
            verbs = sorted(set(as_str_list(r.get("verbs"))) & (_READ | {"*"}))
            yield report(obj.at("rules", i, "resources"),
                         f"{obj.kind} `{obj.name}` can {'/'.join(verbs)} Secrets (rule {i})")
