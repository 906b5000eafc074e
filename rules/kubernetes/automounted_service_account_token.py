from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, pod_spec, report, rule


@rule(
    id="KS203", name="automounted-service-account-token", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A pod mounts a service account API token it may not need",
    remediation="Set `automountServiceAccountToken: false` in the pod spec unless the workload calls the Kubernetes API",
    aliases=("automount-service-account-token", "automountServiceAccountToken", "CKV_K8S_38", "KSV036"),
    enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Pod specs of every pod-bearing kind that do not set `automountServiceAccountToken: false`
    (unset or `true`). The ServiceAccount's own setting is not consulted, as kube-linter and
    checkov do; off by default because most manifests rely on the default.

    ## Why it matters
    Every container gets a token for the Kubernetes API at
    `/var/run/secrets/kubernetes.io/serviceaccount`; an attacker with code execution in a pod
    that never needed the API inherits whatever the account is allowed to do.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      containers:
        - name: web
          image: example/web:1.0.0
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      automountServiceAccountToken: false
      containers:
        - name: web
          image: example/web:1.0.0
    ```
    """
    found = pod_spec(obj)
    if found is None:
        return
    path, spec = found
    value = spec.get("automountServiceAccountToken")
    if value is False:
        return
    if value is True:
        yield report(obj.at(*path, "automountServiceAccountToken"),
                     f"{obj.kind} `{obj.name}` mounts a service account token (`automountServiceAccountToken: true`)")
    elif value is None:
        yield report(obj.at(*path, key=True),
                     f"{obj.kind} `{obj.name}` does not set `automountServiceAccountToken: false`")
