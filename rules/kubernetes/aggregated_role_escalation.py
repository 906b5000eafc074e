from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.policy import is_rbac_role, rbac_rules, rule_grants

_LABELS = ("rbac.authorization.k8s.io/aggregate-to-admin", "rbac.authorization.k8s.io/aggregate-to-edit",
           "rbac.authorization.k8s.io/aggregate-to-view")
_PRIVILEGED = {"secrets", "roles", "clusterroles", "clusterrolebindings", "rolebindings"}
_WRITE = {"create", "update", "patch", "delete"}


@rule(
    id="KS244", name="aggregated-role-escalation", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A ClusterRole aggregated into admin/edit/view grants write access to Secrets or RBAC objects",
    remediation="Drop the write verbs on secrets and RBAC resources, or the aggregation label",
    aliases=("aggregate-to-admin-escalation",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `ClusterRole` labelled `rbac.authorization.k8s.io/aggregate-to-admin`, `-to-edit` or
    `-to-view: "true"` with a rule (core or RBAC API group, or `*`) granting `create`,
    `update`, `patch`, `delete` or `*` on secrets, roles, rolebindings, clusterroles,
    clusterrolebindings or `*`.

    ## Why it matters
    Kubernetes merges aggregated rules into the built-in `admin`, `edit` or `view` roles: every
    user bound to them, in every namespace, silently inherits the permission. A CRD's
    aggregated role is a common way to hand `view` users write access to Secrets.

    ## Example
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata:
      name: widgets-edit
      labels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}
    rules:
      - apiGroups: [""]
        resources: [secrets]
        verbs: [get, update]
    ```

    ## Use instead
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata:
      name: widgets-view
      labels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}
    rules:
      - apiGroups: [example.com]
        resources: [widgets]
        verbs: [get, list, watch]
    ```
    """
    if obj.kind != "ClusterRole" or not is_rbac_role(obj):
        return
    labels = obj.labels
    aggregated = [k.rsplit("-to-", 1)[-1] for k in _LABELS if str(labels.get(k, "")).lower() == "true"]
    if not aggregated:
        return
    for i, r in rbac_rules(obj.root):
        if rule_grants(r, _PRIVILEGED, _WRITE, {"", "rbac.authorization.k8s.io"}):
            yield report(obj.at("rules", i, "verbs"),
                         f"ClusterRole `{obj.name}` is aggregated into `{aggregated[0]}` and grants write access to "
                         f"secrets or RBAC objects (rule {i})")
