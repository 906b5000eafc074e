from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule


@rule(
    id="KS167", name="hpa-cannot-scale", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A HorizontalPodAutoscaler's maxReplicas is not above its minReplicas, so it never scales",
    remediation="Raise `spec.maxReplicas` above `spec.minReplicas`, or drop the autoscaler and set `replicas`",
    aliases=("hpaMaxAvailability",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `HorizontalPodAutoscaler` (autoscaling) whose `spec.maxReplicas` is less than or equal to
    its `spec.minReplicas` (1 when unset), polaris `hpaMaxAvailability`. Templated values are
    skipped.

    ## Why it matters
    With the bounds equal the autoscaler pins the replica count and never reacts to load;
    with `maxReplicas` below `minReplicas` the API server rejects the object. Either way the
    manifest promises autoscaling that does not happen.

    ## Example
    ```yaml
    apiVersion: autoscaling/v2
    kind: HorizontalPodAutoscaler
    metadata: {name: api}
    spec:
      scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
      minReplicas: 3
      maxReplicas: 3
    ```

    ## Use instead
    ```yaml
    apiVersion: autoscaling/v2
    kind: HorizontalPodAutoscaler
    metadata: {name: api}
    spec:
      scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
      minReplicas: 3
      maxReplicas: 10
    ```
    """
    if obj.kind != "HorizontalPodAutoscaler" or obj.group != "autoscaling":
        return
    high, low = obj.get("spec", "maxReplicas"), obj.get("spec", "minReplicas", default=1)
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (high, low)):
        return
    if high <= low:
        yield report(obj.at("spec", "maxReplicas"),
                     f"HorizontalPodAutoscaler `{obj.name}` has maxReplicas {high} <= minReplicas {low}: it never scales")
