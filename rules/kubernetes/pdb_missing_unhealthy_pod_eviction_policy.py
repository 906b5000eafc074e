from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule


@rule(
    id="KS238", name="pdb-missing-unhealthy-pod-eviction-policy", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A PodDisruptionBudget does not set `unhealthyPodEvictionPolicy`",
    remediation="Set `spec.unhealthyPodEvictionPolicy: AlwaysAllow` so crashing pods do not block node drains",
    aliases=("pdb-unhealthy-pod-eviction-policy",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `policy/v1` `PodDisruptionBudget` without `spec.unhealthyPodEvictionPolicy` (stable since
    Kubernetes 1.31), as kube-linter's default check does. `policy/v1beta1` budgets, which
    predate the field, are skipped.

    ## Why it matters
    With the default (`IfHealthyBudget`), pods that are running but not ready (crash-looping,
    misconfigured) count against the budget and cannot be evicted, so a node drain hangs on
    exactly the pods that most need replacing.

    ## Example
    ```yaml
    apiVersion: policy/v1
    kind: PodDisruptionBudget
    metadata: {name: api}
    spec:
      minAvailable: 1
      selector: {matchLabels: {app: api}}
    ```

    ## Use instead
    ```yaml
    apiVersion: policy/v1
    kind: PodDisruptionBudget
    metadata: {name: api}
    spec:
      minAvailable: 1
      unhealthyPodEvictionPolicy: AlwaysAllow
      selector: {matchLabels: {app: api}}
    ```
    """
    if obj.kind != "PodDisruptionBudget" or obj.api_version != "policy/v1" or not isinstance(obj.get("spec"), dict):
        return
    if obj.get("spec", "unhealthyPodEvictionPolicy") is None:
        yield report(obj.at("spec", key=True), f"PodDisruptionBudget `{obj.name}` sets no `unhealthyPodEvictionPolicy`")
