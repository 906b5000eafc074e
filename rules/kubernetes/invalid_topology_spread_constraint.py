from __future__ import annotations

from typing import Any, Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, pod_spec, report, rule

_WHEN = ("DoNotSchedule", "ScheduleAnyway")


def _problem(c: dict[str, Any]) -> tuple[Any, str] | None:
    """(field, message) of the first defect of one constraint."""
    skew = c.get("maxSkew")
    if isinstance(skew, int) and not isinstance(skew, bool) and skew < 1:
        return "maxSkew", f"maxSkew is {skew}; it must be at least 1"
    domains = c.get("minDomains")
    if isinstance(domains, int) and not isinstance(domains, bool) and domains < 1:
        return "minDomains", f"minDomains is {domains}; it must be at least 1 when set"
    key = c.get("topologyKey")
    if "topologyKey" in c and (not isinstance(key, str) or not key.strip()):
        return "topologyKey", "topologyKey is empty"
    when = c.get("whenUnsatisfiable")
    if isinstance(when, str) and when not in _WHEN and "{{" not in when:
        return "whenUnsatisfiable", f"whenUnsatisfiable `{when}` is neither DoNotSchedule nor ScheduleAnyway"
    if c.get("labelSelector") is None:
        return None, "it has no labelSelector, so it counts no pods and spreads nothing"
    return None


@rule(
    id="KS161", name="invalid-topology-spread-constraint", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A topology spread constraint is invalid or has no labelSelector, so it spreads nothing",
    remediation="Give each constraint a `labelSelector` matching the pod's own labels, `maxSkew` >= 1 and a valid `whenUnsatisfiable`",
    aliases=("pod-topology-spread-constraints",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Each entry of a pod spec's `topologySpreadConstraints` (every pod-bearing kind) with
    `maxSkew` below 1, `minDomains` below 1, an empty `topologyKey`, a `whenUnsatisfiable` other
    than `DoNotSchedule`/`ScheduleAnyway`, or no `labelSelector` (kube-score
    `pod-topology-spread-constraints`). Missing required fields are `schema-violation`'s
    finding; a pod spec without constraints is `missing-topology-spread`'s (KS239, off).

    ## Why it matters
    The API server rejects the invalid values; a constraint without `labelSelector` is accepted
    but matches no pod, so the scheduler computes a skew of zero everywhere and the replicas the
    constraint was written to spread may all land in one zone.

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
          topologySpreadConstraints:
            - maxSkew: 1
              topologyKey: topology.kubernetes.io/zone
              whenUnsatisfiable: ScheduleAnyway
          containers: [{name: api, image: "api:1.4.2"}]
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
          topologySpreadConstraints:
            - maxSkew: 1
              topologyKey: topology.kubernetes.io/zone
              whenUnsatisfiable: ScheduleAnyway
              labelSelector: {matchLabels: {app: api}}
          containers: [{name: api, image: "api:1.4.2"}]
    ```
    """
    found = pod_spec(obj)
    if found is None:
        return
    path, spec = found
    items = spec.get("topologySpreadConstraints")
    if not isinstance(items, list):
        return
    for i, c in enumerate(items):
        if not isinstance(c, dict):
            continue
        problem = _problem(c)
        if problem is None:
            continue
        field, message = problem
        anchor = obj.at(*path, "topologySpreadConstraints", i, *((field,) if field else ()))
        yield report(anchor, f"topology spread constraint #{i + 1}: {message}")
