from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule

_LABEL = "app.kubernetes.io/instance"


@rule(
    id="KS172", name="instance-label-mismatch", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A workload's `app.kubernetes.io/instance` label differs from its name",
    remediation="Set `app.kubernetes.io/instance` to the object's `metadata.name`",
    aliases=("metadataAndInstanceMismatched",), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A workload (every pod-bearing kind) whose `metadata.labels` carries
    `app.kubernetes.io/instance` with a value other than its `metadata.name` (polaris
    `metadataAndInstanceMismatched`). Polaris also fails workloads without the label; k8slint
    only reports a label that is present and disagrees, since most manifests never set it. Off
    by default: Helm charts set the label to the release name, which rarely equals the
    workload's name.

    ## Why it matters
    Tools that group resources by instance (dashboards, cost reports, `kubectl get -l`) then
    attribute the workload to another instance, or to none.

    ## Example
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: api
      labels: {app.kubernetes.io/instance: web}
    spec:
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec:
          containers: [{name: api, image: "api:1.4.2"}]
    ```

    ## Use instead
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: api
      labels: {app.kubernetes.io/instance: api}
    spec:
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec:
          containers: [{name: api, image: "api:1.4.2"}]
    ```
    """
    if not obj.is_workload:
        return
    value = obj.labels.get(_LABEL)
    if value is None or not isinstance(obj.metadata.get("name"), str):
        return
    if str(value) != obj.name and "{{" not in str(value):
        yield report(obj.at("metadata", "labels", _LABEL),
                     f"label `{_LABEL}: {value}` differs from the {obj.kind}'s name `{obj.name}`")
