from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.workload import pod_field


@rule(
    id="KS144", name="host-network", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="The pod shares the node's network namespace (`hostNetwork: true`)",
    remediation="Remove `hostNetwork`; expose the pod through a Service (or a hostPort only if unavoidable)",
    aliases=("hostNetworkSet", "CKV_K8S_19", "KSV009"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `hostNetwork: true` in the pod spec of any pod-bearing kind.

    ## Why it matters
    The pod sees and can bind every interface of the node, reaches services listening on localhost
    of the node, and bypasses NetworkPolicy.

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
          hostNetwork: true
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
    value, anchor = pod_field(obj, "hostNetwork")
    if value is True and anchor is not None:
        yield report(anchor, "the pod uses the node's network namespace (hostNetwork)")
