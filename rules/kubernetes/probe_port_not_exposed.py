from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import PROBES, port_names_and_numbers, probe_port


@rule(
    id="KS111", name="probe-port-not-exposed", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A probe's port number is not among the container's declared ports",
    remediation="Declare the port in the container's `ports`, or probe a port that is declared",
    aliases=("liveness-port", "readiness-port", "startup-port"),
    enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    The numeric `port` of each `httpGet`, `tcpSocket` and `grpc` liveness, readiness and startup
    probe of a (non-init) container that no `containerPort` of that container declares, as
    kube-linter's `liveness-port`, `readiness-port` and `startup-port`. A named port that no port
    defines is `probe-port-name-undefined`'s. Off by default, as in kube-linter: a container can
    listen on a port it does not declare.

    ## Why it matters
    A probe on a port the container does not declare is usually a leftover from a port change:
    the probe then fails and the kubelet restarts a healthy container.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers:
        - name: api
          image: example/api:1.4.0
          ports: [{name: http, containerPort: 8080}]
          livenessProbe: {httpGet: {path: /livez, port: 9090}}
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
          ports: [{name: http, containerPort: 8080}]
          livenessProbe: {httpGet: {path: /livez, port: 8080}}
    ```
    """
    for c in containers(obj, ("containers",)):
        _, numbers = port_names_and_numbers(c)
        for probe_name in PROBES:
            found = probe_port(c.node.get(probe_name))
            if found is None:
                continue
            handler, port = found
            if isinstance(port, str) and port.isdigit():
                port = int(port)
            if isinstance(port, int) and not isinstance(port, bool) and port not in numbers:
                yield report(c.at(probe_name, handler, "port"),
                             f"container `{c.name}` probes port {port} ({probe_name}) but does not declare it")
