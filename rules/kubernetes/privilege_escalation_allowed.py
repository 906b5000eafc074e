from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import container_security_context


@rule(
    id="KS134", name="privilege-escalation-allowed", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A container explicitly allows privilege escalation",
    remediation="Set `allowPrivilegeEscalation: false` in the container securityContext",
    aliases=("privilege-escalation-container",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `securityContext.allowPrivilegeEscalation: true` on any container. A container that merely
    leaves the field unset is reported by `privilege-escalation-not-disabled` (off by default).

    ## Why it matters
    With privilege escalation allowed a process can gain more privileges than its parent, through
    setuid binaries or file capabilities (`no_new_privs` is not set).

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext: {allowPrivilegeEscalation: true}
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
          securityContext: {allowPrivilegeEscalation: false}
    ```
    """
    for c in containers(obj):
        if container_security_context(c).get("allowPrivilegeEscalation") is True:
            yield report(c.at("securityContext", "allowPrivilegeEscalation"),
                         f"container `{c.name}` allows privilege escalation")
