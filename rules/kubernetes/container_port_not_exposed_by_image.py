from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.imagelink import ImageLinkOptions, exposed_ports, linked_containers

PROBES = ("livenessProbe", "readinessProbe", "startupProbe")


@rule(
    id="KS321", name="container-port-not-exposed-by-image", target=Target.K8S_PROJECT, severity=Severity.INFO,
    summary="A containerPort or probe port is not EXPOSEd by the image built by the run's Dockerfile",
    remediation="Align the manifest's ports with the Dockerfile's EXPOSE (one of them is stale)",
    options=ImageLinkOptions,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    For a container whose image is built by a Dockerfile of the same run, and whose Dockerfile
    `EXPOSE`s at least one port (in its final stage or the stages it builds FROM): each
    `containerPort`, and each numeric probe port (`httpGet`, `tcpSocket`, `grpc`), that the
    Dockerfile does not EXPOSE. Dockerfiles without EXPOSE, or with an EXPOSE that cannot be
    read (a variable without default), are skipped. Image matching is the one of
    `run-as-non-root-with-root-image`: the `images` option, else the Dockerfile's folder or
    file name equal to the image's last path segment.

    ## Why it matters
    EXPOSE documents the port the program listens on. A manifest that declares another port
    usually means one side was changed without the other, and probes or Services point at a
    port nothing listens on.

    ## Example
    ```dockerfile api/Dockerfile
    FROM alpine:3.20
    COPY api /usr/local/bin/api
    USER 10001
    EXPOSE 9000
    ENTRYPOINT ["api"]
    ```
    ```yaml deploy.yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers:
        - name: api
          image: "ghcr.io/acme/api:1.4.0"
          ports: [{containerPort: 8080}]
    ```

    ## Use instead
    ```dockerfile api/Dockerfile
    FROM alpine:3.20
    COPY api /usr/local/bin/api
    USER 10001
    EXPOSE 9000
    ENTRYPOINT ["api"]
    ```
    ```yaml deploy.yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers:
        - name: api
          image: "ghcr.io/acme/api:1.4.0"
          ports: [{containerPort: 9000}]
    ```

    ## Options
    - `images` (mapping, default `{}`): image repository -> Dockerfile path.
    """
    for c, df in linked_containers(ctx.project, obj, ctx.options, ("containers",)):
        exposed, complete = exposed_ports(df)
        if not exposed or not complete:
            continue
        ports = c.node.get("ports")
        for i, port in enumerate(ports if isinstance(ports, list) else []):
            number = port.get("containerPort") if isinstance(port, dict) else None
            if isinstance(number, int) and not isinstance(number, bool) and number not in exposed:
                yield report(c.at("ports", i, "containerPort"),
                             f"container `{c.name}` declares port {number}, which its image ({df.path}) does not EXPOSE "
                             f"(EXPOSE {', '.join(map(str, sorted(exposed)))})")
        for probe in PROBES:
            spec = c.node.get(probe)
            if not isinstance(spec, dict):
                continue
            for handler in ("httpGet", "tcpSocket", "grpc"):
                h = spec.get(handler)
                number = h.get("port") if isinstance(h, dict) else None
                if isinstance(number, int) and not isinstance(number, bool) and number not in exposed:
                    yield report(c.at(probe, handler, "port"),
                                 f"{probe} of container `{c.name}` uses port {number}, which its image ({df.path}) "
                                 f"does not EXPOSE")
