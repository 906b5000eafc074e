from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.crossref import index, matches_labels, namespace_of, pod_template_of, service_selector


@rule(
    id="KS315", name="dangling-statefulset-service-name", target=Target.K8S_PROJECT, severity=Severity.WARNING,
    summary="A StatefulSet's serviceName is not a headless Service of the run that selects its pods",
    remediation="Define a Service named as `spec.serviceName`, with `clusterIP: None`, selecting the StatefulSet's pods",
    aliases=("statefulset-has-servicename",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A StatefulSet whose `spec.serviceName` names no Service of the run in its namespace, or a
    Service that is not headless (`clusterIP: None`) or does not select the StatefulSet's pod
    template. Checked only when the namespace holds at least one Service in the run.

    ## Why it matters
    The governing Service gives each replica its stable DNS name (`db-0.db`); without it, or
    with a normal ClusterIP Service, peers cannot address each other and clustered databases
    fail to form.

    ## Example
    ```yaml
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: db}
    spec:
      serviceName: db
      selector: {matchLabels: {app: db}}
      template:
        metadata: {labels: {app: db}}
        spec:
          containers: [{name: db, image: "postgres:16.4"}]
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: db}
    spec:
      selector: {app: db}
      ports: [{port: 5432}]
    ```

    ## Use instead
    ```yaml
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: db}
    spec:
      serviceName: db
      selector: {matchLabels: {app: db}}
      template:
        metadata: {labels: {app: db}}
        spec:
          containers: [{name: db, image: "postgres:16.4"}]
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: db}
    spec:
      clusterIP: None
      selector: {app: db}
      ports: [{port: 5432}]
    ```
    """
    if obj.kind != "StatefulSet" or not obj.is_workload:
        return
    name = obj.get("spec", "serviceName")
    if not isinstance(name, str) or not name or "{{" in name:
        return
    idx = index(ctx.project)
    ns = namespace_of(obj)
    if not idx.of("Service", ns):
        return
    services = [s for s in idx.get("Service", ns, name) if not s.group]
    anchor = obj.at("spec", "serviceName")
    if not services:
        yield report(anchor, f"serviceName `{name}` is not a Service defined in namespace `{ns}`")
        return
    svc = services[0]
    if svc.get("spec", "clusterIP") not in ("None",):
        yield report(anchor, f"Service `{name}` is not headless: set `clusterIP: None`")
        return
    template = pod_template_of(ctx.project, obj)
    selector = service_selector(svc)
    if template is not None and selector and not matches_labels(selector, template.labels):
        yield report(anchor, f"headless Service `{name}` does not select the pods of StatefulSet `{obj.name}`")
