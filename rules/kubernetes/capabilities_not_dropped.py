from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import capabilities


@rule(
    id="KS138", name="capabilities-not-dropped", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A container does not drop ALL capabilities",
    remediation="Set `securityContext.capabilities.drop: [ALL]` and add back only what the process needs",
    aliases=("CKV_K8S_37", "KSV003", "insecureCapabilities", "KSV004", "KSV106"),
    enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Containers and init containers whose `securityContext.capabilities.drop` does not contain
    `ALL`. Off by default (checkov, trivy and polaris check it; kube-linter does not by default).

    ## Why it matters
    The runtime's default capability set (CHOWN, DAC_OVERRIDE, SETUID, NET_RAW...) is more than
    most applications need; dropping ALL and adding back one or two keeps a compromise contained.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext:
            capabilities: {drop: [NET_RAW]}
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
          securityContext:
            capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
    ```
    """
    for c in containers(obj, ("containers", "initContainers")):
        sc = c.node.get("securityContext")
        caps = sc.get("capabilities") if isinstance(sc, dict) else None
        drop = caps.get("drop") if isinstance(caps, dict) else None
        if isinstance(drop, str) and "{{" in drop:
            continue
        if "ALL" in {name for _, name in capabilities(c, "drop")}:
            continue
        anchor = c.at("securityContext", "capabilities", "drop") if isinstance(drop, list) else c.at()
        yield report(anchor, f"container `{c.name}` does not drop ALL capabilities")
