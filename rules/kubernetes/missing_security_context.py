from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import pod_field


@rule(
    id="KS156", name="missing-security-context", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="Neither the pod nor the container sets a securityContext",
    remediation="Set a pod `securityContext` (runAsNonRoot, seccompProfile) and a container one (capabilities, readOnlyRootFilesystem)",
    aliases=("container-security-context", "CKV_K8S_29", "CKV_K8S_30", "KSV118"),
    enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Containers and init containers without a `securityContext` in a pod spec without one either
    (kube-score's "Container has no configured security context", checkov's CKV_K8S_29/30). The
    specific settings are checked by the other security-context rules; this one only says that
    nothing was configured at all. Off by default.

    ## Why it matters
    With no security context every default applies: the image's user (often root), the
    runtime's capabilities, a writable root file system and no seccomp profile.

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
      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
      containers:
        - name: web
          image: nginx:1.27
          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
    ```
    """
    pod_sc, _ = pod_field(obj, "securityContext")
    if isinstance(pod_sc, dict) and pod_sc:
        return
    for c in containers(obj, ("containers", "initContainers")):
        sc = c.node.get("securityContext")
        if not (isinstance(sc, dict) and sc):
            yield report(c, f"container `{c.name}` has no securityContext, and neither has the pod")
