from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule


@rule(
    id="KS165", name="scc-allows-privileged-container", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="An OpenShift SecurityContextConstraints allows privileged containers",
    remediation="Set `allowPrivilegedContainer: false` and grant the specific capabilities the workload needs",
    aliases=("scc-deny-privileged-container",), enabled_by_default=False,
    references=("https://docs.openshift.com/container-platform/latest/authentication/managing-security-context-constraints.html",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    An OpenShift `SecurityContextConstraints` (security.openshift.io) with
    `allowPrivilegedContainer: true` (kube-linter `scc-deny-privileged-container`). Off by
    default, as in kube-linter: only OpenShift clusters have SCCs.

    ## Why it matters
    Every service account or group the SCC is granted to may then run privileged containers,
    with all capabilities and access to the host's devices: root on the node.

    ## Example
    ```yaml
    apiVersion: security.openshift.io/v1
    kind: SecurityContextConstraints
    metadata: {name: agents}
    allowPrivilegedContainer: true
    runAsUser: {type: RunAsAny}
    seLinuxContext: {type: MustRunAs}
    ```

    ## Use instead
    ```yaml
    apiVersion: security.openshift.io/v1
    kind: SecurityContextConstraints
    metadata: {name: agents}
    allowPrivilegedContainer: false
    allowedCapabilities: [NET_BIND_SERVICE]
    runAsUser: {type: MustRunAsRange}
    seLinuxContext: {type: MustRunAs}
    ```
    """
    if obj.kind != "SecurityContextConstraints" or not obj.group.startswith("security.openshift.io"):
        return
    if obj.get("allowPrivilegedContainer") is True:
        yield report(obj.at("allowPrivilegedContainer"),
                     f"SecurityContextConstraints `{obj.name}` allows privileged containers")
