from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import container_ports


@rule(
    id="KS155", name="ssh-port-exposed", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A container exposes port 22 (SSH)",
    remediation="Do not run an SSH server in a container; use `kubectl exec` or an ephemeral debug container",
    aliases=("ssh-port",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A TCP `containerPort: 22` (protocol unset or `TCP`) in any container or init container, as
    kube-linter's default `ssh-port` check.

    ## Why it matters
    An SSH server in a container is a second, unaudited way in, with its own keys to rotate;
    Kubernetes already gives authenticated, RBAC-controlled access through `kubectl exec`.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: box}
    spec:
      containers:
        - name: box
          image: example/box:1.0.0
          ports: [{containerPort: 22}]
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: box}
    spec:
      containers:
        - name: box
          image: example/box:1.0.0
          ports: [{containerPort: 8080}]
    ```
    """
    for c in containers(obj, ("containers", "initContainers")):
        for i, port in container_ports(c):
            number = port.get("containerPort")
            if number in (22, "22") and number is not True and port.get("protocol", "TCP") in ("TCP", None):
                yield report(c.at("ports", i, "containerPort"), f"container `{c.name}` exposes port 22 (SSH)")
