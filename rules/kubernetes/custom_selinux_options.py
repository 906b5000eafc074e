from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule
from linter.sources.workload import effective

ALLOWED_TYPES = ("container_t", "container_init_t", "container_kvm_t", "container_engine_t")


@rule(
    id="KS154", name="custom-selinux-options", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A pod or container sets a custom SELinux user, role or type",
    remediation="Remove `seLinuxOptions.user`/`role`; keep `type` to container_t (or container_init_t, container_kvm_t)",
    aliases=("KSV025",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    An effective `seLinuxOptions` (container level over pod level) that sets `user` or `role`, or
    a `type` other than `container_t`, `container_init_t`, `container_kvm_t` and
    `container_engine_t` (the Pod Security Standards' baseline). `level` is allowed.

    ## Why it matters
    A custom SELinux type such as `spc_t` ("super privileged container") or a custom user/role
    lifts the SELinux confinement of the container.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: agent}
    spec:
      containers:
        - name: agent
          image: example/agent:1.2.0
          securityContext:
            seLinuxOptions: {type: spc_t}
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: agent}
    spec:
      containers:
        - name: agent
          image: example/agent:1.2.0
          securityContext:
            seLinuxOptions: {level: "s0:c123,c456"}
    ```
    """
    seen = set()
    for c in containers(obj):
        opts = effective(c, "seLinuxOptions")
        if not isinstance(opts.value, dict) or opts.anchor is None or opts.anchor.path in seen:
            continue
        seen.add(opts.anchor.path)
        where = f"container `{c.name}`" if opts.level == "container" else "the pod"
        for key in ("user", "role", "type"):
            value = opts.value.get(key)
            if value in (None, "") or (key == "type" and value in ALLOWED_TYPES):
                continue
            yield report(obj.at(*opts.anchor.path, key), f"{where} sets the SELinux {key} `{value}`")
