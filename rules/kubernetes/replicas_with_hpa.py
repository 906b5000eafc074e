from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.crossref import index, namespace_of


@rule(
    id="KS314", name="replicas-with-hpa", target=Target.K8S_PROJECT, severity=Severity.WARNING,
    summary="A workload scaled by a HorizontalPodAutoscaler also sets `spec.replicas`",
    remediation="Remove `spec.replicas` and let the HorizontalPodAutoscaler own the replica count",
    aliases=("deployment-targeted-by-hpa-does-not-have-replicas-configured",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A Deployment, StatefulSet or ReplicaSet that sets `spec.replicas` while a
    `HorizontalPodAutoscaler` of the run (same namespace) names it in `scaleTargetRef`.

    ## Why it matters
    Every `kubectl apply` resets the replica count to the manifest's value, undoing the
    autoscaler's decision: a scaled-out service drops to the fixed count in the middle of a peak.

    ## Example
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      replicas: 2
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec:
          containers: [{name: api, image: "example/api:1.2.0"}]
    ---
    apiVersion: autoscaling/v2
    kind: HorizontalPodAutoscaler
    metadata: {name: api}
    spec:
      scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
      minReplicas: 2
      maxReplicas: 10
    ```

    ## Use instead
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec:
          containers: [{name: api, image: "example/api:1.2.0"}]
    ---
    apiVersion: autoscaling/v2
    kind: HorizontalPodAutoscaler
    metadata: {name: api}
    spec:
      scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
      minReplicas: 2
      maxReplicas: 10
    ```
    """
    if obj.kind not in ("Deployment", "StatefulSet", "ReplicaSet") or not obj.is_workload:
        return
    targets = ctx.project.memo("KS314.hpa-targets", _targets)
    hpa = targets.get((namespace_of(obj), obj.kind, obj.name))
    if hpa is None:  # first: reading the spec may unpack a stored object
        return
    spec = obj.get("spec")
    if isinstance(spec, dict) and "replicas" in spec and spec.get("replicas") is not None:
        yield report(obj.at("spec", "replicas", key=True),
                     f"{obj.kind} `{obj.name}` sets replicas while HorizontalPodAutoscaler `{hpa.name}` scales it")


def _targets(project):  # type: ignore[no-untyped-def]
    out = {}
    idx = index(project)
    for (kind, ns), objs in idx.by_kind_ns.items():
        if kind != "HorizontalPodAutoscaler":
            continue
        for hpa in objs:
            ref = hpa.get("spec", "scaleTargetRef")
            if isinstance(ref, dict) and isinstance(ref.get("kind"), str) and isinstance(ref.get("name"), str):
                out.setdefault((ns, ref["kind"], ref["name"]), hpa)
    return out
