from __future__ import annotations

from typing import Any, Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule


def _allows_all(peer_rule: Any) -> bool:
    """An ingress/egress rule with no peers and no ports matches all traffic."""
    if not isinstance(peer_rule, dict):
        return peer_rule is None
    peers = peer_rule.get("from", peer_rule.get("to"))
    return not peers and not peer_rule.get("ports")


@rule(
    id="KS218", name="allow-all-network-policy", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A NetworkPolicy rule allows all traffic from or to anywhere",
    remediation="Name the peers (`podSelector`, `namespaceSelector`, `ipBlock`) and ports the pods need",
    enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `NetworkPolicy` `ingress` or `egress` rules that are empty (`- {}`), i.e. that have neither
    peers nor ports and so allow every source or destination on every port. Off by default:
    an "allow all egress" rule is a common, deliberate choice.

    ## Why it matters
    An allow-all rule cancels the default-deny the policy was probably written for: every pod
    in the cluster (and the internet) can reach the selected pods, or they can reach anything.

    ## Example
    ```yaml
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: api}
    spec:
      podSelector: {matchLabels: {app: api}}
      policyTypes: [Ingress]
      ingress:
        - {}
    ```

    ## Use instead
    ```yaml
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: api}
    spec:
      podSelector: {matchLabels: {app: api}}
      policyTypes: [Ingress]
      ingress:
        - from: [{podSelector: {matchLabels: {app: web}}}]
          ports: [{port: 8080}]
    ```
    """
    if obj.kind != "NetworkPolicy" or obj.group not in ("networking.k8s.io", "extensions"):
        return
    for direction, word in (("ingress", "from any source"), ("egress", "to any destination")):
        rules = obj.get("spec", direction)
        if not isinstance(rules, list):
            continue
        for i, r in enumerate(rules):
            if _allows_all(r):
                yield report(obj.at("spec", direction, i),
                             f"NetworkPolicy `{obj.name}` allows all {direction} traffic {word} on every port")
