from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule


@rule(
    id="KS209", name="secret-as-env-var", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A container reads a Secret through environment variables instead of files",
    remediation="Mount the Secret as a volume and read the file (CIS 5.4.1)",
    aliases=("read-secret-from-env-var", "CKV_K8S_35"), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Container `env` entries with `valueFrom.secretKeyRef` and `envFrom` entries with
    `secretRef`. Off by default: it is CIS 5.4.1 advice, and env vars from Secrets are the
    common, reasonable pattern.

    ## Why it matters
    Environment variables leak more easily than files: into crash dumps, child processes, debug
    endpoints and logs that print the environment. A mounted Secret is also updated in place
    when it rotates.

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
              valueFrom:
                secretKeyRef: {name: db, key: password}
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
          volumeMounts:
            - {name: db, mountPath: /run/secrets/db, readOnly: true}
      volumes:
        - name: db
          secret: {secretName: db}
    ```
    """
    for c in containers(obj):
        env = c.node.get("env")
        if isinstance(env, list):
            for i, e in enumerate(env):
                if isinstance(e, dict) and isinstance(e.get("valueFrom"), dict) and "secretKeyRef" in e["valueFrom"]:
                    yield report(c.at("env", i, "valueFrom", "secretKeyRef", key=True),
                                 f"container `{c.name}` reads Secret data into env var `{e.get('name')}`")
        env_from = c.node.get("envFrom")
        if isinstance(env_from, list):
            for i, e in enumerate(env_from):
                if isinstance(e, dict) and "secretRef" in e:
                    ref = e["secretRef"]
                    name = ref.get("name") if isinstance(ref, dict) else None
                    yield report(c.at("envFrom", i, "secretRef", key=True),
                                 f"container `{c.name}` loads Secret `{name}` into its environment")
