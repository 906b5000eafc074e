from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.workload import host_mounts, normalise_host_path

# kube-linter's sensitive-host-mounts directories, plus the kubelet's and runtimes' state.
DEFAULT_PATHS = ("/", "/boot", "/dev", "/etc", "/lib", "/proc", "/sys", "/usr", "/root", "/run", "/var/run",
                 "/var/lib/kubelet", "/var/lib/docker", "/var/lib/containerd", "/etc/kubernetes")


@lru_cache(maxsize=16)
def _normalised(paths: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalise_host_path(p) for p in paths)


@dataclass(frozen=True)
class Options:
    paths: tuple[str, ...] = DEFAULT_PATHS


@rule(
    id="KS148", name="sensitive-host-mount", target=Target.K8S_OBJECT, severity=Severity.ERROR,
    summary="A hostPath volume mounts a sensitive directory of the node (/, /etc, /proc, /var/lib/kubelet, ...)",
    remediation="Remove the hostPath volume, or mount the narrowest sub-path read-only",
    aliases=("sensitive-host-mounts", "KSV121", "volume-mounts"),
    options=Options,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `hostPath` volumes whose path is exactly one of the sensitive node directories (trailing
    slashes ignored): `/`, `/boot`, `/dev`, `/etc`, `/lib`, `/proc`, `/sys`, `/usr` (kube-linter's
    list), `/root`, `/run`, `/var/run`, `/var/lib/kubelet`, `/var/lib/docker`,
    `/var/lib/containerd` and `/etc/kubernetes`. Runtime sockets are
    `container-runtime-socket-mount`'s; any hostPath is also `host-path-volume`'s.

    ## Why it matters
    These directories hold the node's credentials, kubelet certificates, device files and kernel
    interfaces: a container that mounts them can take over the node.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: agent}
    spec:
      containers:
        - name: agent
          image: example/agent:1.2.0
          volumeMounts: [{name: etc, mountPath: /host/etc}]
      volumes:
        - name: etc
          hostPath: {path: /etc}
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: agent}
    spec:
      containers:
        - name: agent
          image: example/agent:1.2.0
          volumeMounts: [{name: logs, mountPath: /host/var/log, readOnly: true}]
      volumes:
        - name: logs
          hostPath: {path: /var/log}
    ```

    ## Options
    - `paths` (list of strings): the sensitive directories (exact matches).
    """
    paths = ctx.options.paths if ctx.options else DEFAULT_PATHS
    for mount in host_mounts(obj):
        if mount.path in _normalised(tuple(paths)):
            yield report(mount.anchor, f"volume `{mount.volume_name}` mounts the node's `{mount.path}`")
