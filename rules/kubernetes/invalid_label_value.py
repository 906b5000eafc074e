from __future__ import annotations

import re
from typing import Any, Iterator

from linter.api import POD_BEARING_KINDS, Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.k8s import POD_SPEC_PATHS

_VALUE = re.compile(r"(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?")
_TEMPLATED = ("{{", "${", "$(", "<%")


def _labels_paths(obj: K8sObject) -> Iterator[tuple[Any, ...]]:
    yield ("metadata", "labels")
    if obj.kind in POD_BEARING_KINDS and obj.kind != "Pod" and obj.is_workload:
        yield POD_SPEC_PATHS[obj.kind][:-1] + ("metadata", "labels")


@rule(
    id="KS160", name="invalid-label-value", target=Target.K8S_OBJECT, severity=Severity.ERROR,
    summary="A label value is not a valid Kubernetes label value, so the API server rejects the object",
    remediation="Use at most 63 characters: letters, digits, `-`, `_`, `.`, starting and ending alphanumeric",
    aliases=("label-values",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    String values of `metadata.labels`, and of the pod template's labels of workloads, that are
    not valid label values: longer than 63 characters, or not made of letters, digits, `-`,
    `_` and `.` beginning and ending with a letter or digit (an empty value is valid). Values
    that are still template expressions (`{{ ... }}`, `${...}`) and non-string values (a type
    error, `schema-violation`'s finding) are skipped. kube-score's `label-values` checks
    `metadata.labels` only.

    ## Why it matters
    The API server rejects the whole object: the apply fails, often half-way through a release,
    for a version string like `1.2.3+build` or a value with a space or a slash.

    ## Example
    ```yaml
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings
      labels: {app: api, version: "1.4.2+build.7"}
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings
      labels: {app: api, version: "1.4.2-build.7"}
    ```
    """
    for path in _labels_paths(obj):
        labels = obj.get(*path)
        if not isinstance(labels, dict):
            continue
        for key, value in labels.items():
            if not isinstance(value, str) or any(t in value for t in _TEMPLATED):
                continue
            if len(value) > 63:
                yield report(obj.at(*path, key), f"label `{key}` has a value of {len(value)} characters (at most 63)")
            elif not _VALUE.fullmatch(value):
                yield report(obj.at(*path, key), f"label `{key}` has an invalid value `{value}`")
