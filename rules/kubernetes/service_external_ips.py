from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule


@rule(
    id="KS212", name="service-external-ips", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A Service sets `externalIPs`, which can intercept traffic to those IPs (CVE-2020-8554)",
    remediation="Use a LoadBalancer or an Ingress; block `externalIPs` cluster-wide with the DenyServiceExternalIPs admission plugin",
    aliases=("KSV108",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `Service` with a non-empty `spec.externalIPs`.

    ## Why it matters
    Kubernetes does not verify that a Service owns the external IPs it claims: kube-proxy
    redirects cluster traffic for those IPs to the Service's pods, so anyone who can create a
    Service can intercept traffic meant for another destination (CVE-2020-8554, unfixable in
    the API; upstream recommends denying the field).

    ## Example
    ```yaml
    apiVersion: v1
    kind: Service
    metadata: {name: api}
    spec:
      selector: {app: api}
      ports: [{port: 80}]
      externalIPs: [203.0.113.10]
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Service
    metadata: {name: api}
    spec:
      type: LoadBalancer
      selector: {app: api}
      ports: [{port: 80}]
    ```
    """
    if obj.kind != "Service" or obj.group:
        return
    ips = obj.get("spec", "externalIPs")
    if isinstance(ips, list) and ips:
        yield report(obj.at("spec", "externalIPs", key=True),
                     f"Service `{obj.name}` claims {len(ips)} external IP(s); see CVE-2020-8554")
