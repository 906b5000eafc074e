from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import DANGEROUS_CAPABILITIES as DANGEROUS, capabilities


@rule(
    id="KS139", name="dangerous-capability-added", target=Target.K8S_OBJECT, severity=Severity.ERROR,
    summary="A container adds a dangerous capability (SYS_ADMIN, NET_ADMIN, ALL, ...)",
    remediation="Remove the capability from `securityContext.capabilities.add`",
    aliases=("dangerousCapabilities", "CKV_K8S_39", "KSV005", "KSV120"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `securityContext.capabilities.add` entries (with or without the `CAP_` prefix, any case) among
    ALL, SYS_ADMIN, NET_ADMIN, SYS_MODULE, SYS_PTRACE, SYS_RAWIO, SYS_BOOT, DAC_READ_SEARCH, BPF,
    MAC_ADMIN and MAC_OVERRIDE (others, such as SYS_TIME, are `capability-added`'s).

    ## Why it matters
    These capabilities let a process mount file systems, load kernel modules, trace other
    processes or reconfigure the node's network: each is a known container escape.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: vpn}
    spec:
      containers:
        - name: vpn
          image: example/vpn:2.1.0
          securityContext:
            capabilities: {add: [NET_ADMIN]}
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
            if name in DANGEROUS:
                yield report(c.at("securityContext", "capabilities", "add", i),
                             f"container `{c.name}` adds the {name} capability")
