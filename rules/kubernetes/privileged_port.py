from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import container_ports


@rule(
    id="KS153", name="privileged-port", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A container port is a privileged port (below 1024)",
    remediation="Listen on a port of 1024 or more and map it in the Service (`port: 80`, `targetPort: 8080`)",
    aliases=("privileged-ports", "KSV117"),
    enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `containerPort` from 1 to 1023 in any container or init container. Off by default, as in
    kube-linter.

    ## Why it matters
    Binding a port below 1024 needs root or NET_BIND_SERVICE inside the container; an unprivileged
    port lets the container run as non-root with no capabilities, and the Service still exposes
    port 80 or 443.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{containerPort: 80}]
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      containers:
        - name: web
          image: nginxinc/nginx-unprivileged:1.27
          ports: [{containerPort: 8080}]
    ```
    """
    for c in containers(obj, ("containers", "initContainers")):
        for i, port in container_ports(c):
            number = port.get("containerPort")
            if isinstance(number, int) and not isinstance(number, bool) and 0 < number < 1024:
                yield report(c.at("ports", i, "containerPort"),
                             f"container `{c.name}` uses the privileged port {number}")
