from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.policy import selector_matches

_KINDS = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"}


@dataclass(frozen=True)
class Options:
    require_selector: bool = False  # also report apps/v1 workloads with no `spec.selector`


@rule(
    id="KS200", name="mismatching-selector", target=Target.K8S_OBJECT, severity=Severity.ERROR,
    summary="A workload's selector does not match its own pod template labels",
    remediation="Make `spec.selector` select the labels of `spec.template.metadata.labels`",
    aliases=("deployment-pod-selector-labels-match-template-metadata-labels",
             "statefulset-pod-selector-labels-match-template-metadata-labels"),
    options=Options,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Deployments, StatefulSets, DaemonSets, ReplicaSets (`apps/v1`) and ReplicationControllers
    whose `spec.selector` (`matchLabels` and `matchExpressions`) does not select the labels of
    their own pod template, or whose `apps/v1` selector is empty. Templated values (`{{ }}`,
    `${}`) are not judged. A missing selector is only reported with `require-selector`:
    Kustomize bases and patches leave it to `labels`/`commonLabels`.

    ## Why it matters
    The API server rejects such an object (`selector does not match template labels`); with
    an older API the controller never finds the pods it creates and keeps creating more.

    ## Example
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      selector:
        matchLabels: {app: api}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
            - name: api
              image: example/api:1.0.0
    ```

    ## Use instead
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      selector:
        matchLabels: {app: api}
      template:
        metadata:
          labels: {app: api, tier: backend}
        spec:
          containers:
            - name: api
              image: example/api:1.0.0
    ```

    ## Options
    - `require-selector` (default `false`): also report `apps/v1` workloads without
      `spec.selector` (the API server rejects them when applied as they are).
    """
    if not obj.is_workload:
        return
    labels = obj.get("spec", "template", "metadata", "labels")
    if obj.kind == "ReplicationController":
        selector = obj.get("spec", "selector")
        if not isinstance(selector, dict) or not selector or not isinstance(labels, dict):
            return
        selector = {"matchLabels": selector}
    elif obj.kind in _KINDS:
        if "spec" not in obj.root or not isinstance(obj.get("spec"), dict):
            return
        selector = obj.get("spec", "selector")
        if selector is None or (isinstance(selector, dict) and not selector):
            if obj.api_version == "apps/v1" and "selector" not in (obj.get("spec") or {}):
                if not (ctx.options or Options()).require_selector:
                    return
                yield report(obj.at("spec", key=True), f"{obj.kind} `{obj.name}` has no `spec.selector`; apps/v1 requires one")
            elif obj.api_version == "apps/v1":
                yield report(obj.at("spec", "selector"), f"{obj.kind} `{obj.name}` has an empty selector, which apps/v1 rejects")
            return
    else:
        return
    if not isinstance(labels, dict):
        labels = {}
    if selector_matches(selector, labels) is False:
        yield report(obj.at("spec", "selector"),
                     f"{obj.kind} `{obj.name}`: the selector does not match the pod template labels")
