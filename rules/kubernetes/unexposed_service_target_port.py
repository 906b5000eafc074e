from __future__ import annotations

import re
from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.crossref import container_ports, index, namespace_of, service_selector, templates_selected_by


_NUMBER = re.compile(r"(?<![0-9])([0-9]{2,5})(?![0-9])")


def _mentioned_ports(node: dict) -> set[int]:  # type: ignore[type-arg]
    """Numbers in a container's command, args and env values: ports it listens on without declaring them."""
    words: list[str] = []
    for key in ("command", "args"):
        items = node.get(key)
        words += [str(w) for w in items] if isinstance(items, list) else []
    env = node.get("env")
    words += [str(e.get("value")) for e in env if isinstance(e, dict)] if isinstance(env, list) else []
    return {int(m) for w in words for m in _NUMBER.findall(w)}


@rule(
    id="KS301", name="unexposed-service-target-port", target=Target.K8S_PROJECT, severity=Severity.WARNING,
    summary="A Service targetPort is not a port of the containers it selects",
    remediation="Point `targetPort` at a `containerPort` (number or name) of the selected containers",
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    For a `Service` whose selector matches pod templates of the run (same namespace), each entry
    of `spec.ports`: a **named** `targetPort` must be the `name` of a container port of a
    selected pod template; a **numeric** `targetPort` (or `port`, when `targetPort` is unset)
    must be a declared `containerPort` of one, checked only when the selected containers declare
    ports at all (declaring ports is optional in Kubernetes) and the number does not appear in
    their `command`, `args` or `env` values (a port the program is told to listen on).

    ## Why it matters
    Traffic to a named port that no container defines is dropped (the endpoint has no such
    port); a number nobody listens on gives connection refused, typically after a port change
    in the Deployment that the Service did not follow.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Service
    metadata: {name: api}
    spec:
      selector: {app: api}
      ports: [{port: 80, targetPort: http-api}]
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec:
          containers:
            - name: api
              image: "example/api:1.2.0"
              ports: [{name: http, containerPort: 8080}]
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Service
    metadata: {name: api}
    spec:
      selector: {app: api}
      ports: [{port: 80, targetPort: http}]
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec:
          containers:
            - name: api
              image: "example/api:1.2.0"
              ports: [{name: http, containerPort: 8080}]
    ```
    """
    selector = service_selector(obj)
    if not selector:
        return
    selected = templates_selected_by(index(ctx.project), namespace_of(obj), selector)
    if not selected:
        return
    ports = obj.get("spec", "ports")  # after: reading the spec may unpack a stored object
    if not isinstance(ports, list):
        return
    numbers: set[int] = set()
    names: set[str] = set()
    for t in selected:
        nums, named = container_ports(t)
        numbers |= nums
        names |= set(named)
    mentioned: set[int] | None = None  # read only for a number no container declares: it is the costly part
    workloads = ", ".join(sorted({f"{t.obj.kind} {t.obj.name}" for t in selected}))
    for i, port in enumerate(ports):
        if not isinstance(port, dict):
            continue
        target = port.get("targetPort")
        where = ("spec", "ports", i, "targetPort")
        if target is None:
            target, where = port.get("port"), ("spec", "ports", i, "port")
        if isinstance(target, str) and not target.isdigit():
            if target not in names:
                yield report(obj.at(*where), f"targetPort `{target}` names no container port of {workloads}")
        elif isinstance(target, (int, str)) and not isinstance(target, bool) and numbers:
            if int(target) in numbers:
                continue
            if mentioned is None:
                mentioned = {n for t in selected for c in t.containers for n in _mentioned_ports(c.node)}
            if int(target) not in mentioned:
                yield report(obj.at(*where), f"targetPort {int(target)} is not a containerPort of {workloads} "
                                             f"(declared: {', '.join(map(str, sorted(numbers)))})")
