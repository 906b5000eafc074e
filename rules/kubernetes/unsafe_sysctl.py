from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.workload import is_templated, pod_field

# The sysctls Kubernetes considers safe (namespaced, isolated between pods).
SAFE = frozenset({
    "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start",
    "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports",
    "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
    "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem",
})


@rule(
    id="KS152", name="unsafe-sysctl", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="The pod sets a sysctl outside Kubernetes' safe set",
    remediation="Remove the sysctl, or tune it on the node; unsafe sysctls must be allow-listed per kubelet",
    aliases=("unsafe-sysctls", "KSV026"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Every `securityContext.sysctls[].name` of the pod spec that is not in Kubernetes' safe set
    (`kernel.shm_rmid_forced`, `net.ipv4.ip_local_port_range`, `net.ipv4.tcp_syncookies`,
    `net.ipv4.ping_group_range`, `net.ipv4.ip_unprivileged_port_start`, ...). kube-linter's
    `unsafe-sysctls` and trivy's KSV026 check the same thing.

    ## Why it matters
    Unsafe sysctls are not isolated between pods: they change the node's kernel for every
    workload on it. The kubelet rejects the pod unless the sysctl is allow-listed on that node.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: db}
    spec:
      securityContext:
        sysctls:
          - {name: kernel.shm_rmid_forced, value: "1"}
          - {name: kernel.msgmax, value: "65536"}
      containers:
        - name: db
          image: postgres:16.4
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: db}
    spec:
      securityContext:
        sysctls:
          - {name: kernel.shm_rmid_forced, value: "1"}
      containers:
        - name: db
          image: postgres:16.4
    ```
    """
    sysctls, anchor = pod_field(obj, "securityContext", "sysctls")
    if not isinstance(sysctls, list) or anchor is None:
        return
    for i, entry in enumerate(sysctls):
        name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(name, str) or is_templated(name):
            continue
        if name.replace("/", ".") not in SAFE:
            yield report(obj.at(*anchor.path, i, "name"), f"the pod sets the unsafe sysctl `{name}`")
