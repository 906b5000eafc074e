from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule


@rule(
    id="KS216", name="ingress-without-tls", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="An Ingress serves its hosts without TLS",
    remediation="Add `spec.tls` with the hosts and a certificate Secret (cert-manager can issue it)",
    aliases=("tlsSettingsMissing",), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    An `Ingress` with no (or an empty) `spec.tls`. Off by default: TLS is often terminated in
    front of the controller, or set by a default certificate.

    ## Why it matters
    Without TLS, credentials and session cookies cross the network in clear text.

    ## Example
    ```yaml
    apiVersion: networking.k8s.io/v1
    kind: Ingress
    metadata: {name: web}
    spec:
      rules: [{host: web.example.com}]
    ```

    ## Use instead
    ```yaml
    apiVersion: networking.k8s.io/v1
    kind: Ingress
    metadata: {name: web}
    spec:
      tls: [{hosts: [web.example.com], secretName: web-tls}]
      rules: [{host: web.example.com}]
    ```
    """
    if obj.kind != "Ingress" or obj.group not in ("networking.k8s.io", "extensions"):
        return
    if not isinstance(obj.get("spec"), dict):
        return
    if not obj.get("spec", "tls"):
        anchor = obj.at("spec", "tls") if "tls" in obj.get("spec") else obj.at("spec", key=True)
        yield report(anchor, f"Ingress `{obj.name}` has no TLS section")
