from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.policy import explicit_replicas


@dataclass(frozen=True)
class Options:
    min_replicas: int = 2


@rule(
    id="KS232", name="low-replica-count", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A Deployment or StatefulSet runs fewer replicas than the configured minimum",
    remediation="Run at least two replicas (and spread them) so one node or pod failure is not an outage",
    aliases=("minimum-three-replicas", "deployment-replicas", "deploymentMissingReplicas", "multipleReplicasForDeployment"),
    options=Options, enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Deployments, StatefulSets, ReplicaSets and ReplicationControllers whose literal
    `spec.replicas` is below `min-replicas` (default 2). An unset `replicas` is not reported:
    it is how a HorizontalPodAutoscaler-managed workload is written. `replicas: 0` (a
    deliberately scaled-down workload) is not reported either. Off by default.

    ## Why it matters
    A single replica makes every rollout, node drain and crash an outage of the service.

    ## Example
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      replicas: 1
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
        spec: {containers: []}
    ```

    ## Options
    - `min-replicas` (default `2`): the smallest acceptable replica count (kube-linter uses 3).
    """
    replicas = explicit_replicas(obj)
    minimum = (ctx.options or Options()).min_replicas
    if replicas is not None and 0 < replicas < minimum:
        yield report(obj.at("spec", "replicas"), f"{obj.kind} `{obj.name}` runs {replicas} replica(s); at least {minimum} are expected")
