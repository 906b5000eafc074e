from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule


@rule(
    id="KS229", name="job-missing-ttl", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A standalone Job sets no `ttlSecondsAfterFinished`",
    remediation="Set `spec.ttlSecondsAfterFinished` so finished Jobs and their pods are cleaned up",
    aliases=("job-ttl-seconds-after-finished",), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `Job` (not one templated by a CronJob, which has history limits) without
    `spec.ttlSecondsAfterFinished`. Helm hook Jobs with a `helm.sh/hook-delete-policy` are
    cleaned up by Helm and skipped. Off by default, as in kube-linter.

    ## Why it matters
    Finished Jobs and their pods stay in the cluster forever, cluttering `kubectl get pods`,
    holding their logs' node disk, and blocking a re-apply of the same Job name.

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
      ttlSecondsAfterFinished: 3600
      template: {spec: {restartPolicy: Never, containers: []}}
    ```
    """
    if obj.kind != "Job" or obj.group != "batch" or not isinstance(obj.get("spec"), dict):
        return
    if "helm.sh/hook-delete-policy" in obj.annotations:
        return
    if obj.get("spec", "ttlSecondsAfterFinished") is None:
        yield report(obj.at("spec", key=True), f"Job `{obj.name}` sets no `ttlSecondsAfterFinished`")
