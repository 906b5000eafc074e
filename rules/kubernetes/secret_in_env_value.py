from __future__ import annotations

from typing import Iterator

from linter.api import (
    Context, K8sObject, Report, Severity, Target, containers, looks_like_literal_secret,
    looks_like_secret_name, report, rule,
)


@rule(
    id="KS004", name="secret-in-env-value", target=Target.K8S_OBJECT, severity=Severity.ERROR,
    summary="A secret is inlined as a literal container environment value",
    remediation="Store the value in a Secret and use `valueFrom.secretKeyRef` (or mount the Secret as a volume)",
    aliases=("env-var-secret", "sensitiveContainerEnvVar"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Container `env` entries whose name looks like a credential (password, token, API key,
    secret, private key, credentials, ...) and that carry a literal `value` instead of
    `valueFrom.secretKeyRef`. References (`$(OTHER_VAR)`), file paths and placeholders are not
    secrets. Findings name the variable, never its value.

    ## Why it matters
    A literal value lives in Git, in `kubectl get -o yaml` output and in every audit log, readable
    by anyone who can read the workload; a Secret can be access-controlled, encrypted at rest and
    rotated without editing the workload.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers:
        - name: api
          image: example/api:1.0.0
          env:
            - name: DB_PASSWORD
              value: hunter2-but-longer
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers:
        - name: api
          image: example/api:1.0.0
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef: {name: api-db, key: password}
    ```
    """
    for c in containers(obj):
        env = c.node.get("env")
        if not isinstance(env, list):
            continue
        for i, entry in enumerate(env):
            if not isinstance(entry, dict):
                continue
            name, value = entry.get("name"), entry.get("value")
            if not isinstance(name, str) or not looks_like_secret_name(name):
                continue
            if looks_like_literal_secret(value):
                yield report(c.at("env", i, "value"),
                             f"container `{c.name}` sets `{name}` to a literal secret; use secretKeyRef",
                             redact=True)
