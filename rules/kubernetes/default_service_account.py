from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, pod_spec, report, rule


@rule(
    id="KS202", name="default-service-account", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A pod runs as its namespace's `default` service account",
    remediation="Create a ServiceAccount for the workload and set `serviceAccountName`",
    enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Pod specs of every pod-bearing kind whose `serviceAccountName` (and deprecated
    `serviceAccount`) is unset, empty or `default`. Off by default (kube-linter's default too):
    many workloads never call the API and lose nothing by the shared account.

    ## Why it matters
    Every pod of the namespace that does not choose an account shares `default`: a Role bound
    to it for one workload is granted to all of them, and audit logs cannot tell them apart.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
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
    name = spec.get("serviceAccountName")
    old = spec.get("serviceAccount")
    if name not in (None, "", "default") or old not in (None, "", "default"):
        return
    if name == "default":
        yield report(obj.at(*path, "serviceAccountName"),
                     f"{obj.kind} `{obj.name}` explicitly uses the `default` service account")
    else:
        yield report(obj.at(*path, key=True),
                     f"{obj.kind} `{obj.name}` sets no `serviceAccountName` and runs as `default`")
