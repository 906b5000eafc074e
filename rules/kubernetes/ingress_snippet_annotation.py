from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule


@rule(
    id="KS215", name="ingress-snippet-annotation", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="An Ingress injects raw NGINX configuration through a `*-snippet` annotation (CVE-2021-25742)",
    remediation="Use dedicated ingress-nginx annotations or a ConfigMap owned by the platform team; keep `allow-snippet-annotations: false`",
    aliases=("CKV_K8S_153", "CKV_K8S_152", "CKV_K8S_154"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `Ingress` annotations whose key contains `snippet` (`configuration-snippet`,
    `server-snippet`, `auth-snippet`, `stream-snippet` under any controller prefix), with any
    value; one finding per annotation.

    ## Why it matters
    Snippets are pasted into the controller's NGINX configuration unchecked: anyone who can
    create an Ingress can read the controller's service account token and every Secret it can
    see (CVE-2021-25742, CVE-2025-1974). Recent ingress-nginx releases disable them by default.

    ## Example
    ```yaml
    apiVersion: networking.k8s.io/v1
    kind: Ingress
    metadata:
      name: web
      annotations:
        nginx.ingress.kubernetes.io/configuration-snippet: |
          more_set_headers "X-Frame-Options: DENY";
    spec:
      rules: [{host: web.example.com}]
    ```

    ## Use instead
    ```yaml
    apiVersion: networking.k8s.io/v1
    kind: Ingress
    metadata:
      name: web
      annotations:
        nginx.ingress.kubernetes.io/ssl-redirect: "true"
    spec:
      rules: [{host: web.example.com}]
    ```
    """
    if obj.kind != "Ingress" or obj.group not in ("networking.k8s.io", "extensions"):
        return
    for key in obj.annotations:
        if "snippet" in str(key).lower():
            yield report(obj.at("metadata", "annotations", key, key=True),
                         f"Ingress `{obj.name}` injects raw NGINX configuration through `{key}`")
