from __future__ import annotations

from typing import Any, Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.crossref import LabelSelector, index, namespace_of, operator_may_select, selected_templates


def _peers(obj: K8sObject) -> Iterator[tuple[Any, ...]]:
    for section, direction in (("ingress", "from"), ("egress", "to")):
        rules = obj.get("spec", section)
        for i, r in enumerate(rules if isinstance(rules, list) else []):
            peers = r.get(direction) if isinstance(r, dict) else None
            for j, peer in enumerate(peers if isinstance(peers, list) else []):
                if isinstance(peer, dict) and "podSelector" in peer and "namespaceSelector" not in peer:
                    yield ("spec", section, i, direction, j, "podSelector")


@rule(
    id="KS316", name="dangling-network-policy-peer", target=Target.K8S_PROJECT, severity=Severity.WARNING,
    summary="A NetworkPolicy rule allows traffic from or to pods that no workload of the run has",
    remediation="Fix the peer's `podSelector` labels to match the pods the rule should allow",
    aliases=("dangling-networkpolicypeer-podselector", "dangling-networkpolicy-rule"),
    references=("https://docs.kubelinter.io/#/generated/checks?id=dangling-networkpolicypeer-podselector",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Each `ingress[].from[]` and `egress[].to[]` peer of a NetworkPolicy that has a `podSelector`
    and no `namespaceSelector` (so it means pods of the policy's own namespace): the selector
    must match the template labels of some workload of the run in that namespace. Empty
    selectors, namespaces without workloads in the run, and selectors matching the labels or
    name of a custom resource of the namespace (pods an operator creates) are skipped.

    ## Why it matters
    A peer that matches no pod allows nothing: the traffic the rule was written for is
    dropped, usually because a label was renamed in the Deployment but not in the policy.

    ## Example
    ```yaml
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: db}
    spec:
      podSelector: {matchLabels: {app: db}}
      ingress:
        - from: [{podSelector: {matchLabels: {app: api-server}}}]
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec:
          containers: [{name: api, image: "example/api:1.2.0"}]
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: db}
    spec:
      serviceName: db
      selector: {matchLabels: {app: db}}
      template:
        metadata: {labels: {app: db}}
        spec:
          containers: [{name: db, image: "postgres:16.4"}]
    ```

    ## Use instead
    ```yaml
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: db}
    spec:
      podSelector: {matchLabels: {app: db}}
      ingress:
        - from: [{podSelector: {matchLabels: {app: api}}}]
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec:
          containers: [{name: api, image: "example/api:1.2.0"}]
    ```
    """
    if obj.kind != "NetworkPolicy" or not obj.group.startswith("networking.k8s.io"):
        return
    idx = index(ctx.project)
    ns = namespace_of(obj)
    if not idx.templates.get(ns):
        return
    for path in _peers(obj):
        node = obj.get(*path)
        selector = LabelSelector(node)
        if not isinstance(node, dict) or not selector.valid or selector.is_empty:
            continue
        if selected_templates(idx, ns, selector) or operator_may_select(idx, ns, selector.matches, selector.values):
            continue
        yield report(obj.at(*path), f"peer podSelector matches no pod template in namespace `{ns}`")
