from __future__ import annotations

from typing import Any, Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule

_SELECTORS = ("podSelector", "namespaceSelector")


def _peers_select(rules: Any, peers_key: str) -> bool:
    if not isinstance(rules, list):
        return False
    for r in rules:
        peers = r.get(peers_key) if isinstance(r, dict) else None
        if isinstance(peers, list) and any(isinstance(p, dict) and any(s in p for s in _SELECTORS) for p in peers):
            return True
    return False


@rule(
    id="KS192", name="network-policy-without-pod-selector", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A NetworkPolicy selects pods nowhere: no `spec.podSelector` and no selector in its peers",
    remediation="Set `spec.podSelector` (`{}` for every pod of the namespace) and select peers by pod or namespace",
    aliases=("KSV038",), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `NetworkPolicy` objects (`networking.k8s.io`) whose `spec` has no `podSelector` and no
    `namespaceSelector`, and none of whose `ingress[].from[]` / `egress[].to[]` peers uses a
    `podSelector` or `namespaceSelector` (trivy KSV038): a policy written with IP blocks only,
    applied to pods it never names. Files named like a kustomize patch (`*patch*`) are skipped:
    patches are partial by design. Off by default: the schema check (`schema-violation`)
    accepts an omitted `podSelector`, and the policy is valid.

    ## Why it matters
    Which pods a policy isolates should be explicit: an omitted `podSelector` silently applies
    the policy to every pod of the namespace (like `podSelector: {}`), and CIDR-only peers do
    not follow pods as they move between nodes and addresses.

    ## Example
    ```yaml
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: office-only, namespace: shop}
    spec:
      policyTypes: [Ingress]
      ingress:
        - from:
            - ipBlock: {cidr: 10.0.0.0/8}
    ```

    ## Use instead
    ```yaml
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: office-only, namespace: shop}
    spec:
      podSelector: {matchLabels: {app: web}}
      policyTypes: [Ingress]
      ingress:
        - from:
            - ipBlock: {cidr: 10.0.0.0/8}
    ```
    """
    if obj.kind != "NetworkPolicy" or obj.group != "networking.k8s.io" or "patch" in obj.file.rsplit("/", 1)[-1].lower():
        return
    spec = obj.root.get("spec")
    if not isinstance(spec, dict) or any(s in spec for s in _SELECTORS):
        return
    if _peers_select(spec.get("ingress"), "from") or _peers_select(spec.get("egress"), "to"):
        return
    yield report(obj.at("spec", key=True), f"NetworkPolicy `{obj.name}` has no `spec.podSelector` and selects no pods or namespaces")
