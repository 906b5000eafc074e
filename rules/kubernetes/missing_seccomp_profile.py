from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import effective, is_templated, is_windows_pod, pod_annotations

POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod"
CONTAINER_ANNOTATION = "container.seccomp.security.alpha.kubernetes.io/"
CONFINED = ("runtime/default", "docker/default", "localhost/")


@rule(
    id="KS141", name="missing-seccomp-profile", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A container runs without a seccomp profile (RuntimeDefault or Localhost)",
    remediation="Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod",
    aliases=("container-seccomp-profile", "CKV_K8S_31", "KSV030", "linuxHardening"),
    enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Containers and init containers whose effective `seccompProfile` (container level over pod
    level) is unset, and no legacy `seccomp.security.alpha.kubernetes.io` annotation on the pod
    template selects `runtime/default`, `docker/default` or `localhost/...`. An explicit
    `Unconfined` is `unconfined-seccomp-profile`'s. Off by default (kube-score, checkov and trivy
    check it; kube-linter does not). Polaris' `linuxHardening` is a looser variant: it also accepts
    AppArmor, SELinux options or dropped capabilities instead of a seccomp profile.
    Windows pods (`os.name: windows`, or a `kubernetes.io/os: windows` node selector) are skipped.

    ## Why it matters
    Without a profile the container runs Unconfined on most clusters: every system call,
    including the rarely needed ones behind many kernel exploits, is available.

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
      securityContext:
        seccompProfile: {type: RuntimeDefault}
      containers:
        - name: web
          image: nginx:1.27
    ```
    """
    if is_windows_pod(obj):
        return
    annotations = pod_annotations(obj)
    pod_ann = annotations.get(POD_ANNOTATION)
    for c in containers(obj, ("containers", "initContainers")):
        profile = effective(c, "seccompProfile")
        if profile.is_set:
            continue
        ann = annotations.get(CONTAINER_ANNOTATION + c.name, pod_ann)
        if isinstance(ann, str) and (ann.startswith(CONFINED) or ann == "unconfined" or is_templated(ann)):
            continue
        yield report(c, f"container `{c.name}` has no seccomp profile")
