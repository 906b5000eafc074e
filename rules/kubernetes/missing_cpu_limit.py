from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import quantity_unset, resources


@rule(
    id="KS121", name="missing-cpu-limit", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A container sets no CPU limit",
    remediation="Set `resources.limits.cpu` for the container, from its measured usage",
    aliases=("cpuLimitsMissing", "CKV_K8S_11", "KSV011"),
    enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Containers and init containers of every pod-bearing kind whose `resources.limits.cpu`
    is missing or zero. Off by default: kube-linter no longer asks for CPU limits, and
    many teams leave them out on purpose to avoid throttling.

    ## Why it matters
    Without a limit one busy container can use every idle CPU of the node, and its latency
    changes with its neighbours' load.

    ## Example
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              resources:
                requests: {cpu: 500m}
    ```

    ## Use instead
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              resources:
                requests: {cpu: 500m}
                limits: {cpu: 500m}
    ```
    """
    for c in containers(obj, ("containers", "initContainers")):
        section = resources(c, "limits")
        if not quantity_unset(section.get("cpu")):
            continue
        anchor = c.at("resources", "limits", "cpu") if "cpu" in section else c.at()
        yield report(anchor, f"container `{c.name}` has no CPU limit")
