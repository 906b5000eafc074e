from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import effective, is_templated, is_windows_pod, pod_field


@dataclass(frozen=True)
class Options:
    min_id: int = 10000


@rule(
    id="KS132", name="low-user-id", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A container runs with a UID or GID below 10000, which may collide with a host user",
    remediation="Set `runAsUser` and `runAsGroup` to 10000 or more",
    aliases=("container-security-context-user-group-id", "CKV_K8S_40", "KSV020", "KSV021"),
    options=Options, enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Every container's effective `runAsUser` (container level over pod level): unset or below
    `min-id` fires; and an effective `runAsGroup` set below `min-id`. Off by default (kube-score,
    checkov and trivy check it; it is an opinion about UID ranges).
    Windows pods (`os.name: windows`, or a `kubernetes.io/os: windows` node selector) are skipped,
    and so are pods with `hostUsers: false`: in their own user namespace, container UIDs map to
    unprivileged UIDs of the node, so they cannot collide with host users (as checkov).

    ## Why it matters
    UIDs below 10000 are the ones host accounts use: a container process that escapes shares the
    identity, and file permissions, of a real user of the node.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext: {runAsUser: 1000}
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      securityContext: {runAsUser: 10001, runAsGroup: 10001}
      containers:
        - name: web
          image: nginx:1.27
    ```

    ## Options
    - `min-id` (int, default 10000): the lowest UID/GID that does not fire.
    """
    if is_windows_pod(obj):
        return
    if pod_field(obj, "hostUsers")[0] is False:  # user namespace: UIDs are remapped on the node
        return
    low = ctx.options.min_id if ctx.options else 10000
    for c in containers(obj):
        user = effective(c, "runAsUser")
        if not is_templated(user.value):
            if not user.is_set or user.anchor is None:
                yield report(c, f"container `{c.name}` sets no runAsUser (the image's user is used)")
            elif isinstance(user.value, int) and not isinstance(user.value, bool) and user.value < low:
                yield report(user.anchor, f"container `{c.name}` runs as UID {user.value}, below {low}")
        group = effective(c, "runAsGroup")
        if (group.anchor is not None and isinstance(group.value, int) and not isinstance(group.value, bool)
                and group.value < low):
            yield report(group.anchor, f"container `{c.name}` runs as GID {group.value}, below {low}")
