from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.labels import LabelSchemaOptions, is_rfc3339, typed_violations


@rule(
    id="DF218", name="label-not-rfc3339", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="A label the schema types as `rfc3339` does not hold an RFC 3339 time",
    remediation="Write the time as RFC 3339, e.g. `2024-05-01T12:00:00Z`",
    aliases=("DL3053",), options=LabelSchemaOptions,
    references=("https://github.com/hadolint/hadolint/wiki/DL3053",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `LABEL` value that is not an RFC 3339 date-time (`2024-05-01T12:00:00Z`, `...+02:00`). Only labels the configured
    `label-schema` types as `rfc3339` are checked; with no schema the rule is quiet. Empty values
    are left to `empty-label`, and values built from build arguments (`$BUILD_DATE`) are not
    judged since they are only known at build time (hadolint flags them).

    ## Why it matters
    The OCI annotation `org.opencontainers.image.created` is specified as RFC 3339; tools parse it.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.created="May 1 2024"
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.created="2024-05-01T12:00:00Z"
    ```

    ## Options
    `label-schema` (label name -> `text`, `url`, `semver`, `hash`, `rfc3339`, `spdx` or `email`,
    as hadolint's `label-schema:`) and `strict-labels` (bool):
    ```yaml
    rules:
      DF218:
        label-schema:
          org.opencontainers.image.created: rfc3339
    ```
    """
    for instr, key, value in typed_violations(df, ctx.options, "rfc3339", is_rfc3339):
        yield report(instr, f"label `{key}` is not an RFC 3339 time: `{value}`")
