from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.labels import LabelSchemaOptions, is_url, typed_violations


@rule(
    id="DF217", name="label-not-url", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="A label the schema types as `url` does not hold a URL",
    remediation="Give the label an absolute URL such as `https://example.com/project`",
    aliases=("DL3052",), options=LabelSchemaOptions,
    references=("https://github.com/hadolint/hadolint/wiki/DL3052",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `LABEL` value that is not an absolute URL (`scheme:...`). Only labels the configured
    `label-schema` types as `url` are checked; with no schema the rule is quiet. Empty values
    are left to `empty-label`, and values built from build arguments (`$BUILD_DATE`) are not
    judged since they are only known at build time (hadolint flags them).

    ## Why it matters
    Registries and scanners link to these labels; a bare host name is not a link.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.url="example.com"
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.url="https://example.com"
    ```

    ## Options
    `label-schema` (label name -> `text`, `url`, `semver`, `hash`, `rfc3339`, `spdx` or `email`,
    as hadolint's `label-schema:`) and `strict-labels` (bool):
    ```yaml
    rules:
      DF217:
        label-schema:
          org.opencontainers.image.url: url
    ```
    """
    for instr, key, value in typed_violations(df, ctx.options, "url", is_url):
        yield report(instr, f"label `{key}` is not a valid URL: `{value}`")
