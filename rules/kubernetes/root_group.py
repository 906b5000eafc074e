from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import effective, pod_field


@rule(
    id="KS131", name="root-group", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A pod or container runs with the root group (GID 0)",
    remediation="Use a non-zero `runAsGroup`, `fsGroup` and `supplementalGroups`",
    aliases=("KSV029", "KSV116"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    An explicit `runAsGroup: 0` (container level, or pod level when the container does not
    override it), a pod-level `fsGroup: 0`, or a `0` among the pod's `supplementalGroups`.

    ## Why it matters
    Files owned by group root on the node and in mounted volumes become writable or readable to a
    process with GID 0, even when its UID is not root.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      securityContext: {runAsUser: 1000, runAsGroup: 0}
      containers:
        - name: web
          image: nginx:1.27
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      securityContext: {runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000}
      containers:
        - name: web
          image: nginx:1.27
    ```
    """
    reported = set()
    for c in containers(obj):
        group = effective(c, "runAsGroup")
        if group.value == 0 and group.value is not False and group.anchor is not None:
            key = group.anchor.path
            if key not in reported:
                reported.add(key)
                where = f"container `{c.name}`" if group.level == "container" else "the pod"
                yield report(group.anchor, f"{where} sets runAsGroup: 0 (root group)")
    fs_group, anchor = pod_field(obj, "securityContext", "fsGroup")
    if fs_group == 0 and fs_group is not False and anchor is not None:
        yield report(anchor, "the pod sets fsGroup: 0 (root group)")
    groups, anchor = pod_field(obj, "securityContext", "supplementalGroups")
    if isinstance(groups, list) and anchor is not None:
        for i, g in enumerate(groups):
            if g == 0 and g is not False:
                yield report(obj.at(*anchor.path, i), "the pod has the root group 0 in supplementalGroups")
