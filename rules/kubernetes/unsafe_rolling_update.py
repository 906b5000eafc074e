from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.policy import explicit_replicas, int_or_percent


@rule(
    id="KS235", name="unsafe-rolling-update", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A Deployment's rolling update cannot progress or takes every pod down at once",
    remediation="Allow some surge or some unavailability, and keep `maxUnavailable` below the replica count",
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `Deployment` `strategy.rollingUpdate` settings where both `maxSurge` and `maxUnavailable`
    are 0 (the API server rejects it: the rollout could never make progress), or where
    `maxUnavailable` is `100%` or at least the literal replica count (more than one replica),
    so a rollout may stop every pod at once.

    ## Why it matters
    The first is an object that cannot be applied; the second is a Recreate strategy in
    disguise: the rollout is an outage.

    ## Example
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      replicas: 3
      strategy:
        rollingUpdate: {maxSurge: 1, maxUnavailable: 100%}
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
      strategy:
        rollingUpdate: {maxSurge: 1, maxUnavailable: 1}
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec: {containers: []}
    ```
    """
    if obj.kind != "Deployment" or not obj.is_workload:
        return
    ru = obj.get("spec", "strategy", "rollingUpdate")
    if not isinstance(ru, dict) or obj.get("spec", "strategy", "type") == "Recreate":
        return
    surge = int_or_percent(ru.get("maxSurge")) if "maxSurge" in ru else (25, True)
    unavail = int_or_percent(ru.get("maxUnavailable")) if "maxUnavailable" in ru else (25, True)
    path = ("spec", "strategy", "rollingUpdate")
    if surge is not None and unavail is not None and surge[0] == 0 and unavail[0] == 0:
        yield report(obj.at(*path, key=True), f"Deployment `{obj.name}`: maxSurge and maxUnavailable are both 0, so the rollout cannot progress")
        return
    if unavail is None or "maxUnavailable" not in ru:
        return
    replicas = explicit_replicas(obj)
    if unavail == (100, True) or (unavail[1] and unavail[0] > 100):
        yield report(obj.at(*path, "maxUnavailable"), f"Deployment `{obj.name}`: maxUnavailable {ru['maxUnavailable']} lets a rollout stop every pod")
    elif not unavail[1] and replicas is not None and replicas > 1 and unavail[0] >= replicas:
        yield report(obj.at(*path, "maxUnavailable"),
                     f"Deployment `{obj.name}`: maxUnavailable {unavail[0]} is not below its {replicas} replicas")
