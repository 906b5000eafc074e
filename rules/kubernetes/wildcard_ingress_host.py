from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule


@rule(
    id="KS217", name="wildcard-ingress-host", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="An Ingress rule matches a wildcard host or every host",
    remediation="List the exact host names the application serves",
    enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `Ingress` rules whose `host` starts with `*` (`*.example.com`, `*`). Off by default: a
    wildcard is sometimes the design (per-tenant subdomains). Rules without a host are not
    reported.

    ## Why it matters
    A wildcard rule answers for every subdomain, including ones meant for other applications
    or forgotten DNS records that someone else can point at the cluster, and it competes with
    more specific Ingresses of other teams.

    ## Example
    ```yaml
    apiVersion: networking.k8s.io/v1
    kind: Ingress
    metadata: {name: web}
    spec:
      rules:
        - host: "*.example.com"
    ```

    ## Use instead
    ```yaml
    apiVersion: networking.k8s.io/v1
    kind: Ingress
    metadata: {name: web}
    spec:
      rules:
        - host: shop.example.com
    ```
    """
    if obj.kind != "Ingress" or obj.group not in ("networking.k8s.io", "extensions"):
        return
    rules = obj.get("spec", "rules")
    if not isinstance(rules, list):
        return
    for i, r in enumerate(rules):
        host = r.get("host") if isinstance(r, dict) else None
        if isinstance(host, str) and host.startswith("*"):
            yield report(obj.at("spec", "rules", i, "host"), f"Ingress `{obj.name}` matches the wildcard host `{host}`")
