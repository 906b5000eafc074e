from __future__ import annotations

import math
from typing import Any, Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.crossref import LabelSelector, index, namespace_of

_REPLICATED = ("Deployment", "StatefulSet", "ReplicaSet", "ReplicationController")


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _min_replicas(obj: K8sObject, autoscalers: list[K8sObject]) -> tuple[int, str] | None:
    """The fewest replicas the workload may run, and where that number comes from."""
    for hpa in autoscalers:
        ref = hpa.get("spec", "scaleTargetRef")
        if not isinstance(ref, dict) or ref.get("kind") != obj.kind or ref.get("name") != obj.name:
            continue
        if hpa.kind == "HorizontalPodAutoscaler":
            low = hpa.get("spec", "minReplicas", default=1)
        else:  # KEDA ScaledObject
            low = hpa.get("spec", "minReplicaCount", default=0)
        low = _int(low)
        return (low, f"{hpa.kind} `{hpa.name}` minReplicas") if low else None
    replicas = _int(obj.get("spec", "replicas", default=1))
    return (replicas, "replicas") if replicas is not None else None


@rule(
    id="KS158", name="pdb-min-available-blocks-eviction", target=Target.K8S_PROJECT, severity=Severity.WARNING,
    summary="A PodDisruptionBudget's minAvailable is at least the replicas of the workload it protects",
    remediation="Lower `minAvailable` below the replica count (or HPA minReplicas), or raise the replicas",
    aliases=("pdb-min-available", "pdbMinAvailableGreaterThanOrEqualToHPAMinReplicas"),
    references=("https://docs.kubelinter.io/#/generated/checks?id=pdb-min-available",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `PodDisruptionBudget` (policy) with a numeric or percentage `minAvailable` that is at least
    the replica count of a Deployment, StatefulSet, ReplicaSet or ReplicationController of the
    run whose pod template labels, or own `spec.selector.matchLabels`, its selector matches (same
    namespace). When a HorizontalPodAutoscaler
    (or a KEDA `ScaledObject` with `minReplicaCount` of 1 or more) of the run scales the
    workload, its minimum replica count is used instead of `spec.replicas`; an unset
    `replicas` counts as 1. A percentage is rounded up as the disruption controller does.
    `minAvailable: 100%` alone is `pdb-blocks-eviction`'s (KS237) finding and is not repeated
    here; DaemonSets, templated values and workloads outside the run are not judged.

    kube-linter's `pdb-min-available` compares against the HPA only when the workload's replicas
    are 1; polaris' `pdbMinAvailableGreaterThanOrEqualToHPAMinReplicas` only against the HPA.
    k8slint uses the HPA's minimum whenever one targets the workload: that is the count the
    budget faces after a scale-down.

    ## Why it matters
    With as many pods required available as there are pods, no voluntary eviction is ever
    allowed: `kubectl drain`, node upgrades and the cluster autoscaler block on the node until
    someone deletes the budget by hand.

    ## Example
    ```yaml
    apiVersion: policy/v1
    kind: PodDisruptionBudget
    metadata: {name: api}
    spec:
      minAvailable: 2
      selector: {matchLabels: {app: api}}
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      replicas: 2
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec:
          containers: [{name: api, image: "api:1.4.2"}]
    ```

    ## Use instead
    ```yaml
    apiVersion: policy/v1
    kind: PodDisruptionBudget
    metadata: {name: api}
    spec:
      minAvailable: 2
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
          containers: [{name: api, image: "api:1.4.2"}]
    ```
    """
    if obj.kind != "PodDisruptionBudget" or not obj.group.startswith("policy"):
        return
    raw = obj.get("spec", "minAvailable")
    value, percent = _int(raw), None
    if value is None:
        if not isinstance(raw, str) or not raw.endswith("%") or not raw[:-1].strip().isdigit():
            return
        percent = int(raw[:-1])
        if percent >= 100:
            return  # KS237
    node = obj.get("spec", "selector")
    selector = LabelSelector(node)
    if node is None or not selector.valid or selector.is_empty:
        return
    idx = index(ctx.project)
    ns = namespace_of(obj)
    autoscalers = idx.of("HorizontalPodAutoscaler", ns) + [s for s in idx.of("ScaledObject", ns) if s.group.startswith("keda.sh")]
    for template in idx.templates.get(ns, []):
        workload = template.obj
        if workload.kind not in _REPLICATED:
            continue
        if not selector.matches(template.labels):  # kube-linter also matches the workload's own matchLabels
            if template.match_labels is None or not selector.matches(template.match_labels):
                continue
        found = _min_replicas(workload, autoscalers)
        if found is None:
            continue
        replicas, source = found
        need = value if percent is None else math.ceil(replicas * percent / 100)
        if need >= replicas:
            yield report(obj.at("spec", "minAvailable"),
                         f"minAvailable {raw} leaves no disruption for {workload.kind} `{workload.name}` "
                         f"({source} {replicas}): evictions and node drains block")
