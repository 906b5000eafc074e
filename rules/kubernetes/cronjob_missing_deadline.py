from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule


@rule(
    id="KS228", name="cronjob-missing-deadline", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A CronJob sets no `startingDeadlineSeconds`",
    remediation="Set `spec.startingDeadlineSeconds` to how late a run may still start",
    aliases=("cronjob-has-deadline",), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `CronJob` without `spec.startingDeadlineSeconds` (kube-score's `cronjob-has-deadline`).
    Off by default.

    ## Why it matters
    Without a deadline, a run that could not start on time (controller down, quota reached)
    starts whenever it can, and after more than 100 missed schedules the controller stops
    scheduling the CronJob altogether.

    ## Example
    ```yaml
    apiVersion: batch/v1
    kind: CronJob
    metadata: {name: report}
    spec:
      schedule: "0 * * * *"
      jobTemplate: {spec: {template: {spec: {restartPolicy: OnFailure, containers: []}}}}
    ```

    ## Use instead
    ```yaml
    apiVersion: batch/v1
    kind: CronJob
    metadata: {name: report}
    spec:
      schedule: "0 * * * *"
      startingDeadlineSeconds: 600
      jobTemplate: {spec: {template: {spec: {restartPolicy: OnFailure, containers: []}}}}
    ```
    """
    if obj.kind != "CronJob" or obj.group != "batch" or not isinstance(obj.get("spec"), dict):
        return
    if obj.get("spec", "startingDeadlineSeconds") is None:
        yield report(obj.at("spec", key=True), f"CronJob `{obj.name}` sets no `startingDeadlineSeconds`")
