from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import effective, is_templated, is_windows_pod


@rule(
    id="KS130", name="container-may-run-as-root", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A container may run as root: neither `runAsNonRoot: true` nor a non-zero `runAsUser`",
    remediation="Set `runAsNonRoot: true` and a non-zero `runAsUser` in the pod or container securityContext",
    aliases=("run-as-non-root", "runAsRootAllowed", "CKV_K8S_23", "KSV012", "KSV105", "init-container-security-gap"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Every container, init container and ephemeral container of every pod-bearing kind, with the
    container's `securityContext` overriding the pod's: the container fires when its effective
    `runAsUser` is `0`, or when it has no non-zero `runAsUser` and no `runAsNonRoot: true`.
    Windows pods (`os.name: windows`, or a `kubernetes.io/os: windows` node selector) are skipped.

    ## Why it matters
    A process running as UID 0 is root on the node as soon as it escapes the container (a kernel
    or runtime bug, a writable hostPath). `runAsNonRoot: true` makes the kubelet refuse to start
    an image whose user is root.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      securityContext: {runAsNonRoot: true}
      containers:
        - name: web
          image: nginx:1.27
          securityContext: {runAsUser: 0}
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      securityContext: {runAsNonRoot: true, runAsUser: 101}
      containers:
        - name: web
          image: nginx:1.27
    ```
    """
    if is_windows_pod(obj):
        return
    for c in containers(obj):
        user = effective(c, "runAsUser")
        if is_templated(user.value):
            continue
        if user.is_set and user.value == 0 and user.anchor is not None:
            yield report(user.anchor, f"container `{c.name}` runs as root (runAsUser 0 at {user.level} level)")
            continue
        if isinstance(user.value, int) and not isinstance(user.value, bool) and user.value > 0:
            continue
        non_root = effective(c, "runAsNonRoot")
        if non_root.value is True or is_templated(non_root.value):
            continue
        if non_root.value is False and non_root.anchor is not None:
            yield report(non_root.anchor, f"container `{c.name}` sets runAsNonRoot: false and no non-zero runAsUser")
        else:
            yield report(c, f"container `{c.name}` is not set to runAsNonRoot and has no non-zero runAsUser")
