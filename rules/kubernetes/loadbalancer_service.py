from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule


@rule(
    id="KS211", name="loadbalancer-service", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A Service of type LoadBalancer exposes the workload outside the cluster",
    remediation="Route through a shared Ingress or Gateway, or restrict `loadBalancerSourceRanges`; suppress when deliberate",
    aliases=("exposed-services",),
    enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `Service` whose `spec.type` is `LoadBalancer` and that sets no
    `loadBalancerSourceRanges`. Off by default: exposing a service is often the point.

    ## Why it matters
    Each LoadBalancer Service provisions a cloud load balancer (a cost) reachable from the
    internet unless the cloud annotations or source ranges say otherwise, bypassing the TLS,
    authentication and rate limits of the shared ingress.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Service
    metadata: {name: admin}
    spec:
      type: LoadBalancer
      selector: {app: admin}
      ports: [{port: 443}]
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Service
    metadata: {name: admin}
    spec:
      type: LoadBalancer
      loadBalancerSourceRanges: [10.0.0.0/8]
      selector: {app: admin}
      ports: [{port: 443}]
    ```
    """
    if obj.kind != "Service" or obj.group:
        return
    if obj.get("spec", "type") == "LoadBalancer" and not obj.get("spec", "loadBalancerSourceRanges"):
        yield report(obj.at("spec", "type"), f"Service `{obj.name}` is of type LoadBalancer with no source ranges")
