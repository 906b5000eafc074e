from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.crossref import LabelSelector, index, namespace_of, pod_template_of


@rule(
    id="KS313", name="missing-pod-disruption-budget", target=Target.K8S_PROJECT, severity=Severity.INFO,
    summary="A replicated Deployment or StatefulSet has no PodDisruptionBudget in the run",
    remediation="Add a PodDisruptionBudget (`maxUnavailable: 1`) that selects the workload's pods",
    aliases=("deployment-has-poddisruptionbudget", "statefulset-has-poddisruptionbudget", "missingPodDisruptionBudget", "pod-disruption-budget"),
    enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A Deployment or StatefulSet with `replicas` greater than 1 whose pod template no
    `PodDisruptionBudget` of the run (same namespace) selects. Off by default.

    ## Why it matters
    Without a budget, a node drain or cluster upgrade may evict all replicas at the same time,
    turning planned maintenance into an outage.

    ## Example
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      replicas: 3
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec:
          containers: [{name: api, image: "example/api:1.2.0"}]
    ```

    ## Use instead
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      replicas: 3
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec:
          containers: [{name: api, image: "example/api:1.2.0"}]
    ---
    apiVersion: policy/v1
    kind: PodDisruptionBudget
    metadata: {name: api}
    spec:
      maxUnavailable: 1
      selector: {matchLabels: {app: api}}
    ```
    """
    if obj.kind not in ("Deployment", "StatefulSet"):
        return
    replicas = obj.get("spec", "replicas")
    if not isinstance(replicas, int) or isinstance(replicas, bool) or replicas <= 1:
        return
    template = pod_template_of(ctx.project, obj)
    if template is None:
        return
    for pdb in index(ctx.project).of("PodDisruptionBudget", namespace_of(obj)):
        node = pdb.get("spec", "selector")
        if isinstance(node, dict) and LabelSelector(node).matches(template.labels):
            return
    yield report(obj.at("spec", "replicas"),
                 f"{obj.kind} `{obj.name}` runs {replicas} replicas but no PodDisruptionBudget selects its pods")
