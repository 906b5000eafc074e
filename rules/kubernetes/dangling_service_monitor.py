from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.crossref import LabelSelector, index, namespace_of


def _labels(obj: K8sObject) -> dict[str, str]:
    return {str(k): "true" if v is True else "false" if v is False else str(v) for k, v in obj.labels.items()}


@rule(
    id="KS163", name="dangling-service-monitor", target=Target.K8S_PROJECT, severity=Severity.WARNING,
    summary="A prometheus-operator ServiceMonitor selects no Service of the run",
    remediation="Make `spec.selector` (and `spec.namespaceSelector`) match the labels and namespace of the Service to scrape",
    aliases=("dangling-servicemonitor",), enabled_by_default=False,
    references=("https://docs.kubelinter.io/#/generated/checks?id=dangling-servicemonitor",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `ServiceMonitor` (monitoring.coreos.com) whose `spec.selector` (`matchLabels` and
    `matchExpressions`) matches the labels of no `Service` of the run in the namespaces it
    watches: `spec.namespaceSelector.matchNames`, every namespace with `any: true`, or else its
    own namespace. It stays quiet when the run defines no Service in those namespaces (the
    Service is deployed elsewhere) and for an empty selector, which selects every Service.
    kube-linter also reports a ServiceMonitor with neither selector; the operator reads an
    empty selector as "all Services", so k8slint does not. Off by default, as in kube-linter.

    ## Why it matters
    A ServiceMonitor that selects nothing is silently ignored by Prometheus: no target appears,
    no error is raised, and the alerts built on its metrics never fire.

    ## Example
    ```yaml
    apiVersion: monitoring.coreos.com/v1
    kind: ServiceMonitor
    metadata: {name: api}
    spec:
      selector: {matchLabels: {app: api-metrics}}
      endpoints: [{port: metrics}]
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: api, labels: {app: api}}
    spec:
      selector: {app: api}
      ports: [{name: metrics, port: 9090}]
    ```

    ## Use instead
    ```yaml
    apiVersion: monitoring.coreos.com/v1
    kind: ServiceMonitor
    metadata: {name: api}
    spec:
      selector: {matchLabels: {app: api}}
      endpoints: [{port: metrics}]
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: api, labels: {app: api}}
    spec:
      selector: {app: api}
      ports: [{name: metrics, port: 9090}]
    ```
    """
    if obj.kind != "ServiceMonitor" or not obj.group.startswith("monitoring.coreos.com"):
        return
    node = obj.get("spec", "selector")
    selector = LabelSelector(node)
    if node is None or not selector.valid or selector.is_empty:
        return
    ns_selector = obj.get("spec", "namespaceSelector")
    ns_selector = ns_selector if isinstance(ns_selector, dict) else {}
    names = ns_selector.get("matchNames")
    idx = index(ctx.project)
    if ns_selector.get("any") is True:
        scope = None
    elif isinstance(names, list) and names:
        scope = {str(n) for n in names}
    else:
        scope = {namespace_of(obj)}
    services = [s for (kind, ns), objs in idx.by_kind_ns.items() if kind == "Service" and (scope is None or ns in scope)
                for s in objs if not s.group]
    if not services or any(selector.matches(_labels(s)) for s in services):
        return
    where = "any namespace" if scope is None else ", ".join(f"`{n}`" for n in sorted(scope))
    yield report(obj.at("spec", "selector"), f"ServiceMonitor `{obj.name}` selects no Service of the run in {where}")
