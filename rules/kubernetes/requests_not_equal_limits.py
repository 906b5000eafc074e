from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import parse_quantity, resources

RESOURCES = ("cpu", "memory", "ephemeral-storage")


@rule(
    id="KS124", name="requests-not-equal-limits", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A container's resource requests differ from its limits (the pod is not Guaranteed QoS)",
    remediation="Set `resources.requests` equal to `resources.limits` for cpu, memory and ephemeral-storage",
    aliases=("container-resource-requests-equal-limits", "container-cpu-requests-equal-limits",
             "container-memory-requests-equal-limits", "container-ephemeral-storage-request-equals-limit"),
    enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    For cpu, memory and ephemeral-storage, a container or init container that sets both a request
    and a limit with different values (compared as quantities: `1` equals `1000m`, `1Gi` equals
    `1024Mi`). A missing request or limit is reported by the `missing-*` rules. Off by default,
    as in kube-score.

    ## Why it matters
    Only pods whose requests equal their limits get the Guaranteed QoS class: they are evicted
    last, and a container is never OOM-killed for using memory it was promised but the node lacks.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers:
        - name: api
          image: example/api:1.4.0
          resources:
            requests: {cpu: 250m, memory: 256Mi}
            limits: {cpu: "1", memory: 512Mi}
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers:
        - name: api
          image: example/api:1.4.0
          resources:
            requests: {cpu: "1", memory: 512Mi}
            limits: {cpu: 1000m, memory: 512Mi}
    ```
    """
    for c in containers(obj, ("containers", "initContainers")):
        requests, limits = resources(c, "requests"), resources(c, "limits")
        for name in RESOURCES:
            req, lim = parse_quantity(requests.get(name)), parse_quantity(limits.get(name))
            if req is None or lim is None or abs(req - lim) <= 1e-9 * max(abs(req), abs(lim), 1):
                continue
            yield report(c.at("resources", "requests", name),
                         f"container `{c.name}` requests {requests.get(name)} {name} but is limited to {limits.get(name)}")
