from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.crossref import MissingReferenceOptions, missing_references, namespace_of


@rule(
    id="KS310", name="missing-service-account", target=Target.K8S_PROJECT, severity=Severity.INFO,
    summary="A pod spec runs as a ServiceAccount that the run does not define",
    remediation="Add the ServiceAccount to the manifests or fix `serviceAccountName`",
    aliases=("non-existent-service-account",),
    options=MissingReferenceOptions,
    references=("https://docs.kubelinter.io/#/generated/checks?id=non-existent-service-account",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A workload whose `serviceAccountName` (or the deprecated `serviceAccount`) names a
    ServiceAccount that the run does not define in the workload's namespace. `default`, which
    every namespace has, is skipped. It is info: the account may be created elsewhere.

    ## Why it matters
    The controller cannot create the pods (`serviceaccount "x" not found`): the Deployment
    stays at zero ready replicas, with the error visible only in its events.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      serviceAccountName: api-runner
      containers: [{name: api, image: "example/api:1.2.0"}]
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: ServiceAccount
    metadata: {name: api-runner}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      serviceAccountName: api-runner
      containers: [{name: api, image: "example/api:1.2.0"}]
    ```

    ## Options
    - `ignore` (list of globs): ServiceAccount names never reported.
    - `require-kind-in-namespace` (bool, default false): report only when the run defines at
      least one ServiceAccount in the workload's namespace.
    """
    for ref in missing_references(obj, ctx.project, "ServiceAccount", ctx.options):
        yield report(obj.at(*ref.path), f"ServiceAccount `{ref.name}` is not defined in namespace `{namespace_of(obj)}`")
