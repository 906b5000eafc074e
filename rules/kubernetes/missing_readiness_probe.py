from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, long_running_containers, report, rule


@rule(
    id="KS002", name="missing-readiness-probe", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A long-running container has no readiness probe",
    remediation="Add a `readinessProbe` that succeeds only when the container can serve traffic",
    aliases=("no-readiness-probe", "readinessProbeMissing", "CKV_K8S_9", "pod-probes"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Every container of a long-running workload (Pod, Deployment, StatefulSet, DaemonSet,
    ReplicaSet, ReplicationController) without `readinessProbe`. Jobs, CronJobs, init containers
    and ephemeral containers run to completion and are not checked, and neither is a Pod whose
    `restartPolicy` is `Never` or `OnFailure` (a Helm test hook, a one-off task).

    ## Why it matters
    Without a readiness probe a pod receives Service traffic as soon as its process starts, before
    it can answer, and keeps receiving it while overloaded: every rollout drops requests.

    ## Example
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              livenessProbe: {httpGet: {path: /healthz, port: 8080}}
    ```

    ## Use instead
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              livenessProbe: {httpGet: {path: /healthz, port: 8080}}
              readinessProbe: {httpGet: {path: /ready, port: 8080}}
    ```
    """
    for c in long_running_containers(obj):
        if not c.node.get("readinessProbe"):
            yield report(c, f"container `{c.name}` has no readiness probe")
