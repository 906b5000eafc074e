from __future__ import annotations

import re
from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.labels import labels

KEY_RE = r"^[a-z]([a-z0-9._-]*[a-z0-9])?$"
RESERVED = ("com.docker.", "io.docker.", "org.dockerproject.")


def _invalid(key: str) -> bool:
    return not re.match(KEY_RE, key) or key.startswith(RESERVED) or ".." in key or "--" in key


@rule(
    id="DF213", name="invalid-label-key", target=Target.DOCKERFILE, severity=Severity.INFO,
    summary="A label key breaks Docker's label key format",
    remediation="Use lower-case reverse-DNS keys such as `org.opencontainers.image.source`",
    aliases=("DL3048",), references=("https://github.com/hadolint/hadolint/wiki/DL3048",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `LABEL` keys that do not follow Docker's recommended format: lower-case letters, digits,
    `.`, `-` and `_` (hadolint 2.15 accepts `_`), starting with a letter, ending with a letter or digit, without `..` or `--`,
    and outside the reserved `com.docker.*`, `io.docker.*` and `org.dockerproject.*`
    namespaces.

    ## Why it matters
    Tools that query labels (`docker inspect --format`, Kubernetes image policy) expect the
    documented format; mixed case and odd separators create near-duplicate keys.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    LABEL Maintainer="team@example.com"
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.authors="team@example.com"
    ```
    """
    for instr, key, _ in labels(df):
        if _invalid(key):
            yield report(instr, f"label key `{key}` is not a valid label key")
