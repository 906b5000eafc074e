from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import container_security_context, is_templated, is_windows_pod


@rule(
    id="KS136", name="writable-root-filesystem", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A container's root file system is writable (`readOnlyRootFilesystem` is not true)",
    remediation="Set `readOnlyRootFilesystem: true`; mount an emptyDir where the process must write",
    aliases=("no-read-only-root-fs", "notReadOnlyRootFilesystem", "CKV_K8S_22", "KSV014",
             "container-security-context-readonlyrootfilesystem"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Containers and init containers whose securityContext does not set
    `readOnlyRootFilesystem: true` (ephemeral debug containers are not checked).
    Windows pods (`os.name: windows`, or a `kubernetes.io/os: windows` node selector) are skipped.

    ## Why it matters
    A writable root file system lets an attacker drop tools and binaries into the container and
    persist changes; a read-only one, with emptyDir volumes for the few writable paths, does not.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers:
        - name: api
          image: example/api:1.4.0
          securityContext: {readOnlyRootFilesystem: false}
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers:
        - name: api
          image: example/api:1.4.0
          securityContext: {readOnlyRootFilesystem: true}
          volumeMounts: [{name: tmp, mountPath: /tmp}]
      volumes:
        - {name: tmp, emptyDir: {}}
    ```
    """
    if is_windows_pod(obj):
        return
    for c in containers(obj, ("containers", "initContainers")):
        value = container_security_context(c).get("readOnlyRootFilesystem")
        if value is True or is_templated(value):
            continue
        if value is None:
            yield report(c, f"container `{c.name}` does not set readOnlyRootFilesystem: true")
        else:
            yield report(c.at("securityContext", "readOnlyRootFilesystem"),
                         f"container `{c.name}` has a writable root file system")
