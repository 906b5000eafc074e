from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.workload import host_mounts


@rule(
    id="KS149", name="writable-host-mount", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A container mounts a hostPath volume read-write",
    remediation="Add `readOnly: true` to the volumeMount, or use a persistent volume",
    aliases=(),
    enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Each `volumeMounts` entry, in any container, that mounts a `hostPath` volume without
    `readOnly: true`. Off by default, as in kube-linter (`host-path-volume` already reports every
    hostPath).

    ## Why it matters
    A writable host mount lets the container change files on the node: other pods' data, logs
    the node trusts, or binaries it runs.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: agent}
    spec:
      containers:
        - name: agent
          image: example/agent:1.2.0
          volumeMounts: [{name: logs, mountPath: /host/var/log}]
      volumes:
        - name: logs
          hostPath: {path: /var/log}
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
    """
    for mount in host_mounts(obj):
        for c, index, read_only in mount.mounts:
            if not read_only:
                yield report(c.at("volumeMounts", index),
                             f"container `{c.name}` mounts the node's `{mount.path}` (volume `{mount.volume_name}`) read-write")
