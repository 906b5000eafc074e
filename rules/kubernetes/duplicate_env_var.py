from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule


@rule(
    id="KS157", name="duplicate-env-var", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A container defines the same environment variable twice",
    remediation="Keep one `env` entry per name; remove or rename the duplicate",
    aliases=("environment-variable-key-duplication",),
    references=("https://docs.kubelinter.io/#/generated/checks?id=duplicate-env-var",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Every container, init container and ephemeral container of every pod-bearing kind whose
    `env` list names the same variable twice. The second (and any later) entry is reported.
    Variables that `envFrom` imports are not compared: an explicit `env` entry overriding an
    imported one is the documented way to override it. (kube-linter `duplicate-env-var`,
    kube-score `environment-variable-key-duplication`.)

    ## Why it matters
    The API server accepts the duplicate and the last entry silently wins, so the value someone
    edits in the first entry never reaches the process; a strategic-merge patch or `kubectl
    apply` may even drop one of the two, and the running value then depends on the tool.

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
          containers:
            - name: api
              image: api:1.4.2
              env:
                - {name: LOG_LEVEL, value: info}
                - {name: PORT, value: "8080"}
                - {name: LOG_LEVEL, value: debug}
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
          containers:
            - name: api
              image: api:1.4.2
              env:
                - {name: LOG_LEVEL, value: debug}
                - {name: PORT, value: "8080"}
    ```
    """
    for c in containers(obj):
        env = c.node.get("env")
        if not isinstance(env, list):
            continue
        seen: dict[str, int] = {}
        for i, entry in enumerate(env):
            name = entry.get("name") if isinstance(entry, dict) else None
            if not isinstance(name, str) or not name:
                continue
            if name in seen:
                yield report(c.at("env", i, "name"),
                             f"container `{c.name}` sets `{name}` again (first at env[{seen[name]}]); the last entry wins")
            else:
                seen[name] = i
