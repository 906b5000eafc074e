from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, parse_image, report, rule
from linter.sources.workload import is_templated


@rule(
    id="KS101", name="stale-latest-image", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A `latest` or untagged image is never re-pulled (`imagePullPolicy` IfNotPresent or Never)",
    remediation="Pin the image to a version; if it must float, use `imagePullPolicy: Always`",
    aliases=(),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Containers whose image has the `latest` tag or no tag (and no digest) and that set
    `imagePullPolicy: IfNotPresent` or `Never`.

    ## Why it matters
    Kubernetes pulls `latest` on every start precisely because it moves; overriding that keeps
    each node on whichever `latest` it pulled first, so replicas on different nodes run different
    code and a new push never arrives.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers:
        - name: api
          image: example/api:latest
          imagePullPolicy: IfNotPresent
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
          imagePullPolicy: IfNotPresent
    ```
    """
    for c in containers(obj):
        raw = c.node.get("image")
        policy = c.node.get("imagePullPolicy")
        if not isinstance(raw, str) or not raw.strip() or is_templated(raw) or "$" in raw:
            continue
        if policy not in ("IfNotPresent", "Never"):
            continue
        image = parse_image(raw)
        if image.digest is None and (image.tag is None or image.is_latest):
            yield report(c.at("imagePullPolicy"),
                         f"container `{c.name}` uses `{raw}` with imagePullPolicy {policy}: it is never updated")
