from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import quantity_unset, resources


@rule(
    id="KS125", name="missing-ephemeral-storage", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A container sets no ephemeral-storage request or limit",
    remediation="Set `resources.requests.ephemeral-storage` and `resources.limits.ephemeral-storage`",
    aliases=("container-ephemeral-storage-request-and-limit", "unset-ephemeral-storage-requirements"),
    enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Containers and init containers missing `resources.requests.ephemeral-storage` or
    `resources.limits.ephemeral-storage` (one finding per missing field). Off by default, as in
    kube-score and kube-linter.

    ## Why it matters
    Logs, emptyDir volumes and the writable layer use the node's disk; without a limit one
    container can fill it and get every pod of the node evicted.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers:
        - name: api
          image: example/api:1.4.0
          resources:
            requests: {ephemeral-storage: 1Gi}
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
          resources:
            requests: {ephemeral-storage: 1Gi}
            limits: {ephemeral-storage: 2Gi}
    ```
    """
    for c in containers(obj, ("containers", "initContainers")):
        for section, word in (("requests", "request"), ("limits", "limit")):
            values = resources(c, section)
            if quantity_unset(values.get("ephemeral-storage")):
                anchor = c.at("resources", section, "ephemeral-storage") if "ephemeral-storage" in values else c.at()
                yield report(anchor, f"container `{c.name}` has no ephemeral-storage {word}")
