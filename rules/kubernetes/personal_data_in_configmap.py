from __future__ import annotations

import re
from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, looks_like_literal_secret, report, rule

# the key's last word(s), after splitting on `_`, `-`, `.` and camelCase: `DB_USER`, `smtpUsername`, `admin-email`
_USER_KEY = r"(^|_)(user|user_?name|login_?name|e_?mail|e_?mail_?address|user_?e_?mail)$"
_CAMEL = r"(?<=[a-z0-9])(?=[A-Z])"
_EMAIL = r"[A-Za-z0-9][A-Za-z0-9._%+-]*@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}"
# RFC 2606 / 6761 reserved names: documentation placeholders, never a real person
_RESERVED_DOMAIN = r"(?i)(^|\.)(example\.(com|org|net)|example|test|invalid|localhost|local)$"


def _key_words(key: str) -> str:
    return re.sub(r"[-.\s]+", "_", re.sub(_CAMEL, "_", key)).strip("_").lower()


def _is_email(text: str) -> bool:
    return bool(re.fullmatch(_EMAIL, text)) and not re.search(_RESERVED_DOMAIN, text.rpartition("@")[2])


@rule(
    id="KS193", name="personal-data-in-configmap", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A ConfigMap holds a user name or an e-mail address",
    remediation="Keep account names and personal e-mail addresses in a Secret and reference them with `secretKeyRef`",
    aliases=("KSV01010",), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `ConfigMap` `data` entries holding personal or account data (trivy KSV01010): a key whose
    last word is `user`, `username`, `email` or `emailAddress` (`DB_USER`, `smtpUsername`,
    `admin-email`) with a one-line literal value (not empty, a number, a boolean, a reference or
    a placeholder, and without spaces), or any one-line value that is an e-mail address. Addresses
    at reserved documentation domains (`example.com`, `*.test`, `*.local`) and multi-line values
    (whole configuration files) are not reported. Findings name the key, never the value. Off by
    default: account names in configuration are common and often harmless.

    ## Why it matters
    ConfigMaps are readable by every role that can `get configmaps` and printed in full by
    `kubectl describe`. A user name is half of a credential, and an e-mail address is personal
    data that privacy rules want kept out of widely readable places.

    ## Example
    ```yaml
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: mailer}
    data:
      SMTP_HOST: smtp.internal
      SMTP_USERNAME: mailer-prod
      ALERTS_TO: jane.doe@acme-corp.com
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: mailer}
    data:
      SMTP_HOST: smtp.internal
      SMTP_PORT: "587"
    ```
    """
    if obj.kind != "ConfigMap" or obj.group:
        return
    data = obj.root.get("data")
    if not isinstance(data, dict):
        return
    for key, value in data.items():
        if not isinstance(value, str) or not isinstance(key, str):
            continue
        text = value.strip()
        if not text or "\n" in text:
            continue
        unquoted = text.strip("'\"")
        if _is_email(unquoted):
            yield report(obj.at("data", key), f"ConfigMap `{obj.name}` holds an e-mail address under `{key}`", redact=True)
        elif (re.search(_USER_KEY, _key_words(key)) and looks_like_literal_secret(text) and " " not in unquoted
              and "@" not in unquoted and "/" not in unquoted and len(unquoted) <= 64):
            yield report(obj.at("data", key), f"ConfigMap `{obj.name}` holds a user name under `{key}`", redact=True)
