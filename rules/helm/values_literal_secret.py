from __future__ import annotations

import re
from typing import Iterator

from linter.api import Context, Report, Severity, Target, looks_like_literal_secret, looks_like_secret_name, report, rule
from linter.sources.helm_values import HelmValues
from linter.sources.k8s import dotted_path

# Keys that name or point at a Secret rather than hold one: `existingSecret`, `passwordKey`, `secretRef`.
_REFERENCE_KEY = (
    r"(?i)^existing|(password|passwd|token|user(name)?|secret_?name)_?keys?$|secret_?(ref|name|keys?_?ref)$|"
    r"secret_?provider|_?secrets?_?(mount|volume|annotations?|labels?)$|.[a-z0-9]_?secret_?key$"
)
# `brokerPasswordSecret: kafka-broker-password`: a key ending in Secret whose value is a Secret's name.
_SECRET_SUFFIX = r"(?i)secret$"
_OBJECT_NAME = r"^[a-z0-9]+(-[a-z0-9]+)+$"
_FILE_NAME = r"(?i)^[\w.-]+\.(key|pem|crt|cert|cer|json|p12|pfx|jks|txt)$"
# Siblings that say the mapping describes an existing Secret: its `*Key` entries name keys in it.
_SECRET_SIBLINGS = ("secretName", "existingSecret", "secretRef", "existingSecretName")


@rule(
    id="HC011", name="values-literal-secret", target=Target.HELM_VALUES, severity=Severity.ERROR,
    summary="A chart's values.yaml holds a literal secret (password, token, key)",
    remediation="Leave the default empty and read the secret from an existing Secret (`existingSecret`) or --set it at install",
)
def check(values: HelmValues, ctx: Context) -> Iterator[Report]:
    """## What it checks
    In a chart's `values.yaml`, a key whose name says it holds a credential (`password`,
    `apiKey`, `clientSecret`, `token`...) with a literal value, and env-style items
    (`- name: DB_PASSWORD` / `value: ...`) likewise. Empty values, placeholders (`changeme`,
    `<set-me>`), templates (`{{ ... }}`), references (`existingSecret`, `passwordKey`,
    `secretName`) and booleans or numbers are not secrets. The value is never printed.

    ## Why it matters
    A default in values.yaml ships to every user of the chart and sits in the chart's
    repository and package: a leaked credential, and an install that silently uses it.

    ## Example
    ```yaml
    auth:
      adminPassword: s3cr3t-Pa55
    ```

    ## Use instead
    ```yaml
    auth:
      adminPassword: ""
      existingSecret: grafana-admin
    ```
    """
    for path, node in values.mappings():
        name = node.get("name")
        if isinstance(name, str) and "value" in node and _secret_key(name) and _literal(node.get("value")):
            yield report(values.at(*path, "value"), f"values item `{name}` ({dotted_path(path)}) holds a literal secret",
                         redact=True)
            continue
        describes_secret = any(k in node for k in _SECRET_SIBLINGS)
        for key, value in node.items():
            if not isinstance(key, str) or not _secret_key(key) or not _literal(value):
                continue
            if describes_secret and key.lower().endswith("key"):
                continue
            if re.search(_SECRET_SUFFIX, key) and re.match(_OBJECT_NAME, value.strip()):
                continue
            if value.strip().lower() in key.lower():  # `authKey: auth`
                continue
            shown = dotted_path(path + (key,))
            yield report(values.at(*path, key), f"values key `{shown}` holds a literal secret", redact=True)


def _secret_key(key: str) -> bool:
    return looks_like_secret_name(key) and not re.search(_REFERENCE_KEY, key)


def _literal(value: object) -> bool:
    if not isinstance(value, str) or "{{" in value or value.strip().startswith("$(") or re.match(_FILE_NAME, value.strip()):
        return False
    return looks_like_literal_secret(value)
