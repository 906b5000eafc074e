from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule


@rule(
    id="KS159", name="pdb-missing-policy", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A PodDisruptionBudget sets neither minAvailable nor maxUnavailable",
    remediation="Set `spec.maxUnavailable` (e.g. 1) or `spec.minAvailable` on the budget",
    aliases=("poddisruptionbudget-has-policy",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `PodDisruptionBudget` (policy) whose `spec` has neither `minAvailable` nor
    `maxUnavailable` (kube-score `poddisruptionbudget-has-policy`).

    ## Why it matters
    Under `policy/v1` such a budget protects nothing: the disruption controller requires no pod
    to stay up, so a node drain may evict every replica at once while the manifest suggests the
    workload is covered. (`policy/v1beta1` defaulted it to `minAvailable: 1`, so the meaning of
    the same file changed when the API version was bumped.)

    ## Example
    ```yaml
    apiVersion: policy/v1
    kind: PodDisruptionBudget
    metadata: {name: api}
    spec:
      selector: {matchLabels: {app: api}}
    ```

    ## Use instead
    ```yaml
    apiVersion: policy/v1
    kind: PodDisruptionBudget
    metadata: {name: api}
    spec:
      maxUnavailable: 1
      selector: {matchLabels: {app: api}}
    ```
    """
    if obj.kind != "PodDisruptionBudget" or not obj.group.startswith("policy"):
        return
    spec = obj.get("spec")
    if not isinstance(spec, dict):
        return
    if spec.get("minAvailable") is None and spec.get("maxUnavailable") is None:
        yield report(obj.at("spec", key=True),
                     f"PodDisruptionBudget `{obj.name}` sets neither minAvailable nor maxUnavailable: it protects no pod")
