from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, pod_spec, report, rule


@rule(
    id="KS248", name="missing-node-affinity", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A pod spec constrains neither node affinity nor a node selector",
    remediation="Add `affinity.nodeAffinity` or a `nodeSelector` naming the node pool the workload belongs on",
    aliases=("no-node-affinity",), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Pod specs of every pod-bearing kind with neither `affinity.nodeAffinity` nor a
    `nodeSelector` (kube-linter only looks at node affinity; a node selector is the simpler
    form of the same constraint). Off by default: only clusters with dedicated node pools need it.

    ## Why it matters
    In a cluster with specialised node pools (GPU, spot, system), an unconstrained pod may land
    on nodes meant for other workloads, or on capacity that disappears without notice.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers: []
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      nodeSelector: {pool: general}
      containers: []
    ```
    """
    found = pod_spec(obj)
    if found is None:
        return
    path, spec = found
    affinity = spec.get("affinity")
    if spec.get("nodeSelector") or (isinstance(affinity, dict) and affinity.get("nodeAffinity")):
        return
    yield report(obj.at(*path, key=True), f"{obj.kind} `{obj.name}` sets no node affinity or node selector")
