from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule


@dataclass(frozen=True)
class Options:
    min_replicas: int = 2


@rule(
    id="KS236", name="hpa-low-min-replicas", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A HorizontalPodAutoscaler may scale its target down to fewer replicas than the minimum",
    remediation="Set `spec.minReplicas` to at least 2 so scaling down never leaves a single pod",
    aliases=("hpa-minimum-three-replicas", "horizontalpodautoscaler-replicas", "hpaMinAvailability"), options=Options, enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `HorizontalPodAutoscaler` whose `spec.minReplicas` is below `min-replicas` (default 2),
    including an unset `minReplicas` (which defaults to 1). Off by default.

    ## Why it matters
    At night the autoscaler scales to the minimum: with one replica, a node drain or a crash is
    an outage until a new pod is ready.

    ## Example
    ```yaml
    apiVersion: autoscaling/v2
    kind: HorizontalPodAutoscaler
    metadata: {name: api}
    spec:
      scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
      minReplicas: 1
      maxReplicas: 10
    ```

    ## Use instead
    ```yaml
    apiVersion: autoscaling/v2
    kind: HorizontalPodAutoscaler
    metadata: {name: api}
    spec:
      scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
      minReplicas: 2
      maxReplicas: 10
    ```

    ## Options
    - `min-replicas` (default `2`): the smallest acceptable `minReplicas` (kube-linter uses 3).
    """
    if obj.kind != "HorizontalPodAutoscaler" or obj.group != "autoscaling" or not isinstance(obj.get("spec"), dict):
        return
    minimum = (ctx.options or Options()).min_replicas
    value = obj.get("spec", "minReplicas")
    if value is None:
        if minimum > 1:
            yield report(obj.at("spec", key=True), f"HorizontalPodAutoscaler `{obj.name}` sets no minReplicas (default 1)")
    elif isinstance(value, int) and not isinstance(value, bool) and value < minimum:
        yield report(obj.at("spec", "minReplicas"),
                     f"HorizontalPodAutoscaler `{obj.name}` may scale down to {value} replica(s); at least {minimum} are expected")
