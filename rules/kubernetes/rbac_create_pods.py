from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.policy import as_str_list, in_groups, is_rbac_role, rbac_rules

_WORKLOADS = {"pods", "deployments", "statefulsets", "replicasets", "daemonsets", "jobs", "cronjobs",
              "replicationcontrollers"}


@rule(
    id="KS223", name="rbac-create-pods", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A Role or ClusterRole can create pods or pod-creating workloads",
    remediation="Restrict `create` on workloads to the controllers and deploy pipelines that need it (CIS 5.1.4)",
    aliases=("access-to-create-pods", "KSV048"), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `Role` and `ClusterRole` rules granting `create` (or `*`) on `pods` or on a kind that
    creates pods (Deployments, StatefulSets, ReplicaSets, DaemonSets, Jobs, CronJobs,
    ReplicationControllers). Off by default: deploy tools and operators need it.

    ## Why it matters
    Whoever can create a pod can mount any Secret and run as any service account of the
    namespace, and, without Pod Security admission, run a privileged pod on a node.

    ## Example
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: Role
    metadata: {name: runner, namespace: ci}
    rules:
      - apiGroups: [""]
        resources: [pods]
        verbs: [create, delete]
    ```

    ## Use instead
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: Role
    metadata: {name: runner, namespace: ci}
    rules:
      - apiGroups: [""]
        resources: [pods]
        verbs: [get, list, watch]
    ```
    """
    if not is_rbac_role(obj):
        return
    for i, r in rbac_rules(obj.root):
        found = sorted(set(as_str_list(r.get("resources"))) & _WORKLOADS)
        if found and set(as_str_list(r.get("verbs"))) & {"create", "*"} and in_groups(r, {"", "apps", "batch", "extensions"}):
            yield report(obj.at("rules", i, "resources"),
                         f"{obj.kind} `{obj.name}` can create {', '.join(found)} (rule {i})")
