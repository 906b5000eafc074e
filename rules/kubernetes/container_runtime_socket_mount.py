from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.workload import host_mounts

SOCKETS = ("docker.sock", "containerd.sock", "crio.sock", "cri-dockerd.sock", "podman.sock")


@rule(
    id="KS150", name="container-runtime-socket-mount", target=Target.K8S_OBJECT, severity=Severity.ERROR,
    summary="A hostPath volume mounts the container runtime's socket (docker.sock, containerd.sock, crio.sock)",
    remediation="Remove the socket mount; build images with a daemonless builder (kaniko, buildkit rootless)",
    aliases=("docker-sock", "container-runtime-sock", "CKV_K8S_27", "KSV006"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `hostPath` volumes whose path ends in `docker.sock`, `containerd.sock`, `crio.sock`,
    `cri-dockerd.sock` or `podman.sock` (kube-linter's `docker-sock` and
    `container-runtime-sock`).

    ## Why it matters
    Whoever talks to the runtime socket can start a privileged container with the node's root
    file system mounted: it is root on the node.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: ci}
    spec:
      containers:
        - name: ci
          image: docker:27.3
          volumeMounts: [{name: docker, mountPath: /var/run/docker.sock}]
      volumes:
        - name: docker
          hostPath: {path: /var/run/docker.sock, type: Socket}
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: ci}
    spec:
      containers:
        - name: ci
          image: gcr.io/kaniko-project/executor:v1.23.2
    ```
    """
    for mount in host_mounts(obj):
        if mount.path.endswith(SOCKETS):
            yield report(mount.anchor, f"volume `{mount.volume_name}` mounts the runtime socket `{mount.path}`")
