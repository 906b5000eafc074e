from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule


@dataclass(frozen=True)
class Options:
    labels: tuple[str, ...] = ("owner",)


@rule(
    id="KS168", name="missing-object-label", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="An object lacks a label the organisation requires (by default `owner`)",
    remediation="Add the label to `metadata.labels`, e.g. `owner: team-payments`",
    aliases=("required-label-owner",), options=Options, enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Every object (any kind) whose `metadata.labels` lacks one of the `labels` option's keys, or
    carries it with an empty value (kube-linter `required-label-owner`, which requires `owner`).
    Off by default: which labels to require is a team's policy.

    ## Why it matters
    When something breaks at 3 a.m., the on-call engineer needs to know whose workload it is;
    cost reports, alert routing and clean-up jobs select on the same labels.

    ## Example
    ```yaml
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings
      labels: {app: api}
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings
      labels: {app: api, owner: team-payments}
    ```

    ## Options
    - `labels` (default `[owner]`): the label keys every object must carry.
    """
    required = (ctx.options or Options()).labels
    labels = obj.labels
    missing = [k for k in required if labels.get(k) in (None, "")]
    if missing:
        anchor = obj.at("metadata", "labels", key=True) if "labels" in obj.metadata else obj.at("metadata", key=True)
        shown = ", ".join(f"`{k}`" for k in missing)
        yield report(anchor, f"{obj.kind} `{obj.name}` lacks the required label {shown}")
