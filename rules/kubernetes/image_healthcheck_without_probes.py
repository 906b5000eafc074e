from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.imagelink import ImageLinkOptions, healthcheck, linked_containers

PROBES = ("livenessProbe", "readinessProbe", "startupProbe")


@rule(
    id="KS322", name="image-healthcheck-without-probes", target=Target.K8S_PROJECT, severity=Severity.INFO,
    summary="The image built by the run's Dockerfile has a HEALTHCHECK but the container has no probes",
    remediation="Translate the HEALTHCHECK into a livenessProbe/readinessProbe: Kubernetes ignores HEALTHCHECK",
    options=ImageLinkOptions,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A container (not an init container) with no liveness, readiness or startup probe, whose
    image is built by a Dockerfile of the same run that defines a `HEALTHCHECK` (other than
    `HEALTHCHECK NONE`) in its final stage chain. Image matching is the one of
    `run-as-non-root-with-root-image`: the `images` option, else the Dockerfile's folder or
    file name equal to the image's last path segment.

    ## Why it matters
    Kubernetes never runs Docker's HEALTHCHECK: the health check the image author wrote is
    silently lost, and a hung process keeps receiving traffic.

    ## Example
    ```dockerfile api/Dockerfile
    FROM alpine:3.20
    COPY api /usr/local/bin/api
    USER 10001
    HEALTHCHECK CMD wget -qO- http://localhost:8080/healthz || exit 1
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
    ```

    ## Use instead
    ```dockerfile api/Dockerfile
    FROM alpine:3.20
    COPY api /usr/local/bin/api
    USER 10001
    HEALTHCHECK CMD wget -qO- http://localhost:8080/healthz || exit 1
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
          livenessProbe: {httpGet: {path: /healthz, port: 8080}}
    ```

    ## Options
    - `images` (mapping, default `{}`): image repository -> Dockerfile path.
    """
    for c, df in linked_containers(ctx.project, obj, ctx.options, ("containers",)):
        if any(isinstance(c.node.get(p), dict) for p in PROBES):
            continue
        check_instr = healthcheck(df)
        if check_instr is not None:
            yield report(c.at("name"), f"container `{c.name}` has no probe, but its image ({df.path}, line "
                                       f"{check_instr.line}) defines a HEALTHCHECK that Kubernetes ignores")
