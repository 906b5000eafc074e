from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.crossref import MissingSecretOptions, missing_references, namespace_of


@rule(
    id="KS309", name="missing-secret", target=Target.K8S_PROJECT, severity=Severity.INFO,
    summary="A pod spec references a Secret that the run does not define",
    remediation="Define the Secret (e.g. as a SealedSecret or ExternalSecret), fix the name, or mark it `optional: true`",
    aliases=("env-value-from",),
    options=MissingSecretOptions,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Secrets named by a workload's pod spec (`volumes[].secret`, projected volume sources,
    `env[].valueFrom.secretKeyRef`, `envFrom[].secretRef`, `imagePullSecrets`) that the run does
    not define in the workload's namespace. Besides `Secret` objects, a `SealedSecret`, an
    `ExternalSecret` (its target name), a cert-manager `Certificate` (`spec.secretName`) and a
    kustomize `secretGenerator` define a Secret. References marked `optional: true` are
    skipped. It is info, and by default reported only when the run defines at least one Secret
    (or SealedSecret, ...) in the workload's namespace: Secrets are often created outside the
    manifests, so a missing name is then most likely a typo.

    ## Why it matters
    A missing Secret blocks the pod in `ContainerCreating` or `CreateContainerConfigError`; a
    missing pull secret turns into `ImagePullBackOff` for private images.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers:
        - name: api
          image: "example/api:1.2.0"
          env:
            - name: DB_PASSWORD
              valueFrom: {secretKeyRef: {name: db-credential, key: password}}
    ---
    apiVersion: bitnami.com/v1alpha1
    kind: SealedSecret
    metadata: {name: db-credentials}
    spec: {encryptedData: {password: AgBy3i4OJSWK}}
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers:
        - name: api
          image: "example/api:1.2.0"
          env:
            - name: DB_PASSWORD
              valueFrom: {secretKeyRef: {name: db-credentials, key: password}}
    ---
    apiVersion: bitnami.com/v1alpha1
    kind: SealedSecret
    metadata: {name: db-credentials}
    spec: {encryptedData: {password: AgBy3i4OJSWK}}
    ```

    ## Options
    - `ignore` (list of globs): Secret names never reported.
    - `require-kind-in-namespace` (bool, default true): report only when the run defines at
      least one Secret in the workload's namespace; false reports every undefined Secret.
    """
    for ref in missing_references(obj, ctx.project, "Secret", ctx.options):
        yield report(obj.at(*ref.path), f"Secret `{ref.name}` is not defined in namespace `{namespace_of(obj)}`")
