from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.labels import LabelSchemaOptions, is_spdx, typed_violations


@rule(
    id="DF219", name="label-not-spdx", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="A label the schema types as `spdx` is not an SPDX license expression",
    remediation="Use an SPDX identifier or expression, e.g. `Apache-2.0` or `MIT OR Apache-2.0`",
    aliases=("DL3054",), options=LabelSchemaOptions,
    references=("https://github.com/hadolint/hadolint/wiki/DL3054",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `LABEL` value that is not an SPDX license expression over common SPDX identifiers (`MIT`, `Apache-2.0 OR MIT`, `GPL-2.0-only WITH Classpath-exception-2.0`, `LicenseRef-...`). Only labels the configured
    `label-schema` types as `spdx` are checked; with no schema the rule is quiet. Empty values
    are left to `empty-label`, and values built from build arguments (`$BUILD_DATE`) are not
    judged since they are only known at build time (hadolint flags them).

    ## Why it matters
    License scanners read `org.opencontainers.image.licenses` as SPDX; free text is unknown to them.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.licenses="Apache License"
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.licenses="Apache-2.0"
    ```

    ## Options
    `label-schema` (label name -> `text`, `url`, `semver`, `hash`, `rfc3339`, `spdx` or `email`,
    as hadolint's `label-schema:`) and `strict-labels` (bool):
    ```yaml
    rules:
      DF219:
        label-schema:
          org.opencontainers.image.licenses: spdx
    ```
    """
    for instr, key, value in typed_violations(df, ctx.options, "spdx", is_spdx):
        yield report(instr, f"label `{key}` is not an SPDX license expression: `{value}`")
