from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import quantity_unset, resources


@rule(
    id="KS120", name="missing-cpu-request", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A container sets no CPU request",
    remediation="Set `resources.requests.cpu` for the container, from its measured usage",
    aliases=("unset-cpu-requirements", "cpuRequestsMissing", "CKV_K8S_10", "KSV015"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Containers and init containers of every pod-bearing kind whose `resources.requests.cpu`
    is missing or zero, unless `resources.limits.cpu` is set (the API server then defaults the
    request to the limit).

    ## Why it matters
    The scheduler places pods by their requests: without a CPU request the pod can land on a
    full node, and under contention it gets the smallest share of CPU.

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
                limits: {memory: 256Mi}
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
        section = resources(c, "requests")
        if not quantity_unset(section.get("cpu")):
            continue
        if not quantity_unset(resources(c, "limits").get("cpu")):
            continue  # the API server defaults a missing request to the limit
        anchor = c.at("resources", "requests", "cpu") if "cpu" in section else c.at()
        yield report(anchor, f"container `{c.name}` has no CPU request")
