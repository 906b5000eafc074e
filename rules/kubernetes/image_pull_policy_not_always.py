from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, parse_image, report, rule
from linter.sources.workload import is_templated


@rule(
    id="KS100", name="image-pull-policy-not-always", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A container's image pull policy is not `Always`",
    remediation="Set `imagePullPolicy: Always`, or pin the image by digest",
    aliases=("container-image-pull-policy", "pullPolicyNotAlways", "CKV_K8S_15"),
    enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Containers, init containers and ephemeral containers whose effective `imagePullPolicy` is not
    `Always`: an explicit `IfNotPresent` or `Never`, or no policy with a tagged image (Kubernetes
    then defaults to `IfNotPresent`). Images pinned by digest are immutable and never fire. Off by
    default (kube-score checks it; polaris ignores it by default; kube-linter has no such check).

    ## Why it matters
    With `IfNotPresent` a node keeps running whatever image it cached under the tag, even after
    the tag was re-pushed, and `imagePullSecrets` are not re-checked: a pod can use a private
    image its namespace has no credentials for.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers:
        - name: api
          image: example/api:1.4.0
          imagePullPolicy: IfNotPresent
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
          imagePullPolicy: Always
    ```
    """
    for c in containers(obj):
        raw = c.node.get("image")
        if not isinstance(raw, str) or not raw.strip() or is_templated(raw) or "$" in raw:
            continue
        image = parse_image(raw)
        if image.digest is not None:
            continue
        policy = c.node.get("imagePullPolicy")
        if policy is None:
            if image.tag is not None and not image.is_latest:
                yield report(c.at("image"), f"container `{c.name}` has no imagePullPolicy (defaults to IfNotPresent for `{raw}`)")
        elif isinstance(policy, str) and policy != "Always" and not is_templated(policy):
            yield report(c.at("imagePullPolicy"), f"container `{c.name}` has imagePullPolicy {policy}")
