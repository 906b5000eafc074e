from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, pod_spec, report, rule


@rule(
    id="KS007", name="host-path-volume", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A pod mounts a hostPath volume",
    remediation="Deliver configuration with a ConfigMap (or Secret) volume; use persistent volumes for data",
    aliases=("hostPathSet", "KSV023"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Volumes of type `hostPath` in the pod spec of any pod-bearing kind.

    ## Why it matters
    A hostPath ties the pod to one node's file system, breaks when the pod is rescheduled, and
    gives the container access to the node (a writable mount of `/` or the Docker socket is node
    root). Configuration belongs in a ConfigMap, which is versioned with the manifest and the
    same on every node.

    ## Example
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: prometheus}
    spec:
      selector: {matchLabels: {app: prometheus}}
      template:
        metadata: {labels: {app: prometheus}}
        spec:
          containers:
            - name: prometheus
              image: prom/prometheus:v2.53.0
              volumeMounts: [{name: config, mountPath: /etc/prometheus}]
          volumes:
            - name: config
              hostPath: {path: /etc/prometheus}
    ```

    ## Use instead
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: prometheus}
    spec:
      selector: {matchLabels: {app: prometheus}}
      template:
        metadata: {labels: {app: prometheus}}
        spec:
          containers:
            - name: prometheus
              image: prom/prometheus:v2.53.0
              volumeMounts: [{name: config, mountPath: /etc/prometheus}]
          volumes:
            - name: config
              configMap: {name: prometheus-config}
    ```
    """
    found = pod_spec(obj)
    if found is None:
        return
    path, spec = found
    volumes = spec.get("volumes")
    if not isinstance(volumes, list):
        return
    for i, volume in enumerate(volumes):
        if isinstance(volume, dict) and "hostPath" in volume:
            host = volume.get("hostPath")
            where = host.get("path") if isinstance(host, dict) else None
            yield report(obj.at(*path, "volumes", i, "hostPath", key=True),
                         f"volume `{volume.get('name', i)}` mounts the node's `{where or '?'}` (hostPath)")
