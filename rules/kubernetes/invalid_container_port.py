from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule


@rule(
    id="KS162", name="invalid-container-port", target=Target.K8S_OBJECT, severity=Severity.ERROR,
    summary="A container declares two ports with the same name, or a port numbered 0",
    remediation="Give every named port of a container a unique name and a `containerPort` between 1 and 65535",
    aliases=("container-ports-check",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    The `ports` of every container, init container and ephemeral container: a port `name` used
    twice in the same container, and a `containerPort` of 0 (kube-score's optional
    `container-ports-check`). A missing `containerPort` is a missing required field, reported
    by `schema-violation` (KS340). On by default, unlike kube-score: the API server rejects both.

    ## Why it matters
    The API server rejects the pod spec (`Duplicate value` / `must be between 1 and 65535`), so
    the rollout fails at apply time; with a duplicate name a Service or probe naming the port
    could not tell which number it means.

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
            - {name: http, containerPort: 8080}
            - {name: http, containerPort: 8443}
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
            - {name: http, containerPort: 8080}
            - {name: https, containerPort: 8443}
    ```
    """
    for c in containers(obj):
        ports = c.node.get("ports")
        if not isinstance(ports, list):
            continue
        names: set[str] = set()
        for i, port in enumerate(ports):
            if not isinstance(port, dict):
                continue
            if port.get("containerPort") == 0 and not isinstance(port.get("containerPort"), bool):
                yield report(c.at("ports", i, "containerPort"), f"container `{c.name}` declares containerPort 0")
            name = port.get("name")
            if isinstance(name, str) and name:
                if name in names:
                    yield report(c.at("ports", i, "name"), f"container `{c.name}` declares port name `{name}` twice")
                names.add(name)
