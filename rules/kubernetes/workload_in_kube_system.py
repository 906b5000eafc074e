from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule


@rule(
    id="KS249", name="workload-in-kube-system", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A workload is deployed into the `kube-system` namespace",
    remediation="Deploy applications and add-ons into their own namespace",
    aliases=("KSV037",), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Pod-bearing objects with `metadata.namespace: kube-system`. Off by default: cluster
    add-ons (CNI, DNS, CSI drivers) are meant to live there.

    ## Why it matters
    `kube-system` holds the control plane's service accounts and Secrets; anything that can
    create or exec into pods there is a step away from them, and RBAC granted for one add-on
    there applies to all.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api, namespace: kube-system}
    spec:
      containers: []
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api, namespace: shop}
    spec:
      containers: []
    ```
    """
    if obj.is_workload and obj.namespace == "kube-system":
        yield report(obj.at("metadata", "namespace"), f"{obj.kind} `{obj.name}` is deployed into `kube-system`")
