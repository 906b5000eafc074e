from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.crossref import MissingReferenceOptions, missing_references, namespace_of


@rule(
    id="KS311", name="missing-persistent-volume-claim", target=Target.K8S_PROJECT, severity=Severity.INFO,
    summary="A pod spec mounts a PersistentVolumeClaim that the run does not define",
    remediation="Add the PersistentVolumeClaim, fix `claimName`, or use a StatefulSet `volumeClaimTemplates`",
    options=MissingReferenceOptions,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `volumes[].persistentVolumeClaim.claimName` of a workload naming a PersistentVolumeClaim that
    the run does not define in the workload's namespace. It is info: the claim may be created
    separately.

    ## Why it matters
    The pod stays `Pending` (`persistentvolumeclaim "x" not found`) until the claim exists.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: db}
    spec:
      containers: [{name: db, image: "postgres:16.4"}]
      volumes: [{name: data, persistentVolumeClaim: {claimName: db-data}}]
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: PersistentVolumeClaim
    metadata: {name: db-data}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 10Gi}}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: db}
    spec:
      containers: [{name: db, image: "postgres:16.4"}]
      volumes: [{name: data, persistentVolumeClaim: {claimName: db-data}}]
    ```

    ## Options
    - `ignore` (list of globs): claim names never reported.
    - `require-kind-in-namespace` (bool, default false): report only when the run defines at
      least one PersistentVolumeClaim in the workload's namespace.
    """
    for ref in missing_references(obj, ctx.project, "PersistentVolumeClaim", ctx.options):
        yield report(obj.at(*ref.path),
                     f"PersistentVolumeClaim `{ref.name}` is not defined in namespace `{namespace_of(obj)}`")
