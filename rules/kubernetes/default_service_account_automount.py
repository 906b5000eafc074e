from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule


@rule(
    id="KS204", name="default-service-account-automount", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="The `default` ServiceAccount does not disable token automounting",
    remediation="Set `automountServiceAccountToken: false` on the `default` ServiceAccount",
    aliases=("CKV_K8S_41",), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `ServiceAccount` named `default` (as committed to manage it) that does not set
    `automountServiceAccountToken: false` (CIS 5.1.5).

    ## Why it matters
    Pods that do not choose an account run as `default`; when the account itself disables
    automounting, no such pod receives an API token by accident.

    ## Example
    ```yaml
    apiVersion: v1
    kind: ServiceAccount
    metadata: {name: default, namespace: shop}
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: ServiceAccount
    metadata: {name: default, namespace: shop}
    automountServiceAccountToken: false
    ```
    """
    if obj.kind != "ServiceAccount" or obj.group or obj.metadata.get("name") != "default":
        return
    value = obj.root.get("automountServiceAccountToken")
    if value is False:
        return
    anchor = obj.at("automountServiceAccountToken") if value is not None else obj.at("metadata", "name")
    yield report(anchor, "the `default` ServiceAccount does not set `automountServiceAccountToken: false`")
