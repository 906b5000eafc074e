from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, pod_spec, report, rule


@rule(
    id="KS201", name="deprecated-service-account-field", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A pod spec uses the deprecated `serviceAccount` field",
    remediation="Rename `serviceAccount` to `serviceAccountName`",
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Pod specs of every pod-bearing kind that set `serviceAccount`, the deprecated alias of
    `serviceAccountName`.

    ## Why it matters
    `serviceAccount` has been deprecated since Kubernetes 1.0; when both fields disagree the
    result is confusing, and tools that only read `serviceAccountName` (policies, linters,
    dashboards) see the `default` account.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      serviceAccount: api
      containers:
        - name: api
          image: example/api:1.0.0
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      serviceAccountName: api
      containers:
        - name: api
          image: example/api:1.0.0
    ```
    """
    found = pod_spec(obj)
    if found is None:
        return
    path, spec = found
    value = spec.get("serviceAccount")
    if value is None or value == "":
        return
    yield report(obj.at(*path, "serviceAccount", key=True),
                 f"{obj.kind} `{obj.name}` uses the deprecated `serviceAccount` field; use `serviceAccountName`")
