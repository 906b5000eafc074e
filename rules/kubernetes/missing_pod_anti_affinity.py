from __future__ import annotations

from typing import Any, Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, pod_spec, report, rule
from linter.sources.policy import explicit_replicas, selector_matches

_HOST = "kubernetes.io/hostname"
# A *required* term over a wider domain also keeps two pods off one node.
_WIDER = {"topology.kubernetes.io/zone", "topology.kubernetes.io/region", "failure-domain.beta.kubernetes.io/zone",
          "failure-domain.beta.kubernetes.io/region"}


def _spreads(term: Any, labels: dict, keys: set[str]) -> bool:
    if not isinstance(term, dict) or term.get("topologyKey") not in keys:
        return False
    # a template without labels is a Kustomize patch or similar: its labels come from elsewhere
    return not labels or selector_matches(term.get("labelSelector"), labels) is not False


@rule(
    id="KS233", name="missing-pod-anti-affinity", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A workload with several replicas does not ask to spread its pods over nodes",
    remediation="Add a podAntiAffinity term (or a topologySpreadConstraint) on `kubernetes.io/hostname` selecting the pods' own labels",
    aliases=("no-anti-affinity", "deployment-has-host-podantiaffinity", "statefulset-has-host-podantiaffinity"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Deployments, StatefulSets, ReplicaSets and ReplicationControllers with a literal
    `replicas` of 2 or more whose pod template has no `podAntiAffinity` term (preferred or
    required) with `topologyKey: kubernetes.io/hostname` whose `labelSelector` selects the
    template's own labels. A *required* term on a zone or region key counts too (it also keeps
    two pods off one node), as does a `topologySpreadConstraints` entry on
    `kubernetes.io/hostname`. Selectors that cannot be evaluated (templated, or a template
    without labels such as a Kustomize patch) are given the benefit of the doubt.

    ## Why it matters
    Without it the scheduler may put every replica on the same node, and one node failure or
    drain takes the whole service down despite the replicas.

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
        spec: {containers: []}
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
          affinity:
            podAntiAffinity:
              preferredDuringSchedulingIgnoredDuringExecution:
                - weight: 100
                  podAffinityTerm:
                    topologyKey: kubernetes.io/hostname
                    labelSelector: {matchLabels: {app: api}}
          containers: []
    ```
    """
    replicas = explicit_replicas(obj)
    if replicas is None or replicas < 2:
        return
    found = pod_spec(obj)
    if found is None:
        return
    path, spec = found
    labels = obj.get("spec", "template", "metadata", "labels")
    labels = labels if isinstance(labels, dict) else {}
    anti = spec.get("affinity", {}).get("podAntiAffinity") if isinstance(spec.get("affinity"), dict) else None
    if isinstance(anti, dict):
        required = anti.get("requiredDuringSchedulingIgnoredDuringExecution")
        preferred = anti.get("preferredDuringSchedulingIgnoredDuringExecution")
        hard = list(required) if isinstance(required, list) else []
        soft = [p.get("podAffinityTerm") for p in preferred if isinstance(p, dict)] if isinstance(preferred, list) else []
        if any(_spreads(t, labels, {_HOST} | _WIDER) for t in hard) or any(_spreads(t, labels, {_HOST}) for t in soft):
            return
    spread = spec.get("topologySpreadConstraints")
    if isinstance(spread, list) and any(_spreads(t, labels, {_HOST}) for t in spread):
        return
    anchor = obj.at(*path, "affinity", key=True) if isinstance(spec.get("affinity"), dict) else obj.at("spec", "replicas")
    yield report(anchor, f"{obj.kind} `{obj.name}` has {replicas} replicas but no pod anti-affinity on `{_HOST}`")
