from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, looks_like_literal_secret, report, rule
from linter.secrets import looks_like_private_key, looks_like_secret_flag


@rule(
    id="KS207", name="secret-in-configmap", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A ConfigMap holds a credential under a secret-looking key",
    remediation="Move the value to a Secret and reference it with `secretKeyRef` / a Secret volume",
    aliases=("configmap-with-credentials", "sensitiveConfigmapContent", "KSV109"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `ConfigMap` `data` entries whose key ends in a credential word (`password`, `DB_PASSWORD`,
    `api-key`, `client_secret`, ...; not `password_encryption`) and whose value is a one-line literal (not empty, a
    reference, a path, a boolean, a number or a placeholder), and any entry holding a PEM
    private key. Multi-line values (whole configuration files) are not judged by their key.
    Findings name the key, never the value.

    ## Why it matters
    ConfigMaps are not meant for secrets: they are readable by every role that can `get
    configmaps`, never encrypted at rest, and printed in full by `kubectl describe`.

    ## Example
    ```yaml
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: api}
    data:
      DB_HOST: db.internal
      DB_PASSWORD: s3cr3t-Pa55
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Secret
    metadata: {name: api}
    type: Opaque
    stringData:
      DB_PASSWORD: ""
    ```
    """
    if obj.kind != "ConfigMap" or obj.group:
        return
    data = obj.root.get("data")
    if not isinstance(data, dict):
        return
    for key, value in data.items():
        if not isinstance(value, str):
            continue
        if looks_like_private_key(value):
            yield report(obj.at("data", key), f"ConfigMap `{obj.name}` holds a private key under `{key}`", redact=True)
        elif "\n" not in value.strip() and looks_like_secret_flag(str(key)) and looks_like_literal_secret(value):
            yield report(obj.at("data", key), f"ConfigMap `{obj.name}` holds a literal credential under `{key}`", redact=True)
