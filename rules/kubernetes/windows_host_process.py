from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import container_security_context, pod_field


def _host_process(sc: object) -> bool:
    opts = sc.get("windowsOptions") if isinstance(sc, dict) else None
    return isinstance(opts, dict) and opts.get("hostProcess") is True


@rule(
    id="KS183", name="windows-host-process", target=Target.K8S_OBJECT, severity=Severity.ERROR,
    summary="A Windows HostProcess container runs directly on the node (`windowsOptions.hostProcess: true`)",
    remediation="Remove `windowsOptions.hostProcess`; run node agents from a reviewed, dedicated namespace",
    aliases=("KSV103", "hostProcess"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `securityContext.windowsOptions.hostProcess: true` in the pod's or a container's security
    context (the Pod Security Standards' baseline forbids it).

    ## Why it matters
    A HostProcess container is the Windows equivalent of a privileged container: it runs as a
    process on the node, with the node's network and filesystem, outside any isolation.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: agent}
    spec:
      hostNetwork: true
      securityContext:
        windowsOptions: {hostProcess: true}
      nodeSelector: {kubernetes.io/os: windows}
      containers:
        - name: agent
          image: example/agent:1.2.0
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: agent}
    spec:
      securityContext:
        windowsOptions: {runAsUserName: "ContainerUser"}
      nodeSelector: {kubernetes.io/os: windows}
      containers:
        - name: agent
          image: example/agent:1.2.0
    ```
    """
    psc, anchor = pod_field(obj, "securityContext")
    if anchor is not None and _host_process(psc):
        yield report(obj.at(*anchor.path, "windowsOptions", "hostProcess"),
                     "the pod runs its containers as Windows HostProcess containers")
    for c in containers(obj):
        if _host_process(container_security_context(c)):
            yield report(c.at("securityContext", "windowsOptions", "hostProcess"),
                         f"container `{c.name}` is a Windows HostProcess container")
