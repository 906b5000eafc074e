from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule


@rule(
    id="KS231", name="cronjob-concurrent-runs", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A CronJob allows overlapping runs (no `concurrencyPolicy`, or `Allow`)",
    remediation="Set `spec.concurrencyPolicy: Forbid` (skip a run) or `Replace` (cancel the old run)",
    enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `CronJob` whose `spec.concurrencyPolicy` is unset or `Allow`. Off by default.

    ## Why it matters
    When one run lasts longer than the schedule interval, runs pile up: two backups write the
    same file, two reports send the same mail, and a slow job slows itself down further.

    ## Example
    ```yaml
    apiVersion: batch/v1
    kind: CronJob
    metadata: {name: backup}
    spec:
      schedule: "*/10 * * * *"
      jobTemplate: {spec: {template: {spec: {restartPolicy: OnFailure, containers: []}}}}
    ```

    ## Use instead
    ```yaml
    apiVersion: batch/v1
    kind: CronJob
    metadata: {name: backup}
    spec:
      schedule: "*/10 * * * *"
      concurrencyPolicy: Forbid
      jobTemplate: {spec: {template: {spec: {restartPolicy: OnFailure, containers: []}}}}
    ```
    """
    if obj.kind != "CronJob" or obj.group != "batch" or not isinstance(obj.get("spec"), dict):
        return
    policy = obj.get("spec", "concurrencyPolicy")
    if policy is None:
        yield report(obj.at("spec", key=True), f"CronJob `{obj.name}` sets no `concurrencyPolicy` and allows overlapping runs")
    elif policy == "Allow":
        yield report(obj.at("spec", "concurrencyPolicy"), f"CronJob `{obj.name}` allows overlapping runs")
