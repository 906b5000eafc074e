from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.labels import LabelSchemaOptions, is_email, typed_violations


@rule(
    id="DF223", name="label-not-email", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="A label the schema types as `email` is not an e-mail address",
    remediation="Use an address such as `team@example.com` (optionally `Name <team@example.com>`)",
    aliases=("DL3058",), options=LabelSchemaOptions,
    references=("https://github.com/hadolint/hadolint/wiki/DL3058",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `LABEL` value that is not an e-mail address (`a@b.c`, also `Name <a@b.c>`). Only labels the configured
    `label-schema` types as `email` are checked; with no schema the rule is quiet. Empty values
    are left to `empty-label`, and values built from build arguments (`$BUILD_DATE`) are not
    judged since they are only known at build time (hadolint flags them).

    ## Why it matters
    Whoever finds a problem in the image needs a way to reach its maintainers.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    LABEL maintainer="the platform team"
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    LABEL maintainer="platform@example.com"
    ```

    ## Options
    `label-schema` (label name -> `text`, `url`, `semver`, `hash`, `rfc3339`, `spdx` or `email`,
    as hadolint's `label-schema:`) and `strict-labels` (bool):
    ```yaml
    rules:
      DF223:
        label-schema:
          maintainer: email
    ```
    """
    for instr, key, value in typed_violations(df, ctx.options, "email", is_email):
        yield report(instr, f"label `{key}` is not an e-mail address: `{value}`")
