from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import container_security_context


@rule(
    id="KS151", name="unmasked-proc-mount", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A container mounts /proc unmasked (`procMount: Unmasked`)",
    remediation="Remove `procMount` (the default, `Default`, masks sensitive /proc paths)",
    aliases=("unsafe-proc-mount", "KSV027", "procMount"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `securityContext.procMount: Unmasked` on any container.

    ## Why it matters
    The default proc mount hides and makes read-only the /proc paths that expose the node's
    kernel (`/proc/sys`, `/proc/sysrq-trigger`, `/proc/kcore`...); Unmasked lifts that.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      hostUsers: false
      containers:
        - name: web
          image: nginx:1.27
          securityContext: {procMount: Unmasked}
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext: {procMount: Default}
    ```
    """
    for c in containers(obj):
        if container_security_context(c).get("procMount") == "Unmasked":
            yield report(c.at("securityContext", "procMount"), f"container `{c.name}` mounts /proc unmasked")
