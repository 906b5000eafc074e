from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule


@rule(
    id="KS006", name="nodeport-service", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A Service of type NodePort exposes the workload on every node",
    remediation="Use ClusterIP behind an Ingress or Gateway; keep NodePort only on purpose (suppress with a reason)",
    aliases=("service-type",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `Service` whose `spec.type` is `NodePort`.

    ## Why it matters
    A NodePort opens a port on every node of the cluster, outside the cluster network, usually
    bypassing the ingress controller's TLS, authentication and rate limits. It should be a
    deliberate choice, documented with a suppression.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Service
    metadata: {name: gateway}
    spec:
      type: NodePort
      selector: {app: gateway}
      ports:
        - port: 8080
          nodePort: 31112
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Service
    metadata: {name: gateway}
    spec:
      type: ClusterIP
      selector: {app: gateway}
      ports:
        - port: 8080
    ```
    """
    if obj.kind != "Service" or obj.group:
        return
    if obj.get("spec", "type") == "NodePort":
        yield report(obj.at("spec", "type"),
                     f"Service `{obj.name}` is of type NodePort and is reachable on every node's IP")
