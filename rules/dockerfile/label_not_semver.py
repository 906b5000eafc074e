from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.labels import LabelSchemaOptions, is_semver, typed_violations


@rule(
    id="DF221", name="label-not-semver", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="A label the schema types as `semver` is not a semantic version",
    remediation="Use a semantic version such as `1.4.2` or `2.0.0-rc.1`",
    aliases=("DL3056",), options=LabelSchemaOptions,
    references=("https://github.com/hadolint/hadolint/wiki/DL3056",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `LABEL` value that is not a semantic version (semver.org 2.0: `1.4.2`, `2.0.0-rc.1+build.5`). Only labels the configured
    `label-schema` types as `semver` are checked; with no schema the rule is quiet. Empty values
    are left to `empty-label`, and values built from build arguments (`$BUILD_DATE`) are not
    judged since they are only known at build time (hadolint flags them).

    ## Why it matters
    Tools that sort or compare image versions need a comparable version.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.version="v1.2"
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.version="1.2.0"
    ```

    ## Options
    `label-schema` (label name -> `text`, `url`, `semver`, `hash`, `rfc3339`, `spdx` or `email`,
    as hadolint's `label-schema:`) and `strict-labels` (bool):
    ```yaml
    rules:
      DF221:
        label-schema:
          org.opencontainers.image.version: semver
    ```
    """
    for instr, key, value in typed_violations(df, ctx.options, "semver", is_semver):
        yield report(instr, f"label `{key}` is not a semantic version: `{value}`")
