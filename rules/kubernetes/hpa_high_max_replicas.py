from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule


@dataclass(frozen=True)
class Options:
    max_replicas: int = 100


@rule(
    id="KS247", name="hpa-high-max-replicas", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A HorizontalPodAutoscaler may scale beyond the configured maximum",
    remediation="Lower `spec.maxReplicas` to the capacity you intend to allow, or raise `max-replicas`",
    aliases=("hpa-maximum-replicas",), options=Options, enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `HorizontalPodAutoscaler` whose `spec.maxReplicas` is above `max-replicas` (default 100).
    Off by default.

    ## Why it matters
    A runaway metric (a retry storm, a bad query) scales the workload until the cluster, its
    quota or the database behind it gives out.

    ## Example
    ```yaml
    apiVersion: autoscaling/v2
    kind: HorizontalPodAutoscaler
    metadata: {name: api}
    spec:
      scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
      minReplicas: 2
      maxReplicas: 500
    ```

    ## Use instead
    ```yaml
    apiVersion: autoscaling/v2
    kind: HorizontalPodAutoscaler
    metadata: {name: api}
    spec:
      scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
      minReplicas: 2
      maxReplicas: 20
    ```

    ## Options
    - `max-replicas` (default `100`): the largest acceptable `maxReplicas`.
    """
    if obj.kind != "HorizontalPodAutoscaler" or obj.group != "autoscaling":
        return
    limit = (ctx.options or Options()).max_replicas
    value = obj.get("spec", "maxReplicas")
    if isinstance(value, int) and not isinstance(value, bool) and value > limit:
        yield report(obj.at("spec", "maxReplicas"),
                     f"HorizontalPodAutoscaler `{obj.name}` may scale to {value} replicas (more than {limit})")
