from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import quantity_unset, resources


@rule(
    id="KS122", name="missing-memory-request", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A container sets no memory request",
    remediation="Set `resources.requests.memory` for the container, from its measured usage",
    aliases=("memoryRequestsMissing", "CKV_K8S_12", "KSV016"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Containers and init containers of every pod-bearing kind whose `resources.requests.memory`
    is missing or zero, unless `resources.limits.memory` is set (the API server then defaults the
    request to the limit).

    ## Why it matters
    Without a memory request the scheduler ignores the container's memory when placing the pod,
    and the pod is among the first evicted when the node runs short.

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
                limits: {cpu: 500m}
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
                requests: {memory: 256Mi}
                limits: {memory: 256Mi}
    ```
    """
    for c in containers(obj, ("containers", "initContainers")):
        section = resources(c, "requests")
        if not quantity_unset(section.get("memory")):
            continue
        if not quantity_unset(resources(c, "limits").get("memory")):
            continue  # the API server defaults a missing request to the limit
        anchor = c.at("resources", "requests", "memory") if "memory" in section else c.at()
        yield report(anchor, f"container `{c.name}` has no memory request")
