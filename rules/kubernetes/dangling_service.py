from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.crossref import index, matches_labels, namespace_of, operator_may_select, service_selector, templates_selected_by


@rule(
    id="KS300", name="dangling-service", target=Target.K8S_PROJECT, severity=Severity.WARNING,
    summary="A Service selects no pod template defined in the run",
    remediation="Make `spec.selector` match the pod template labels of the workload it fronts",
    aliases=("service-targets-pod",),
    references=("https://docs.kubelinter.io/#/generated/checks?id=dangling-service",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `Service` whose `spec.selector` matches the template labels of no workload (Deployment,
    StatefulSet, DaemonSet, Job, CronJob, Pod...) of the run in the same namespace. A Service
    without a selector (ExternalName, hand-made Endpoints) is skipped, and so is a Service whose
    namespace holds no workload at all in the run: its pods are then defined elsewhere. Labels
    that controllers add to pods (`statefulset.kubernetes.io/pod-name`, `pod-template-hash`...)
    are ignored in selectors, and a selector that matches the labels (or name) of a custom
    resource of the namespace is assumed to select the pods an operator creates from it.
    Objects without a namespace are in `default`.

    ## Why it matters
    A selector that matches no pod gives the Service no endpoints: every connection is refused
    and the mistake (often a renamed label) only shows at runtime.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Service
    metadata: {name: web}
    spec:
      selector: {app: web-frontend}
      ports: [{port: 80, targetPort: 8080}]
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          containers: [{name: web, image: "nginx:1.27", ports: [{containerPort: 8080}]}]
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Service
    metadata: {name: web}
    spec:
      selector: {app: web}
      ports: [{port: 80, targetPort: 8080}]
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          containers: [{name: web, image: "nginx:1.27", ports: [{containerPort: 8080}]}]
    ```
    """
    if obj.kind != "Service" or obj.group:
        return
    selector = service_selector(obj)
    if not selector:
        return
    idx = index(ctx.project)
    templates = idx.templates.get(namespace_of(obj), [])
    if not templates or templates_selected_by(idx, namespace_of(obj), selector):
        return
    if operator_may_select(idx, namespace_of(obj), lambda labels: matches_labels(selector, labels), set(selector.values())):
        return
    shown = ", ".join(f"{k}={v}" for k, v in sorted(selector.items()))
    yield report(obj.at("spec", "selector"),
                 f"Service `{obj.name}` selects `{shown}`, which no pod template in namespace "
                 f"`{namespace_of(obj)}` carries")
