from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import container_security_context


@rule(
    id="KS135", name="privilege-escalation-not-disabled", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A container does not set `allowPrivilegeEscalation: false`",
    remediation="Set `allowPrivilegeEscalation: false` in the container securityContext",
    aliases=("privilegeEscalationAllowed", "CKV_K8S_20", "KSV001"),
    enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Containers, init containers and ephemeral containers whose securityContext leaves
    `allowPrivilegeEscalation` unset (it defaults to true). An explicit `true` is reported by
    `privilege-escalation-allowed`. Off by default (polaris, checkov and trivy check it; kube-linter
    does not by default).

    ## Why it matters
    Unless it is set to false, `no_new_privs` is not applied and setuid binaries in the image can
    raise the process's privileges.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
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
      containers:
        - name: web
          image: nginx:1.27
          securityContext: {allowPrivilegeEscalation: false}
    ```
    """
    for c in containers(obj):
        if container_security_context(c).get("allowPrivilegeEscalation") is None:
            yield report(c, f"container `{c.name}` does not set allowPrivilegeEscalation: false")
