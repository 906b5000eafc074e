from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.policy import MANAGE_VERBS, as_str_list, granted_verbs, in_groups, is_rbac_role, rbac_rules

# resource -> the API groups that serve it (a CRD reusing the name in another group is not networking)
_RESOURCES = {
    "services": {""},
    "endpoints": {""},
    "endpointslices": {"discovery.k8s.io"},
    "networkpolicies": {"networking.k8s.io", "extensions"},
    "ingresses": {"networking.k8s.io", "extensions"},
}


@rule(
    id="KS189", name="rbac-manage-networking", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A Role or ClusterRole can change Services, Endpoints, NetworkPolicies or Ingresses",
    remediation="Grant only `get`, `list` and `watch` on networking resources, or limit writes with `resourceNames`",
    aliases=("KSV056",), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `Role` and `ClusterRole` rules granting `create`, `update`, `patch`, `delete`,
    `deletecollection`, `impersonate` or `*` on `services`, `endpoints` (core group),
    `endpointslices` (`discovery.k8s.io`), `networkpolicies` or `ingresses`
    (`networking.k8s.io`, `extensions`), as trivy KSV056 does. Rules limited by `resourceNames`
    and wildcard resources (left to `wildcard-rbac-rule`) are not reported. Off by default:
    ingress controllers, service meshes and operators need these rights; turn it on to review
    who has them.

    ## Why it matters
    Whoever controls Services and Endpoints decides which pods receive traffic (an interception
    attack); whoever controls NetworkPolicies can lift the restrictions on lateral movement.

    ## Example
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: {name: net-admin}
    rules:
      - apiGroups: [networking.k8s.io]
        resources: [networkpolicies]
        verbs: [get, list, update, delete]
    ```

    ## Use instead
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: {name: net-viewer}
    rules:
      - apiGroups: [networking.k8s.io]
        resources: [networkpolicies]
        verbs: [get, list, watch]
    ```
    """
    if not is_rbac_role(obj):
        return
    for i, r in rbac_rules(obj.root):
        if as_str_list(r.get("resourceNames")):
            continue
        verbs = granted_verbs(r, MANAGE_VERBS)
        if not verbs:
            continue
        found = [res for res in dict.fromkeys(as_str_list(r.get("resources")))
                 if res in _RESOURCES and in_groups(r, _RESOURCES[res])]
        if found:
            yield report(obj.at("rules", i, "resources"),
                         f"{obj.kind} `{obj.name}` can {'/'.join(verbs)} {', '.join(f'`{x}`' for x in found)} (rule {i})")
