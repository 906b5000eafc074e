from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.crossref import index, namespace_of


@rule(
    id="KS303", name="dangling-horizontal-pod-autoscaler", target=Target.K8S_PROJECT, severity=Severity.WARNING,
    summary="A HorizontalPodAutoscaler scales an object that the run does not define",
    remediation="Fix `spec.scaleTargetRef` (kind and name) to name the workload to scale",
    aliases=("dangling-horizontalpodautoscaler", "horizontalpodautoscaler-has-target"),
    references=("https://docs.kubelinter.io/#/generated/checks?id=dangling-horizontalpodautoscaler",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `HorizontalPodAutoscaler` whose `spec.scaleTargetRef` (`kind` + `name`) names no object
    of the run in the HPA's namespace. Checked only when the run defines at least one object of
    that kind in the namespace (otherwise the target lives elsewhere).

    ## Why it matters
    An HPA with a missing target does nothing: the workload it was meant to scale keeps its
    fixed replica count under load, and the HPA only reports `FailedGetScale` events.

    ## Example
    ```yaml
    apiVersion: autoscaling/v2
    kind: HorizontalPodAutoscaler
    metadata: {name: api}
    spec:
      scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api-server}
      minReplicas: 2
      maxReplicas: 10
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

    ## Use instead
    ```yaml
    apiVersion: autoscaling/v2
    kind: HorizontalPodAutoscaler
    metadata: {name: api}
    spec:
      scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
      minReplicas: 2
      maxReplicas: 10
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
    if obj.kind != "HorizontalPodAutoscaler":
        return
    ref = obj.get("spec", "scaleTargetRef")
    if not isinstance(ref, dict):
        return
    kind, name = ref.get("kind"), ref.get("name")
    if not isinstance(kind, str) or not isinstance(name, str) or not kind or not name:
        return
    idx = index(ctx.project)
    ns = namespace_of(obj)
    if not idx.of(kind, ns) or idx.has(kind, ns, name):
        return
    yield report(obj.at("spec", "scaleTargetRef", "name"), f"scale target {kind} `{name}` is not defined in namespace `{ns}`")
