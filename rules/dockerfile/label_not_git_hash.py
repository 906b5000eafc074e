from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.labels import LabelSchemaOptions, is_git_hash, typed_violations


@rule(
    id="DF220", name="label-not-git-hash", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="A label the schema types as `hash` is not a git commit hash",
    remediation="Set the label to the commit id, e.g. `--build-arg` of `git rev-parse HEAD`",
    aliases=("DL3055",), options=LabelSchemaOptions,
    references=("https://github.com/hadolint/hadolint/wiki/DL3055",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `LABEL` value that is not a git commit hash: 7 to 40 hex digits (short or full SHA-1), or 64 (SHA-256 repositories). hadolint accepts only 7 or 40. Only labels the configured
    `label-schema` types as `hash` are checked; with no schema the rule is quiet. Empty values
    are left to `empty-label`, and values built from build arguments (`$BUILD_DATE`) are not
    judged since they are only known at build time (hadolint flags them).

    ## Why it matters
    A branch name is not a revision: it moves, and the image can no longer be traced to its source.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.revision="main"
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.revision="4f1c2a9d3e8b7c6a5f4e3d2c1b0a9f8e7d6c5b4a"
    ```

    ## Options
    `label-schema` (label name -> `text`, `url`, `semver`, `hash`, `rfc3339`, `spdx` or `email`,
    as hadolint's `label-schema:`) and `strict-labels` (bool):
    ```yaml
    rules:
      DF220:
        label-schema:
          org.opencontainers.image.revision: hash
    ```
    """
    for instr, key, value in typed_violations(df, ctx.options, "hash", is_git_hash):
        yield report(instr, f"label `{key}` is not a git commit hash: `{value}`")
