from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule


@dataclass(frozen=True)
class Options:
    key: str = "owner"
    value: str = ""


@rule(
    id="KS194", name="volume-claim-template-missing-annotation", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A StatefulSet volumeClaimTemplate lacks an annotation the organisation requires (by default `owner`)",
    remediation="Add the annotation to `metadata.annotations` of each entry of `spec.volumeClaimTemplates`",
    aliases=("volumeclaimtemplates",), options=Options, enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Each entry of a `StatefulSet`'s `spec.volumeClaimTemplates` whose `metadata.annotations`
    lacks the annotation `key` or holds an empty value (kube-linter `volumeclaimtemplates`), or,
    when `value` is set, a value that does not fully match that regular expression. Off by
    default: which annotation to require (backup policy, owner, cost centre) is a team's policy.

    ## Why it matters
    The PersistentVolumeClaims a StatefulSet creates outlive its pods and often the StatefulSet
    itself; annotations on the template are what backup tools, storage provisioners and cost
    reports read to know what the volume is and who owns it.

    ## Example
    ```yaml
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: db}
    spec:
      serviceName: db
      selector: {matchLabels: {app: db}}
      template:
        metadata: {labels: {app: db}}
        spec:
          containers: [{name: db, image: "postgres:16"}]
      volumeClaimTemplates:
        - metadata: {name: data}
          spec:
            accessModes: [ReadWriteOnce]
            resources: {requests: {storage: 10Gi}}
    ```

    ## Use instead
    ```yaml
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: db}
    spec:
      serviceName: db
      selector: {matchLabels: {app: db}}
      template:
        metadata: {labels: {app: db}}
        spec:
          containers: [{name: db, image: "postgres:16"}]
      volumeClaimTemplates:
        - metadata:
            name: data
            annotations: {owner: payments}
          spec:
            accessModes: [ReadWriteOnce]
            resources: {requests: {storage: 10Gi}}
    ```

    ## Options
    - `key` (default `owner`): the annotation every volumeClaimTemplate must carry with a non-empty value.
    - `value` (default empty: any non-empty value): a regular expression the value must fully match.
    """
    if obj.kind != "StatefulSet" or not obj.is_workload:
        return
    templates = obj.get("spec", "volumeClaimTemplates")
    if not isinstance(templates, list):
        return
    opts = ctx.options or Options()
    for i, t in enumerate(templates):
        if not isinstance(t, dict):
            continue
        meta = t.get("metadata")
        meta = meta if isinstance(meta, dict) else {}
        name = meta.get("name", i)
        annotations = meta.get("annotations")
        value = annotations.get(opts.key) if isinstance(annotations, dict) else None
        if value is None or str(value) == "":
            yield report(obj.at("spec", "volumeClaimTemplates", i),
                         f"volumeClaimTemplate `{name}` of StatefulSet `{obj.name}` lacks the annotation `{opts.key}`")
        elif opts.value and not re.fullmatch(opts.value, str(value)):
            yield report(obj.at("spec", "volumeClaimTemplates", i, "metadata", "annotations", opts.key),
                         f"annotation `{opts.key}` of volumeClaimTemplate `{name}` of StatefulSet `{obj.name}` "
                         "does not match the required pattern")
