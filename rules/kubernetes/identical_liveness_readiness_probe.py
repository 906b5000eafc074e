from __future__ import annotations

from typing import Any, Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import PROBE_HANDLERS


def _handler(probe: Any) -> Any:
    if not isinstance(probe, dict):
        return None
    handlers = {k: probe[k] for k in PROBE_HANDLERS if k in probe}
    return repr(sorted(handlers.items())) if handlers else None


@rule(
    id="KS110", name="identical-liveness-readiness-probe", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A container's liveness probe checks the same thing as its readiness probe",
    remediation="Make the liveness probe check only that the process is alive (a cheap endpoint), not its dependencies",
    aliases=("pod-probes-identical",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Containers whose `livenessProbe` and `readinessProbe` use the same handler (the same
    `httpGet`, `tcpSocket`, `grpc` or `exec` action), as kube-score's `pod-probes-identical`.
    Timings (`periodSeconds`, `failureThreshold`...) are not compared.

    ## Why it matters
    When readiness fails because a dependency (a database) is down, an identical liveness probe
    fails too and the kubelet restarts every replica at once: an outage elsewhere becomes a
    restart storm here.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers:
        - name: api
          image: example/api:1.4.0
          livenessProbe: {httpGet: {path: /health, port: 8080}}
          readinessProbe: {httpGet: {path: /health, port: 8080}}
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
          livenessProbe: {httpGet: {path: /livez, port: 8080}}
          readinessProbe: {httpGet: {path: /readyz, port: 8080}}
    ```
    """
    for c in containers(obj, ("containers",)):
        live = _handler(c.node.get("livenessProbe"))
        if live is not None and live == _handler(c.node.get("readinessProbe")):
            yield report(c.at("livenessProbe", key=True),
                         f"container `{c.name}` has identical liveness and readiness probes")
