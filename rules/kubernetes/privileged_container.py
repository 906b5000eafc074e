from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import container_security_context


@rule(
    id="KS133", name="privileged-container", target=Target.K8S_OBJECT, severity=Severity.ERROR,
    summary="A container runs privileged",
    remediation="Remove `privileged: true`; grant only the capabilities the process needs",
    aliases=("runAsPrivileged", "CKV_K8S_16", "KSV017",
             "container-security-context-privileged"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `securityContext.privileged: true` on any container, init container or ephemeral container.

    ## Why it matters
    A privileged container has every capability and every device of the node: it is root on the
    host, and any compromise of it is a compromise of the node.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: tool}
    spec:
      containers:
        - name: tool
          image: busybox:1.36
          securityContext: {privileged: true}
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: tool}
    spec:
      containers:
        - name: tool
          image: busybox:1.36
          securityContext: {privileged: false, capabilities: {add: [NET_BIND_SERVICE]}}
    ```
    """
    for c in containers(obj):
        if container_security_context(c).get("privileged") is True:
            yield report(c.at("securityContext", "privileged"), f"container `{c.name}` is privileged")
