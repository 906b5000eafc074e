from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, pod_spec, report, rule

_CONTROLLERS = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"}


@rule(
    id="KS242", name="workload-invalid-restart-policy", target=Target.K8S_OBJECT, severity=Severity.ERROR,
    summary="A Deployment-like controller's pod template sets a `restartPolicy` other than Always",
    remediation="Remove `restartPolicy` (it defaults to Always); use a Job for run-to-completion work",
    aliases=("restart-policy",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    The pod template of Deployments, StatefulSets, DaemonSets, ReplicaSets and
    ReplicationControllers whose `restartPolicy` is set to anything but `Always`
    (`OnFailure`, `Never`). Unlike kube-linter's `restart-policy`, an unset policy is fine:
    it defaults to `Always`. Jobs are checked by `job-invalid-restart-policy`.

    ## Why it matters
    The API server rejects the object: a controller that keeps pods running must restart
    them, so only `Always` is allowed.

    ## Example
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: worker}
    spec:
      selector: {matchLabels: {app: worker}}
      template:
        metadata: {labels: {app: worker}}
        spec:
          restartPolicy: OnFailure
          containers: []
    ```

    ## Use instead
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: worker}
    spec:
      selector: {matchLabels: {app: worker}}
      template:
        metadata: {labels: {app: worker}}
        spec:
          containers: []
    ```
    """
    if obj.kind not in _CONTROLLERS:
        return
    found = pod_spec(obj)
    if found is None:
        return
    path, spec = found
    policy = spec.get("restartPolicy")
    if isinstance(policy, str) and policy and policy != "Always" and "{{" not in policy:
        yield report(obj.at(*path, "restartPolicy"),
                     f"{obj.kind} `{obj.name}` sets `restartPolicy: {policy}`; only Always is valid for it")
