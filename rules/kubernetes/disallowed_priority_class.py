from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, pod_spec, report, rule


@dataclass(frozen=True)
class Options:
    accepted: tuple[str, ...] = ("system-cluster-critical", "system-node-critical")


@rule(
    id="KS171", name="disallowed-priority-class", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A pod spec uses a priorityClassName outside the accepted list",
    remediation="Use one of the accepted priority classes, or add this one to the rule's `accepted` option",
    aliases=("priority-class-name",), options=Options, enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Pod specs of every pod-bearing kind whose non-empty `priorityClassName` is not in the
    `accepted` option (kube-linter `priority-class-name`, which accepts only
    `system-cluster-critical` and `system-node-critical` by default). A pod spec without a
    priority class is `missing-priority-class`'s (KS240) concern. Off by default, as in
    kube-linter: the accepted list is cluster-specific.

    ## Why it matters
    A priority class decides who gets preempted when the cluster is full. An unexpected or
    misspelt class either makes the pod evict others or be evicted first, and a class that does
    not exist in the cluster makes the API server reject the pod.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: batch}
    spec:
      priorityClassName: super-urgent
      containers: [{name: batch, image: "batch:2.0.1"}]
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: batch}
    spec:
      priorityClassName: system-cluster-critical
      containers: [{name: batch, image: "batch:2.0.1"}]
    ```

    ## Options
    - `accepted` (default `[system-cluster-critical, system-node-critical]`): the allowed class names.
    """
    found = pod_spec(obj)
    if found is None:
        return
    path, spec = found
    name = spec.get("priorityClassName")
    if not isinstance(name, str) or not name.strip() or "{{" in name:
        return
    accepted = (ctx.options or Options()).accepted
    if name not in accepted:
        yield report(obj.at(*path, "priorityClassName"), f"priority class `{name}` is not an accepted priority class")
