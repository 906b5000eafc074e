from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule


@rule(
    id="KS166", name="route-allows-plaintext", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="An OpenShift Route with TLS also serves plain HTTP (`insecureEdgeTerminationPolicy: Allow`)",
    remediation="Set `spec.tls.insecureEdgeTerminationPolicy` to `Redirect` (or `None`)",
    aliases=("insecure-route-termination",), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    An OpenShift `Route` (route.openshift.io) whose `spec.tls.insecureEdgeTerminationPolicy` is
    `Allow` (kube-linter `insecure-route-termination`). Off by default, as in kube-linter.

    ## Why it matters
    The route answers on plain HTTP as well as HTTPS: cookies, tokens and passwords sent by a
    client that follows an `http://` link cross the network unencrypted, although the Route
    looks TLS-protected.

    ## Example
    ```yaml
    apiVersion: route.openshift.io/v1
    kind: Route
    metadata: {name: web}
    spec:
      to: {kind: Service, name: web}
      tls: {termination: edge, insecureEdgeTerminationPolicy: Allow}
    ```

    ## Use instead
    ```yaml
    apiVersion: route.openshift.io/v1
    kind: Route
    metadata: {name: web}
    spec:
      to: {kind: Service, name: web}
      tls: {termination: edge, insecureEdgeTerminationPolicy: Redirect}
    ```
    """
    if obj.kind != "Route" or not obj.group.startswith("route.openshift.io"):
        return
    if obj.get("spec", "tls", "insecureEdgeTerminationPolicy") == "Allow":
        yield report(obj.at("spec", "tls", "insecureEdgeTerminationPolicy"),
                     f"Route `{obj.name}` also serves plain HTTP (insecureEdgeTerminationPolicy: Allow)")
