from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, pod_spec, report, rule


@rule(
    id="KS227", name="job-invalid-restart-policy", target=Target.K8S_OBJECT, severity=Severity.ERROR,
    summary="A Job or CronJob pod template does not set `restartPolicy` to OnFailure or Never",
    remediation="Set `restartPolicy: OnFailure` (retry in place) or `Never` (retry in a new pod)",
    aliases=("cronjob-restartpolicy",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    The pod template of every `Job` and `CronJob` whose `restartPolicy` is `Always` or is
    missing (it defaults to `Always`).

    ## Why it matters
    The API server rejects the object: a Job's pods must be allowed to finish, so only
    `OnFailure` and `Never` are valid.

    ## Example
    ```yaml
    apiVersion: batch/v1
    kind: Job
    metadata: {name: migrate}
    spec:
      template:
        spec:
          containers:
            - name: migrate
              image: example/migrate:1.0.0
    ```

    ## Use instead
    ```yaml
    apiVersion: batch/v1
    kind: Job
    metadata: {name: migrate}
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: migrate
              image: example/migrate:1.0.0
    ```
    """
    if obj.kind not in ("Job", "CronJob"):
        return
    found = pod_spec(obj)
    if found is None:
        return
    path, spec = found
    policy = spec.get("restartPolicy")
    if policy is None:
        yield report(obj.at(*path, key=True),
                     f"{obj.kind} `{obj.name}` sets no `restartPolicy`; the default `Always` is rejected for Jobs")
    elif policy == "Always":
        yield report(obj.at(*path, "restartPolicy"),
                     f"{obj.kind} `{obj.name}` uses `restartPolicy: Always`, which Jobs reject")
