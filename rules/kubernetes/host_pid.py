from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.workload import pod_field


@rule(
    id="KS145", name="host-pid", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="The pod shares the node's process namespace (`hostPID: true`)",
    remediation="Remove `hostPID`",
    aliases=("hostPIDSet", "CKV_K8S_17", "KSV010"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `hostPID: true` in the pod spec of any pod-bearing kind.

    ## Why it matters
    The containers see every process of the node and, as root, can signal or ptrace them and read
    their environment (secrets included) through /proc.

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
          hostPID: true
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
    value, anchor = pod_field(obj, "hostPID")
    if value is True and anchor is not None:
        yield report(anchor, "the pod uses the node's PID namespace (hostPID)")
