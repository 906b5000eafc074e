from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import PROBES, is_templated, port_names_and_numbers, probe_port


@rule(
    id="KS112", name="probe-port-name-undefined", target=Target.K8S_OBJECT, severity=Severity.ERROR,
    summary="A probe uses a named port that the container does not define",
    remediation="Use the name of one of the container's `ports`, or the port number",
    aliases=("probe-port",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    The named `port` of each `httpGet`, `tcpSocket` and `grpc` liveness, readiness and startup
    probe (of a non-init container) that no entry of the container's `ports` has as `name`, as
    kube-linter's `probe-port` (a numeric string such as `"8080"` is a number, not a name).

    ## Why it matters
    The kubelet resolves a named probe port in the container's own `ports`; when the name is not
    there the probe can never succeed, so the pod never becomes ready or is restarted forever.

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
          readinessProbe: {httpGet: {path: /readyz, port: metrics}}
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
          readinessProbe: {httpGet: {path: /readyz, port: http}}
    ```
    """
    for c in containers(obj, ("containers",)):
        names, _ = port_names_and_numbers(c)
        for probe_name in PROBES:
            found = probe_port(c.node.get(probe_name))
            if found is None:
                continue
            handler, port = found
            if not isinstance(port, str) or not port.strip() or port.isdigit() or is_templated(port):
                continue
            if port not in names:
                yield report(c.at(probe_name, handler, "port"),
                             f"container `{c.name}` {probe_name} uses port `{port}`, which no port of the container is named")
