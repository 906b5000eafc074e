from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.apiversions import deprecated_at


@rule(
    id="KS330", name="deprecated-api-version", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="The object uses an apiVersion that the target Kubernetes release deprecates",
    remediation="Move to the replacement apiVersion named in the message before the removal release",
    aliases=("KSV107",),
    references=("https://kubernetes.io/docs/reference/using-api/deprecation-guide/",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Objects whose `apiVersion` and `kind` are deprecated but still served by the target
    Kubernetes release (`--kubernetes-version` / config `kubernetes-version`, default 1.34),
    e.g. `resource.k8s.io/v1beta1` claims (deprecated in 1.34), `v1` `Endpoints` (1.33, use
    EndpointSlice) or, when targeting 1.29-1.31, `flowcontrol.apiserver.k8s.io/v1beta3`. The
    message names the removal release when one is scheduled. APIs already removed at the
    target release are `removed-api-version` errors instead.

    ## Why it matters
    The object applies today with a warning, and fails after the upgrade that removes the
    API; migrating now is cheaper than during the upgrade.

    ## Example
    ```yaml
    apiVersion: resource.k8s.io/v1beta1
    kind: ResourceClaimTemplate
    metadata: {name: gpu}
    spec:
      spec:
        devices:
          requests: [{name: gpu, deviceClassName: gpu.example.com}]
    ```

    ## Use instead
    ```yaml
    apiVersion: resource.k8s.io/v1
    kind: ResourceClaimTemplate
    metadata: {name: gpu}
    spec:
      spec:
        devices:
          requests: [{name: gpu, exactly: {deviceClassName: gpu.example.com}}]
    ```
    """
    found = deprecated_at(obj.api_version, obj.kind, ctx.kubernetes_version)
    if found is None:
        return
    instead = f"use `{found.replacement}`" if found.replacement else "it has no replacement"
    removal = f", and removed in {found.removed_in}" if found.removed_in else ""
    yield report(obj.at("apiVersion"),
                 f"{obj.kind} `{obj.api_version}` is deprecated since Kubernetes {found.deprecated_in}{removal}; {instead}")
