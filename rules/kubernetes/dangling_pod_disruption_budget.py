from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.crossref import LabelSelector, index, namespace_of, operator_may_select, selected_templates


@rule(
    id="KS305", name="dangling-pod-disruption-budget", target=Target.K8S_PROJECT, severity=Severity.WARNING,
    summary="A PodDisruptionBudget's selector matches no pod template of the run",
    remediation="Make `spec.selector` match the pod template labels of the workload to protect",
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `PodDisruptionBudget` whose `spec.selector` (`matchLabels` and `matchExpressions`)
    matches the template labels of no workload of the run in its namespace. Empty selectors
    and namespaces without any workload in the run are skipped. Controller-set pod labels are
    ignored, and a selector matching the labels (or name) of a custom resource of the namespace
    is assumed to select pods an operator creates from it.

    ## Why it matters
    A budget that selects nothing gives no protection: a node drain or cluster upgrade evicts
    every replica of the workload at once.

    ## Example
    ```yaml
    apiVersion: policy/v1
    kind: PodDisruptionBudget
    metadata: {name: api}
    spec:
      minAvailable: 1
      selector: {matchLabels: {app: api-server}}
    ---
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
    apiVersion: policy/v1
    kind: PodDisruptionBudget
    metadata: {name: api}
    spec:
      minAvailable: 1
      selector: {matchLabels: {app: api}}
    ---
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
    """
    if obj.kind != "PodDisruptionBudget" or not obj.group.startswith("policy"):
        return
    node = obj.get("spec", "selector")
    selector = LabelSelector(node)
    if node is None or not selector.valid or selector.is_empty:
        return
    idx = index(ctx.project)
    ns = namespace_of(obj)
    if not idx.templates.get(ns) or selected_templates(idx, ns, selector):
        return
    if operator_may_select(idx, ns, selector.matches, selector.values):
        return
    yield report(obj.at("spec", "selector"), f"selector matches no pod template in namespace `{ns}`")
