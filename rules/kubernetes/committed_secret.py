from __future__ import annotations

import base64
import binascii
import re
from typing import Any, Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, looks_like_literal_secret, report, rule

# Keys that by convention hold public material: CA bundles, certificates, DH parameters.
_PUBLIC_KEY_NAME = r"(?i)(^ca$|[._-]ca$|\.crt$|\.cert$|^ca[._-].*\.pem$|^ca-bundle|^dhparams?\.pem$)"
# Secret types whose data is filled in by the cluster, not by the manifest's author.
_CLUSTER_FILLED = {"kubernetes.io/service-account-token", "bootstrap.kubernetes.io/token"}


def _public_certificate(text: str) -> bool:
    """Certificates (a CA bundle, `tls.crt`) are public; only keys and credentials are secret."""
    return "-----BEGIN CERTIFICATE-----" in text and "PRIVATE KEY" not in text


def _real_value(value: Any, encoded: bool) -> bool:
    if not isinstance(value, str) or not value.strip():
        return False
    text = value.strip()
    if "{{" in text or "${" in text:
        return False
    if encoded:
        try:
            decoded = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            return True  # not base64: the API rejects it, but it is still committed data
        try:
            text = decoded.decode("utf-8")
        except UnicodeDecodeError:
            return True  # binary key material
        if _public_certificate(text):
            return False
        if "\n" in text.strip():
            return bool(text.strip())
    if _public_certificate(text):
        return False
    return looks_like_literal_secret(text) or (len(text) >= 4 and "\n" in text)


@rule(
    id="KS208", name="committed-secret", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A Secret manifest carries its values in `data`/`stringData`",
    remediation="Commit a SealedSecret, an ExternalSecret or a SOPS-encrypted file instead of the plain Secret",
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `Secret` whose `data` (base64) or `stringData` holds at least one real value. Empty
    values, templated values (`{{ }}`, `${}`) and placeholders (`changeme`, `<password>`, ...)
    after decoding do not count, nor do public certificates (PEM certificates, and keys named
    like `ca.crt`, `tls.crt`, `tls.ca`, `dhparam.pem`) or token Secrets that the cluster fills
    in. Reported at
    info level: the finding names the keys, never the values.

    ## Why it matters
    base64 is an encoding, not encryption: whoever can read the repository (and its history,
    forks and CI logs) holds the credential. Sealed Secrets, External Secrets or SOPS keep
    only ciphertext or a reference in Git.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Secret
    metadata: {name: db}
    type: Opaque
    data:
      password: aHVudGVyMi1idXQtbG9uZ2Vy
    ```

    ## Use instead
    ```yaml
    apiVersion: bitnami.com/v1alpha1
    kind: SealedSecret
    metadata: {name: db}
    spec:
      encryptedData:
        password: AgBy8hCi...
    ```
    """
    if obj.kind != "Secret" or obj.group:
        return
    if str(obj.root.get("type", "")) in _CLUSTER_FILLED:
        return
    for field, encoded in (("data", True), ("stringData", False)):
        values = obj.root.get(field)
        if not isinstance(values, dict):
            continue
        keys = [str(k) for k, v in values.items() if not re.search(_PUBLIC_KEY_NAME, str(k)) and _real_value(v, encoded)]
        if keys:
            shown = ", ".join(f"`{k}`" for k in keys[:5]) + (f" and {len(keys) - 5} more" if len(keys) > 5 else "")
            yield report(obj.at(field, key=True),
                         f"Secret `{obj.name}` commits values for {shown} in `{field}`; use Sealed Secrets or External Secrets",
                         redact=True)
            return
