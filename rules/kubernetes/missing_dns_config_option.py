from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, pod_spec, report, rule


@dataclass(frozen=True)
class Options:
    option: str = "ndots"
    value: str = "2"


@rule(
    id="KS170", name="missing-dns-config-option", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A pod spec does not set the required DNS resolver option (by default `ndots: 2`)",
    remediation="Add `dnsConfig: {options: [{name: ndots, value: \"2\"}]}` to the pod spec",
    aliases=("dnsconfig-options",), options=Options, enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Pod specs of every pod-bearing kind whose `dnsConfig.options` has no entry named `option`
    with the value `value` (kube-linter `dnsconfig-options`, `ndots` = `2` by default). Off by
    default, as in kube-linter.

    ## Why it matters
    With the cluster default `ndots: 5`, every lookup of an external name such as
    `api.example.com` is first tried against each search domain: five failed queries before the
    real one, adding latency and load on CoreDNS for every outbound connection.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers: [{name: api, image: "api:1.4.2"}]
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      dnsConfig:
        options: [{name: ndots, value: "2"}]
      containers: [{name: api, image: "api:1.4.2"}]
    ```

    ## Options
    - `option` (default `ndots`): the resolver option that must be set.
    - `value` (default `"2"`): its required value.
    """
    found = pod_spec(obj)
    if found is None:
        return
    path, spec = found
    opts = ctx.options or Options()
    options = spec.get("dnsConfig", {}).get("options") if isinstance(spec.get("dnsConfig"), dict) else None
    if isinstance(options, list) and any(
            isinstance(o, dict) and o.get("name") == opts.option and str(o.get("value")) == opts.value for o in options):
        return
    anchor = obj.at(*path, "dnsConfig", key=True) if "dnsConfig" in spec else obj.at(*path[:-1], path[-1], key=True)
    yield report(anchor, f"pod spec does not set the DNS option `{opts.option}: {opts.value}`")
