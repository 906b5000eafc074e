from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.crossref import LabelSelector, index, namespace_of


# Services the cluster or an operator creates, never found in manifests: `kubernetes` (API server),
# CoreDNS' `kube-dns`, the kubelet Service prometheus-operator maintains, control-plane components.
_CLUSTER_SERVICES = (
    {"component": "apiserver", "provider": "kubernetes"},
    {"k8s-app": "kube-dns", "kubernetes.io/name": "CoreDNS"},
    {"k8s-app": "kubelet", "app.kubernetes.io/name": "kubelet", "app.kubernetes.io/managed-by": "prometheus-operator"},
    {"k8s-app": "kube-controller-manager", "component": "kube-controller-manager", "app.kubernetes.io/name": "kube-controller-manager"},
    {"k8s-app": "kube-scheduler", "component": "kube-scheduler", "app.kubernetes.io/name": "kube-scheduler"},
    {"k8s-app": "kube-proxy", "component": "kube-proxy", "app.kubernetes.io/name": "kube-proxy"},
    {"component": "etcd", "k8s-app": "etcd", "app.kubernetes.io/name": "etcd"},
)


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
    watches: `spec.namespaceSelector.matchNames`, or else its own namespace. It stays quiet when
    the run defines no Service in those namespaces (the Service is deployed elsewhere), for an
    empty selector (every Service), for `namespaceSelector: {any: true}` (the Service may live in
    any namespace of the cluster), and for selectors of Services the cluster or an operator
    creates itself (`kubernetes` with `component: apiserver`, `kube-dns`, the kubelet Service,
    control-plane components).
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
    if any(selector.matches(labels) for labels in _CLUSTER_SERVICES):
        return
    ns_selector = obj.get("spec", "namespaceSelector")
    ns_selector = ns_selector if isinstance(ns_selector, dict) else {}
    names = ns_selector.get("matchNames")
    idx = index(ctx.project)
    if ns_selector.get("any") is True:
        return
    if isinstance(names, list) and names:
        scope = {str(n) for n in names}
    else:
        scope = {namespace_of(obj)}
    services = [s for ns in sorted(scope) for s in idx.of("Service", ns) if not s.group]
    if not services or any(selector.matches(_labels(s)) for s in services):
        return
    where = ", ".join(f"`{n}`" for n in sorted(scope))
    yield report(obj.at("spec", "selector"), f"ServiceMonitor `{obj.name}` selects no Service of the run in {where}")
