from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.policy import as_str_list, in_groups, is_rbac_role, rbac_rules


@rule(
    id="KS245", name="rbac-approve-csr", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A Role or ClusterRole can approve CertificateSigningRequests for any signer",
    remediation="Scope the `approve` verb with `resourceNames` naming the signers the component owns",
    aliases=("approve-signers-without-resource-names", "CKV_K8S_156"), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `Role` and `ClusterRole` rules granting `approve` (or `*`) on `signers` (or `*`) without
    `resourceNames`, and rules granting `update` or `patch` on
    `certificatesigningrequests/approval`, in the `certificates.k8s.io` group. `*` verbs on
    `*` resources are left to `wildcard-rbac-rule`. Off by default: certificate controllers
    need it.

    ## Why it matters
    Approving a CSR for the `kubernetes.io/kube-apiserver-client` signer mints a client
    certificate for any user or group, `system:masters` included.

    ## Example
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: {name: approver}
    rules:
      - apiGroups: [certificates.k8s.io]
        resources: [signers]
        verbs: [approve]
    ```

    ## Use instead
    ```yaml
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: {name: approver}
    rules:
      - apiGroups: [certificates.k8s.io]
        resources: [signers]
        resourceNames: [example.com/serving]
        verbs: [approve]
    ```
    """
    if not is_rbac_role(obj):
        return
    for i, r in rbac_rules(obj.root):
        resources, verbs = set(as_str_list(r.get("resources"))), set(as_str_list(r.get("verbs")))
        scoped = bool(as_str_list(r.get("resourceNames")))
        if not in_groups(r, {"certificates.k8s.io"}):
            continue
        both_wildcards = "approve" not in verbs and "signers" not in resources  # left to wildcard-rbac-rule
        if not scoped and not both_wildcards and resources & {"signers", "*"} and verbs & {"approve", "*"}:
            yield report(obj.at("rules", i, "verbs"), f"{obj.kind} `{obj.name}` can approve certificates for any signer (rule {i})")
        elif "certificatesigningrequests/approval" in resources and verbs & {"update", "patch", "*"}:
            yield report(obj.at("rules", i, "resources"), f"{obj.kind} `{obj.name}` can approve CertificateSigningRequests (rule {i})")
