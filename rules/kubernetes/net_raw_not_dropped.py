from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import capabilities, container_security_context


@rule(
    id="KS137", name="net-raw-not-dropped", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A container's capabilities do not drop NET_RAW",
    remediation="Add `NET_RAW` (or `ALL`) to `securityContext.capabilities.drop`",
    aliases=("drop-net-raw-capability", "CKV_K8S_28"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    As kube-linter's `drop-net-raw-capability`: a container that declares
    `securityContext.capabilities` but whose `drop` list has neither `NET_RAW` nor `ALL`, and any
    container that adds `NET_RAW` (or `ALL`). A container without a capabilities section is left
    to `capabilities-not-dropped` (off by default).

    ## Why it matters
    NET_RAW lets a process craft raw packets: ARP and DNS spoofing of its neighbours on the node's
    network. Almost no application needs it.

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
            capabilities: {drop: [SYS_ADMIN]}
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
        caps = container_security_context(c).get("capabilities")
        if not isinstance(caps, dict):
            continue
        added = [(i, name) for i, name in capabilities(c, "add") if name in ("NET_RAW", "ALL")]
        for i, name in added:
            yield report(c.at("securityContext", "capabilities", "add", i),
                         f"container `{c.name}` adds the {name} capability")
        if added:
            continue
        raw_drop = caps.get("drop")
        if isinstance(raw_drop, str) and "{{" in raw_drop:
            continue
        dropped = {name for _, name in capabilities(c, "drop")}
        if not dropped & {"NET_RAW", "ALL"}:
            anchor = (c.at("securityContext", "capabilities", "drop") if "drop" in caps
                      else c.at("securityContext", "capabilities", key=True))
            yield report(anchor, f"container `{c.name}` does not drop the NET_RAW capability")
