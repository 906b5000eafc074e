from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.workload import pod_field


@rule(
    id="KS146", name="host-ipc", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="The pod shares the node's IPC namespace (`hostIPC: true`)",
    remediation="Remove `hostIPC`",
    aliases=("hostIPCSet", "CKV_K8S_18", "KSV008"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `hostIPC: true` in the pod spec of any pod-bearing kind.

    ## Why it matters
    The containers can read and write the shared memory of every process of the node.

    ## Example
    ```yaml
    apiVersion: apps/v1
    kind: DaemonSet
    metadata: {name: agent}
    spec:
      selector: {matchLabels: {app: agent}}
      template:
        metadata: {labels: {app: agent}}
        spec:
          hostIPC: true
          containers:
            - name: agent
              image: example/agent:1.2.0
    ```

    ## Use instead
    ```yaml
    apiVersion: apps/v1
    kind: DaemonSet
    metadata: {name: agent}
    spec:
      selector: {matchLabels: {app: agent}}
      template:
        metadata: {labels: {app: agent}}
        spec:
          containers:
            - name: agent
              image: example/agent:1.2.0
    ```
    """
    value, anchor = pod_field(obj, "hostIPC")
    if value is True and anchor is not None:
        yield report(anchor, "the pod uses the node's IPC namespace (hostIPC)")
