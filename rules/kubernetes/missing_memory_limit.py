from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import quantity_unset, resources


@rule(
    id="KS123", name="missing-memory-limit", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A container sets no memory limit",
    remediation="Set `resources.limits.memory` for the container, from its measured usage",
    aliases=("memoryLimitsMissing", "CKV_K8S_13", "KSV018", "container-resources", "unset-memory-requirements"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Containers and init containers of every pod-bearing kind whose `resources.limits.memory`
    is missing or zero.

    ## Why it matters
    A container without a memory limit can grow until the node is out of memory, and the
    kernel's OOM killer then picks processes of other pods.

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
                requests: {memory: 256Mi}
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
        section = resources(c, "limits")
        if not quantity_unset(section.get("memory")):
            continue
        anchor = c.at("resources", "limits", "memory") if "memory" in section else c.at()
        yield report(anchor, f"container `{c.name}` has no memory limit")
