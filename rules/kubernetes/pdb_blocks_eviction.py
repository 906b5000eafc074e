from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.policy import int_or_percent


@rule(
    id="KS237", name="pdb-blocks-eviction", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A PodDisruptionBudget never allows a voluntary disruption",
    remediation="Allow at least one disruption: `maxUnavailable: 1`, or a `minAvailable` below the replica count",
    aliases=("pdb-max-unavailable", "pdbDisruptionsIsZero", "pdbDisruptionsAllowedGreaterThanZero"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `PodDisruptionBudget` with `maxUnavailable: 0` (or `0%`), or `minAvailable: 100%`.
    (A numeric `minAvailable` equal to the replicas of the selected workload needs a look at
    another object; that is `pdb-min-available`'s job.)

    ## Why it matters
    No pod it selects can ever be evicted: node drains, cluster upgrades and autoscaler
    scale-downs hang until someone deletes the budget by hand.

    ## Example
    ```yaml
    apiVersion: policy/v1
    kind: PodDisruptionBudget
    metadata: {name: api}
    spec:
      maxUnavailable: 0
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
    if obj.kind != "PodDisruptionBudget" or obj.group != "policy":
        return
    spec = obj.get("spec")
    if not isinstance(spec, dict):
        return
    if "maxUnavailable" in spec and int_or_percent(spec["maxUnavailable"]) in ((0, False), (0, True)):
        yield report(obj.at("spec", "maxUnavailable"),
                     f"PodDisruptionBudget `{obj.name}` sets maxUnavailable to {spec['maxUnavailable']}: no pod can be evicted")
    elif "minAvailable" in spec and int_or_percent(spec["minAvailable"]) == (100, True):
        yield report(obj.at("spec", "minAvailable"),
                     f"PodDisruptionBudget `{obj.name}` requires 100% of its pods available: no pod can be evicted")
