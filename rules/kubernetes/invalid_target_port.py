from __future__ import annotations

import re
from typing import Any, Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule

_NAME_CHARS = r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"


def port_name_problem(name: str) -> str | None:
    """Why `name` is not a valid IANA service name (RFC 6335 5.1), or None."""
    if len(name) > 15:
        return "is longer than 15 characters"
    if not re.match(_NAME_CHARS, name):
        return "may only hold lowercase letters, digits and inner dashes"
    if "--" in name:
        return "must not contain two dashes in a row"
    if not re.search(r"[a-z]", name):
        return "must contain a letter (a quoted number is a port *name*)"
    return None


def _templated(v: Any) -> bool:
    return isinstance(v, str) and ("{{" in v or "${" in v or "$(" in v)


@rule(
    id="KS214", name="invalid-target-port", target=Target.K8S_OBJECT, severity=Severity.ERROR,
    summary="A Service targetPort or a container port name is not a valid port number or IANA name",
    remediation="Use a number from 1 to 65535, or a lowercase name of at most 15 characters with a letter",
    aliases=("invalid-target-ports", "target-port-specification"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Service `ports[].targetPort` values that are numbers outside 1-65535 or names that are not
    valid IANA service names (at most 15 characters, lowercase letters, digits and inner
    dashes, at least one letter), and container `ports[].name` values of every pod-bearing kind
    that break the same rule. A quoted number (`targetPort: "8080"`) is a *name* to Kubernetes
    and is reported. Templated values are skipped.

    ## Why it matters
    The API server rejects the object, or (for a quoted number) the Service looks for a
    container port *named* `8080` and never sends traffic.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Service
    metadata: {name: api}
    spec:
      selector: {app: api}
      ports:
        - port: 80
          targetPort: "8080"
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Service
    metadata: {name: api}
    spec:
      selector: {app: api}
      ports:
        - port: 80
          targetPort: 8080
    ```
    """
    if obj.kind == "Service" and not obj.group:
        ports = obj.get("spec", "ports")
        if not isinstance(ports, list):
            return
        for i, p in enumerate(ports):
            if not isinstance(p, dict) or "targetPort" not in p:
                continue
            tp = p["targetPort"]
            if isinstance(tp, bool) or tp is None or _templated(tp):
                continue
            if isinstance(tp, int):
                if not 1 <= tp <= 65535:
                    yield report(obj.at("spec", "ports", i, "targetPort"),
                                 f"Service `{obj.name}`: targetPort {tp} is not between 1 and 65535")
            elif isinstance(tp, str):
                why = port_name_problem(tp)
                if why:
                    yield report(obj.at("spec", "ports", i, "targetPort"),
                                 f"Service `{obj.name}`: targetPort `{tp}` {why}")
        return
    for c in containers(obj):
        ports = c.node.get("ports")
        if not isinstance(ports, list):
            continue
        for i, p in enumerate(ports):
            if not isinstance(p, dict):
                continue
            name = p.get("name")
            if isinstance(name, int) and not isinstance(name, bool):
                name = str(name)
            if not isinstance(name, str) or not name or _templated(name):
                continue
            why = port_name_problem(name)
            if why:
                yield report(c.at("ports", i, "name"), f"container `{c.name}`: port name `{name}` {why}")
