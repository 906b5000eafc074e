from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, pod_spec, report, rule
from linter.sources.policy import REPLICATED_KINDS


@rule(
    id="KS239", name="missing-topology-spread", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A replicated workload sets no `topologySpreadConstraints`",
    remediation="Add `topologySpreadConstraints` over `topology.kubernetes.io/zone` (and/or hostname) selecting the pods' labels",
    aliases=("topologySpreadConstraint",), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Deployments, StatefulSets, ReplicaSets and ReplicationControllers whose pod template has
    no `topologySpreadConstraints`, unless `replicas` is literally 0 or 1. Off by default.

    ## Why it matters
    Without spread constraints, replicas may all land in one zone, and a zone outage takes the
    whole service down.

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
          topologySpreadConstraints:
            - maxSkew: 1
              topologyKey: topology.kubernetes.io/zone
              whenUnsatisfiable: ScheduleAnyway
              labelSelector: {matchLabels: {app: api}}
          containers: []
    ```
    """
    if obj.kind not in REPLICATED_KINDS:
        return
    found = pod_spec(obj)
    if found is None:
        return
    replicas = obj.get("spec", "replicas")
    if isinstance(replicas, int) and replicas < 2:
        return
    path, spec = found
    if not spec.get("topologySpreadConstraints"):
        yield report(obj.at(*path, key=True), f"{obj.kind} `{obj.name}` sets no topologySpreadConstraints")
