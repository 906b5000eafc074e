"""XMP001 missing-owner-label: an example plugin rule."""
from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule


@rule(id="XMP001", name="missing-owner-label", target=Target.K8S_OBJECT, severity=Severity.WARNING,
      summary="Workloads carry an `owner` label", remediation="Add `metadata.labels.owner`")
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A workload (Deployment, StatefulSet, ...) without an `owner` label.

    ## Why it matters
    Incidents are routed by owner.

    ## Example
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    ```

    ## Use instead
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web, labels: {owner: shop}}
    ```
    """
    if obj.is_workload and "owner" not in obj.labels:
        yield report(obj, f"{obj.kind} `{obj.name}` has no `owner` label")
