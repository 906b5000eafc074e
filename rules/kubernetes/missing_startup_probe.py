from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, LONG_RUNNING_KINDS, Report, Severity, Target, containers, report, rule

RUN_TO_COMPLETION = ("Never", "OnFailure")


@rule(
    id="KS114", name="missing-startup-probe", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A long-running container has no startup probe",
    remediation="Add a `startupProbe` so slow starts do not trip the liveness probe",
    aliases=("no-startup-probe",),
    enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Containers of long-running workloads (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet,
    ReplicationController) without `startupProbe`, as kube-linter's `no-startup-probe`. Init
    containers, Jobs, CronJobs and run-to-completion Pods are skipped. Off by default, as in
    kube-linter.

    ## Why it matters
    Without a startup probe the liveness probe's delay must cover the slowest start, which slows
    the detection of a hung process; a startup probe holds the liveness probe back until the
    application has started.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers:
        - name: api
          image: example/api:1.4.0
          livenessProbe: {httpGet: {path: /livez, port: 8080}}
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers:
        - name: api
          image: example/api:1.4.0
          startupProbe: {httpGet: {path: /livez, port: 8080}, failureThreshold: 30}
          livenessProbe: {httpGet: {path: /livez, port: 8080}}
    ```
    """
    if obj.kind not in LONG_RUNNING_KINDS:
        return
    if obj.kind == "Pod" and obj.get("spec", "restartPolicy") in RUN_TO_COMPLETION:
        return
    for c in containers(obj, ("containers",)):
        if not c.node.get("startupProbe"):
            yield report(c, f"container `{c.name}` has no startup probe")
