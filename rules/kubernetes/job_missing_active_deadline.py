from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule


@rule(
    id="KS230", name="job-missing-active-deadline", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A Job or CronJob sets no `activeDeadlineSeconds`",
    remediation="Set `activeDeadlineSeconds` on the Job spec (the CronJob's `jobTemplate.spec`) to bound its run time",
    enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `Job`'s `spec`, or a `CronJob`'s `spec.jobTemplate.spec`, without
    `activeDeadlineSeconds`. Off by default.

    ## Why it matters
    A hung Job (a stuck network call, a deadlock) runs forever and holds its resources; for a
    CronJob with `concurrencyPolicy: Forbid` it also blocks every later run.

    ## Example
    ```yaml
    apiVersion: batch/v1
    kind: Job
    metadata: {name: migrate}
    spec:
      template: {spec: {restartPolicy: Never, containers: []}}
    ```

    ## Use instead
    ```yaml
    apiVersion: batch/v1
    kind: Job
    metadata: {name: migrate}
    spec:
      activeDeadlineSeconds: 1800
      template: {spec: {restartPolicy: Never, containers: []}}
    ```
    """
    if obj.kind not in ("Job", "CronJob") or obj.group != "batch":
        return
    path = ("spec",) if obj.kind == "Job" else ("spec", "jobTemplate", "spec")
    spec = obj.get(*path)
    if isinstance(spec, dict) and spec.get("activeDeadlineSeconds") is None:
        yield report(obj.at(*path, key=True), f"{obj.kind} `{obj.name}` sets no `activeDeadlineSeconds`")
