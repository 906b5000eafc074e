from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import effective, pod_annotations, pod_annotation_anchor

ANNOTATION = "container.apparmor.security.beta.kubernetes.io/"


@rule(
    id="KS143", name="unconfined-apparmor-profile", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A pod or container explicitly runs without AppArmor (`Unconfined`)",
    remediation="Use the runtime's default AppArmor profile (`RuntimeDefault`) or a Localhost profile",
    aliases=("KSV002",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `appArmorProfile.type: Unconfined` in a pod or container securityContext (Kubernetes 1.30+),
    and `container.apparmor.security.beta.kubernetes.io/<container>: unconfined` annotations on the
    pod (template) metadata.

    ## Why it matters
    AppArmor is a second wall around the container (mounts, raw sockets, /proc writes);
    Unconfined removes it.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
      annotations:
        container.apparmor.security.beta.kubernetes.io/web: unconfined
    spec:
      containers:
        - name: web
          image: nginx:1.27
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
      annotations:
        container.apparmor.security.beta.kubernetes.io/web: runtime/default
    spec:
      containers:
        - name: web
          image: nginx:1.27
    ```
    """
    seen = set()
    for c in containers(obj):
        profile = effective(c, "appArmorProfile")
        if isinstance(profile.value, dict) and profile.value.get("type") == "Unconfined" and profile.anchor:
            if profile.anchor.path in seen:
                continue
            seen.add(profile.anchor.path)
            where = f"container `{c.name}`" if profile.level == "container" else "the pod"
            yield report(obj.at(*profile.anchor.path, "type"), f"{where} runs with AppArmor Unconfined")
    for key, value in pod_annotations(obj).items():
        if isinstance(key, str) and key.startswith(ANNOTATION) and isinstance(value, str) \
                and value.strip() == "unconfined":
            anchor = pod_annotation_anchor(obj, key)
            if anchor is not None:
                yield report(anchor, f"container `{key[len(ANNOTATION):]}` runs with AppArmor unconfined")
