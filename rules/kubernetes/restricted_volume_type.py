from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.workload import pod_field

# The Pod Security Standards' "restricted" profile allows only these volume sources.
_ALLOWED = frozenset({"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim",
                      "projected", "secret"})
_NOT_SOURCES = frozenset({"name"})
_COVERED_ELSEWHERE = frozenset({"hostPath"})  # KS007 host-path-volume


@rule(
    id="KS185", name="restricted-volume-type", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A pod volume uses a type outside the Pod Security Standards' restricted list",
    remediation="Use a PersistentVolumeClaim (the cluster admin binds the storage), or configMap/secret/emptyDir/projected/csi/ephemeral volumes",
    aliases=("KSV028",), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Pod volumes whose source is not one of `configMap`, `csi`, `downwardAPI`, `emptyDir`,
    `ephemeral`, `persistentVolumeClaim`, `projected`, `secret` (the Pod Security Standards'
    restricted profile): `nfs`, `iscsi`, `awsElasticBlockStore`, `gitRepo`, `flexVolume`... 
    `hostPath` is reported by KS007 host-path-volume. Off by default (`extends: strict`).

    ## Why it matters
    Inline storage sources let a workload author attach any network share or disk the nodes
    can reach, bypassing the storage classes and access control the cluster admin set up
    (and `gitRepo` runs git on the node).

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: app}
    spec:
      containers:
        - name: app
          image: example/app:1.2.0
          volumeMounts: [{name: shared, mountPath: /data}]
      volumes:
        - name: shared
          nfs: {server: nfs.example.com, path: /exports/app}
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: app}
    spec:
      containers:
        - name: app
          image: example/app:1.2.0
          volumeMounts: [{name: shared, mountPath: /data}]
      volumes:
        - name: shared
          persistentVolumeClaim: {claimName: app-data}
    ```
    """
    volumes, anchor = pod_field(obj, "volumes")
    if anchor is None or not isinstance(volumes, list):
        return
    for i, vol in enumerate(volumes):
        if not isinstance(vol, dict):
            continue
        for key in vol:
            key = str(key)
            if key in _ALLOWED or key in _NOT_SOURCES or key in _COVERED_ELSEWHERE:
                continue
            yield report(obj.at(*anchor.path, i, key, key=True),
                         f"volume `{vol.get('name', i)}` uses `{key}`, outside the restricted volume types")
