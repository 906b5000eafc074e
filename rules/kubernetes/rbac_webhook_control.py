from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.policy import as_str_list, in_groups, is_rbac_role, rbac_rules

_WEBHOOKS = {"validatingwebhookconfigurations", "mutatingwebhookconfigurations"}
_WRITE = {"create", "update", "patch", "delete", "deletecollection"}


@rule(
    id="KS226", name="rbac-webhook-control", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A ClusterRole can create or change admission webhook configurations",
    remediation="Scope write access with `resourceNames` to the webhook the component owns",
    aliases=("CKV_K8S_155", "KSV114"), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `ClusterRole` (and `Role`) rules granting `create`, `update`, `patch`, `delete`,
    `deletecollection` (or `*`) on `validatingwebhookconfigurations` or
    `mutatingwebhookconfigurations` without `resourceNames`. Off by default: operators patch
    their own webhook's CA bundle.

    ## Why it matters
    A mutating webhook sees, and may rewrite, every object sent to the API server, Secrets
    included; a validating one can block or observe them. Control of webhooks is control of
    the cluster.

    ## Example
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: {name: injector}
    rules:
      - apiGroups: [admissionregistration.k8s.io]
        resources: [mutatingwebhookconfigurations]
        verbs: [create, update, patch]
    ```

    ## Use instead
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: {name: injector}
    rules:
      - apiGroups: [admissionregistration.k8s.io]
        resources: [mutatingwebhookconfigurations]
        resourceNames: [injector]
        verbs: [get, update, patch]
    ```
    """
    if not is_rbac_role(obj):
        return
    for i, r in rbac_rules(obj.root):
        if as_str_list(r.get("resourceNames")):
            continue
        found = sorted(set(as_str_list(r.get("resources"))) & _WEBHOOKS)
        if found and set(as_str_list(r.get("verbs"))) & (_WRITE | {"*"}) and in_groups(r, {"admissionregistration.k8s.io"}):
            yield report(obj.at("rules", i, "resources"),
                         f"{obj.kind} `{obj.name}` can change {', '.join(found)} (rule {i})")
