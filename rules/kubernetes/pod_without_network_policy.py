from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.crossref import LabelSelector, index, namespace_of, pod_template_of


@rule(
    id="KS306", name="pod-without-network-policy", target=Target.K8S_PROJECT, severity=Severity.WARNING,
    summary="No NetworkPolicy of the run selects the workload's pods",
    remediation="Add a NetworkPolicy (a default-deny for the namespace plus the allowed flows) that selects the pods",
    aliases=("non-isolated-pod", "pod-networkpolicy", "missingNetworkPolicy", "CKV2_K8S_6"),
    enabled_by_default=False,
    references=("https://docs.kubelinter.io/#/generated/checks?id=non-isolated-pod",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A workload whose pod template labels are selected by no `NetworkPolicy` of the run in its
    namespace (an empty `podSelector: {}` selects every pod). Off by default: many clusters
    manage network policies apart from the application manifests.

    ## Why it matters
    Pods that no policy selects accept traffic from every pod in the cluster: one compromised
    workload can reach them all.

    ## Example
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec:
          containers: [{name: api, image: "example/api:1.2.0"}]
    ```

    ## Use instead
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec:
          containers: [{name: api, image: "example/api:1.2.0"}]
    ---
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: default-deny}
    spec:
      podSelector: {}
      policyTypes: [Ingress, Egress]
    ```
    """
    template = pod_template_of(ctx.project, obj)
    if template is None:
        return
    ns = namespace_of(obj)
    for policy in index(ctx.project).of("NetworkPolicy", ns):
        node = policy.get("spec", "podSelector")
        selector = LabelSelector(node)
        if isinstance(node, dict) and selector.valid and selector.matches(template.labels):
            return
    yield report(obj.at("metadata", "name"), f"no NetworkPolicy in namespace `{ns}` selects the pods of {obj.kind} `{obj.name}`")
