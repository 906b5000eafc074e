from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import DANGEROUS_CAPABILITIES as DANGEROUS, capabilities


@rule(
    id="KS140", name="capability-added", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A container adds a Linux capability",
    remediation="Drop the capability unless the process needs it; document why when it does",
    aliases=("CKV_K8S_25", "KSV022", "KSV119"),
    enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Any entry of `securityContext.capabilities.add` other than `NET_BIND_SERVICE` and the
    dangerous ones reported by `dangerous-capability-added`. Off by default (checkov and trivy).

    ## Why it matters
    Each added capability widens what a compromised process can do on the node; review them.

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
            capabilities: {add: [CHOWN]}
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
    for c in containers(obj):
        for i, name in capabilities(c, "add"):
            if name not in DANGEROUS and name != "NET_BIND_SERVICE":
                yield report(c.at("securityContext", "capabilities", "add", i),
                             f"container `{c.name}` adds the {name} capability")
