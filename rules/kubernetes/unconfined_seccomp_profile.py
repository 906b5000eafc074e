from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import effective, pod_annotations, pod_annotation_anchor

POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod"
CONTAINER_ANNOTATION = "container.seccomp.security.alpha.kubernetes.io/"


@rule(
    id="KS142", name="unconfined-seccomp-profile", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A pod or container explicitly disables seccomp (`Unconfined`)",
    remediation="Use `seccompProfile.type: RuntimeDefault` (or a Localhost profile)",
    aliases=("KSV104",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `seccompProfile.type: Unconfined` in a pod or container securityContext, and the legacy
    `seccomp.security.alpha.kubernetes.io/pod` / `container.seccomp.security.alpha.kubernetes.io/<name>`
    annotations set to `unconfined` on the pod (template) metadata.

    ## Why it matters
    Unconfined switches off the system-call filter the runtime would otherwise apply, exposing the
    whole kernel API to the container.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      securityContext:
        seccompProfile: {type: Unconfined}
      containers:
        - name: web
          image: nginx:1.27
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      securityContext:
        seccompProfile: {type: RuntimeDefault}
      containers:
        - name: web
          image: nginx:1.27
    ```
    """
    seen = set()
    for c in containers(obj):
        profile = effective(c, "seccompProfile")
        if isinstance(profile.value, dict) and profile.value.get("type") == "Unconfined" and profile.anchor:
            if profile.anchor.path in seen:
                continue
            seen.add(profile.anchor.path)
            where = f"container `{c.name}`" if profile.level == "container" else "the pod"
            yield report(obj.at(*profile.anchor.path, "type"), f"{where} runs with seccomp Unconfined")
    for key, value in pod_annotations(obj).items():
        if not isinstance(key, str) or not isinstance(value, str) or value.strip() != "unconfined":
            continue
        if key == POD_ANNOTATION or key.startswith(CONTAINER_ANNOTATION):
            anchor = pod_annotation_anchor(obj, key)
            if anchor is not None:
                yield report(anchor, f"annotation `{key}` disables seccomp")
