from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.crossref import container_ports, has_service_selecting, namespace_of, pod_template_of

KINDS = ("Deployment", "StatefulSet", "DaemonSet")


@rule(
    id="KS307", name="deployment-without-service", target=Target.K8S_PROJECT, severity=Severity.INFO,
    summary="A workload declares container ports but no Service of the run selects it",
    remediation="Add a Service for the component, or drop the unused containerPorts",
    enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A Deployment, StatefulSet or DaemonSet whose containers declare `containerPort`s while no
    `Service` of the run in its namespace selects its pod template: the "a Deployment and a
    Service per component" convention. Workloads without ports (workers, consumers) and
    host-network pods are skipped. Off by default.

    ## Why it matters
    Ports that nothing routes to are either dead configuration or a forgotten Service: other
    components cannot reach the workload by a stable name.

    ## Example
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec:
          containers: [{name: api, image: "example/api:1.2.0", ports: [{containerPort: 8080}]}]
    ```

    ## Use instead
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec:
          containers: [{name: api, image: "example/api:1.2.0", ports: [{containerPort: 8080}]}]
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: api}
    spec:
      selector: {app: api}
      ports: [{port: 80, targetPort: 8080}]
    ```
    """
    if obj.kind not in KINDS:
        return
    template = pod_template_of(ctx.project, obj)
    if template is None or not container_ports(template)[0]:
        return
    spec = obj.get(*(("spec", "template", "spec")))
    if isinstance(spec, dict) and spec.get("hostNetwork") is True:
        return
    if has_service_selecting(ctx.project, template):
        return
    yield report(obj.at("metadata", "name"),
                 f"{obj.kind} `{obj.name}` declares container ports but no Service in namespace "
                 f"`{namespace_of(obj)}` selects its pods")
