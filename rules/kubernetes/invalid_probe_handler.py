from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import PROBE_HANDLERS, PROBES


@rule(
    id="KS113", name="invalid-probe-handler", target=Target.K8S_OBJECT, severity=Severity.ERROR,
    summary="A probe has no handler, or more than one (exec, httpGet, tcpSocket, grpc)",
    remediation="Give each probe exactly one of `exec`, `httpGet`, `tcpSocket` or `grpc`",
    aliases=(),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Each liveness, readiness and startup probe of a (non-init) container that is a mapping with none, or
    more than one, of `exec`, `httpGet`, `tcpSocket` and `grpc`.

    ## Why it matters
    The API server rejects such a pod ("must specify a handler type" / "may not specify more
    than 1 handler type"): the manifest cannot be applied.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers:
        - name: api
          image: example/api:1.4.0
          livenessProbe:
            httpGet: {path: /livez, port: 8080}
            tcpSocket: {port: 8080}
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
          livenessProbe:
            httpGet: {path: /livez, port: 8080}
    ```
    """
    for c in containers(obj, ("containers",)):
        for probe_name in PROBES:
            probe = c.node.get(probe_name)
            if not isinstance(probe, dict):
                continue
            handlers = [h for h in PROBE_HANDLERS if probe.get(h) is not None]
            if len(handlers) == 1:
                continue
            if any(isinstance(v, str) and "{{" in v for v in probe.values()) or "<<" in probe:
                continue
            what = "no handler" if not handlers else f"{len(handlers)} handlers ({', '.join(handlers)})"
            yield report(c.at(probe_name, key=True), f"container `{c.name}` {probe_name} has {what}")
