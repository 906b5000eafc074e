from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.crossref import LabelSelector, index, namespace_of, operator_may_select, selected_templates


@rule(
    id="KS304", name="dangling-network-policy", target=Target.K8S_PROJECT, severity=Severity.WARNING,
    summary="A NetworkPolicy's podSelector matches no pod template of the run",
    remediation="Make `spec.podSelector` match the labels of the pods the policy should protect",
    aliases=("dangling-networkpolicy", "networkpolicy-targets-pod"),
    references=("https://docs.kubelinter.io/#/generated/checks?id=dangling-networkpolicy",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `NetworkPolicy` (networking.k8s.io) whose `spec.podSelector` (`matchLabels` and
    `matchExpressions`) matches the template labels of no workload of the run in its namespace.
    An empty selector (`{}`, every pod) never fires, and neither does a policy whose namespace
    holds no workload in the run. Controller-set pod labels (`statefulset.kubernetes.io/pod-name`...)
    are ignored, and a selector matching the labels (or name) of a custom resource of the
    namespace is assumed to select pods an operator creates from it.

    ## Why it matters
    A policy that selects nothing protects nothing: the pods it was written for stay open to
    every other pod of the cluster while the manifest suggests they are isolated.

    ## Example
    ```yaml
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: db}
    spec:
      podSelector: {matchLabels: {app: postgresql}}
      policyTypes: [Ingress]
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: db}
    spec:
      selector: {matchLabels: {app: postgres}}
      serviceName: db
      template:
        metadata: {labels: {app: postgres}}
        spec:
          containers: [{name: db, image: "postgres:16.4"}]
    ```

    ## Use instead
    ```yaml
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: db}
    spec:
      podSelector: {matchLabels: {app: postgres}}
      policyTypes: [Ingress]
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: db}
    spec:
      selector: {matchLabels: {app: postgres}}
      serviceName: db
      template:
        metadata: {labels: {app: postgres}}
        spec:
          containers: [{name: db, image: "postgres:16.4"}]
    ```
    """
    if obj.kind != "NetworkPolicy" or not obj.group.startswith("networking.k8s.io") and obj.group != "extensions":
        return
    node = obj.get("spec", "podSelector")
    selector = LabelSelector(node)
    if node is None or not selector.valid or selector.is_empty:
        return
    idx = index(ctx.project)
    ns = namespace_of(obj)
    if not idx.templates.get(ns) or selected_templates(idx, ns, selector):
        return
    if operator_may_select(idx, ns, selector.matches, selector.values):
        return
    yield report(obj.at("spec", "podSelector"), f"podSelector matches no pod template in namespace `{ns}`")
