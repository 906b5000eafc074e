from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule

_FIELD = {"Deployment": ("strategy", "Recreate"), "StatefulSet": ("updateStrategy", "OnDelete"),
          "DaemonSet": ("updateStrategy", "OnDelete")}


@rule(
    id="KS234", name="non-rolling-update-strategy", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A workload replaces its pods all at once (Recreate) or only by hand (OnDelete)",
    remediation="Use the `RollingUpdate` strategy; keep Recreate only for apps that cannot run two versions at once",
    aliases=("no-rolling-update-strategy", "deployment-strategy", "upgrade-strategy"), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Deployments with `strategy.type: Recreate`, and StatefulSets and DaemonSets with
    `updateStrategy.type: OnDelete`. Off by default: Recreate is the right choice for
    single-writer workloads (a database with a ReadWriteOnce volume).

    ## Why it matters
    Recreate stops every old pod before starting new ones: each rollout is downtime.
    OnDelete never rolls out at all until someone deletes the pods.

    ## Example
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      strategy: {type: Recreate}
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec: {containers: []}
    ```

    ## Use instead
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      strategy: {type: RollingUpdate}
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec: {containers: []}
    ```
    """
    if obj.kind not in _FIELD or not obj.is_workload:
        return
    field, bad = _FIELD[obj.kind]
    if obj.get("spec", field, "type") == bad:
        yield report(obj.at("spec", field, "type"), f"{obj.kind} `{obj.name}` uses the `{bad}` update strategy")
