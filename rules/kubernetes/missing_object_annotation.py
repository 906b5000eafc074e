from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule


@dataclass(frozen=True)
class Options:
    key: str = "email"
    value: str = r"[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\.[a-zA-Z0-9-.]+"


@rule(
    id="KS169", name="missing-object-annotation", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="An object lacks an annotation the organisation requires (by default a valid `email`)",
    remediation="Add the annotation to `metadata.annotations`, e.g. `email: payments@example.com`",
    aliases=("required-annotation-email",), options=Options, enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Every object (any kind) without the annotation `key`, or whose value does not fully match
    the regular expression `value` (kube-linter `required-annotation-email`: an `email`
    annotation holding an e-mail address). Off by default: which annotations to require is a
    team's policy.

    ## Why it matters
    An owner contact on every object is what lets an incident responder, a security scanner or
    a cost report reach the team behind a workload without archaeology.

    ## Example
    ```yaml
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings
      annotations: {email: payments}
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings
      annotations: {email: payments@example.com}
    ```

    ## Options
    - `key` (default `email`): the annotation every object must carry.
    - `value` (default an e-mail address pattern): a regular expression its value must fully match.
    """
    opts = ctx.options or Options()
    value = obj.annotations.get(opts.key)
    if value is None:
        anchor = obj.at("metadata", "annotations", key=True) if "annotations" in obj.metadata else obj.at("metadata", key=True)
        yield report(anchor, f"{obj.kind} `{obj.name}` lacks the required annotation `{opts.key}`")
    elif not re.fullmatch(opts.value, str(value)):
        yield report(obj.at("metadata", "annotations", opts.key),
                     f"annotation `{opts.key}` of {obj.kind} `{obj.name}` does not match the required pattern")
