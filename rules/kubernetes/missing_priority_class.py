from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, pod_spec, report, rule


@rule(
    id="KS240", name="missing-priority-class", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A pod spec sets no `priorityClassName`",
    remediation="Set `priorityClassName` to one of the cluster's PriorityClasses",
    aliases=("priorityClassNotSet",), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Pod specs of every pod-bearing kind without `priorityClassName`. Off by default: only
    useful in clusters that define priority classes.

    ## Why it matters
    Under resource pressure the scheduler preempts lower-priority pods first; without a class,
    a critical service has the same priority as a batch job.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers:
        - name: api
          image: example/api:1.0.0
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      priorityClassName: business-critical
      containers:
        - name: api
          image: example/api:1.0.0
    ```
    """
    found = pod_spec(obj)
    if found is None:
        return
    path, spec = found
    if not spec.get("priorityClassName"):
        yield report(obj.at(*path, key=True), f"{obj.kind} `{obj.name}` sets no priorityClassName")
