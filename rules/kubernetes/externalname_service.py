from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule


@rule(
    id="KS213", name="externalname-service", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A Service of type ExternalName redirects in-cluster traffic to an external DNS name",
    remediation="Point clients at the external name directly, or use a ClusterIP Service with explicit Endpoints",
    aliases=("externalname-service-redirect",), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `Service` whose `spec.type` is `ExternalName`. Off by default, as in kube-linter.

    ## Why it matters
    The Service name resolves to whatever the external DNS name resolves to: clients trust an
    in-cluster name while talking to a host outside the cluster's control, and ingress
    controllers that follow ExternalName Services can be abused for SSRF.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Service
    metadata: {name: db}
    spec:
      type: ExternalName
      externalName: db.example.com
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Service
    metadata: {name: db}
    spec:
      ports: [{port: 5432}]
    ```
    """
    if obj.kind != "Service" or obj.group:
        return
    if obj.get("spec", "type") == "ExternalName":
        target = obj.get("spec", "externalName")
        yield report(obj.at("spec", "type"), f"Service `{obj.name}` redirects to the external name `{target}`")
