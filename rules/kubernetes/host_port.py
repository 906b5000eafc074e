from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import container_ports, pod_field


@rule(
    id="KS147", name="host-port", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A container binds a port of the node (`hostPort`)",
    remediation="Remove `hostPort`; expose the port through a Service",
    aliases=("hostPortSet", "CKV_K8S_26", "KSV024"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A non-zero `hostPort` in the `ports` of any container or init container. A pod with
    `hostNetwork: true` is left to `host-network` (its ports are host ports anyway).

    ## Why it matters
    A hostPort limits where the pod can be scheduled (one per node and port), exposes the
    container on the node's address outside any Service or NetworkPolicy, and collides on
    rolling updates.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - {containerPort: 8080, hostPort: 8080}
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - {containerPort: 8080}
    ```
    """
    if pod_field(obj, "hostNetwork")[0] is True:
        return
    for c in containers(obj, ("containers", "initContainers")):
        for i, port in container_ports(c):
            host = port.get("hostPort")
            if host not in (None, 0, "", False):
                yield report(c.at("ports", i, "hostPort"), f"container `{c.name}` binds host port {host}")
