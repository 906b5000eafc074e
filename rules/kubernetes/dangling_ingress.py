from __future__ import annotations

from typing import Any, Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.crossref import index, namespace_of


def _backends(obj: K8sObject) -> Iterator[tuple[tuple[Any, ...], Any, Any, tuple[Any, ...]]]:
    """(path of the service name, name, port, path of the port) for each Service backend."""
    spec = obj.get("spec")
    if not isinstance(spec, dict):
        return
    places: list[tuple[Any, ...]] = [("spec", "defaultBackend"), ("spec", "backend")]
    rules = spec.get("rules")
    if isinstance(rules, list):
        for i, r in enumerate(rules):
            paths = r.get("http", {}).get("paths") if isinstance(r, dict) and isinstance(r.get("http"), dict) else None
            if isinstance(paths, list):
                places.extend(("spec", "rules", i, "http", "paths", j, "backend") for j in range(len(paths)))
    for place in places:
        backend = obj.get(*place)
        if not isinstance(backend, dict):
            continue
        service = backend.get("service")
        if isinstance(service, dict):  # networking.k8s.io/v1
            port = service.get("port")
            value = port.get("number", port.get("name")) if isinstance(port, dict) else None
            key = "number" if isinstance(port, dict) and "number" in port else "name"
            yield place + ("service", "name"), service.get("name"), value, place + ("service", "port", key)
        elif "serviceName" in backend:  # extensions/v1beta1, networking.k8s.io/v1beta1
            yield place + ("serviceName",), backend.get("serviceName"), backend.get("servicePort"), place + ("servicePort",)


@rule(
    id="KS302", name="dangling-ingress", target=Target.K8S_PROJECT, severity=Severity.WARNING,
    summary="An Ingress routes to a Service, or a Service port, that the run does not define",
    remediation="Fix the backend's service name or port to match a Service of the same namespace",
    aliases=("ingress-targets-service",),
    references=("https://docs.kubelinter.io/#/generated/checks?id=dangling-ingress",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Each Service backend of an `Ingress` (`defaultBackend` and every rule path; the
    `networking.k8s.io/v1` `service: {name, port}` form and the older `serviceName`/`servicePort`
    form): the Service must be defined in the run in the Ingress' namespace, and its `port`
    (number or name) must be one of that Service's `spec.ports`. Checked only when the
    Ingress' namespace holds at least one Service in the run (otherwise the Services live
    elsewhere); `resource` backends are skipped.

    ## Why it matters
    The ingress controller answers 503 for a backend that does not exist, so a typo in a
    service name or port takes the route down without any error at apply time.

    ## Example
    ```yaml
    apiVersion: networking.k8s.io/v1
    kind: Ingress
    metadata: {name: web}
    spec:
      rules:
        - host: shop.example.com
          http:
            paths:
              - path: /
                pathType: Prefix
                backend: {service: {name: web-svc, port: {number: 80}}}
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: web}
    spec:
      selector: {app: web}
      ports: [{port: 80, targetPort: 8080}]
    ```

    ## Use instead
    ```yaml
    apiVersion: networking.k8s.io/v1
    kind: Ingress
    metadata: {name: web}
    spec:
      rules:
        - host: shop.example.com
          http:
            paths:
              - path: /
                pathType: Prefix
                backend: {service: {name: web, port: {number: 80}}}
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: web}
    spec:
      selector: {app: web}
      ports: [{port: 80, targetPort: 8080}]
    ```
    """
    if obj.kind != "Ingress":
        return
    idx = index(ctx.project)
    ns = namespace_of(obj)
    if not idx.of("Service", ns):
        return
    for name_path, name, port, port_path in _backends(obj):
        if not isinstance(name, str) or not name:
            continue
        services = [s for s in idx.get("Service", ns, name) if not s.group]
        if not services:
            yield report(obj.at(*name_path), f"backend Service `{name}` is not defined in namespace `{ns}`")
            continue
        if port is None or isinstance(port, bool):
            continue
        declared = [p for s in services for p in (s.get("spec", "ports") if isinstance(s.get("spec", "ports"), list) else [])
                    if isinstance(p, dict)]
        if isinstance(port, int) or (isinstance(port, str) and port.isdigit()):
            ok = any(str(p.get("port")) == str(port) for p in declared)
        else:
            ok = any(p.get("name") == port for p in declared)
        if declared and not ok:
            yield report(obj.at(*port_path), f"Service `{name}` has no port `{port}`")
