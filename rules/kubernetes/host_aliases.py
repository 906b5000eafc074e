from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.workload import pod_field


@rule(
    id="KS184", name="host-aliases", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="The pod rewrites its `/etc/hosts` with `hostAliases`",
    remediation="Resolve names through DNS (a Service, an ExternalName Service or CoreDNS configuration)",
    aliases=("KSV007",), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A non-empty `hostAliases` list in the pod spec. Off by default (`extends: strict` turns it
    on): trivy ships it as an optional check; there are legitimate uses.

    ## Why it matters
    Entries in `/etc/hosts` silently override DNS for the pod: hard-coded IP addresses rot,
    and a changed entry can redirect traffic (and credentials) to another host without any
    DNS or Service change showing up.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: app}
    spec:
      hostAliases:
        - ip: 10.1.2.3
          hostnames: [db.internal]
      containers:
        - name: app
          image: example/app:1.2.0
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Service
    metadata: {name: db}
    spec:
      type: ExternalName
      externalName: db.internal.example.com
    ```
    """
    aliases, anchor = pod_field(obj, "hostAliases")
    if anchor is not None and isinstance(aliases, list) and aliases:
        names = sorted({str(h) for a in aliases if isinstance(a, dict)
                        for h in (a.get("hostnames") if isinstance(a.get("hostnames"), list) else [])})
        shown = ", ".join(f"`{n}`" for n in names[:3]) + (" ..." if len(names) > 3 else "")
        yield report(obj.at(*anchor.path, key=True), f"the pod overrides /etc/hosts for {shown or 'some hosts'} (hostAliases)")
