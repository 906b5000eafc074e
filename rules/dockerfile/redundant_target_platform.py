from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule


@rule(
    id="DF229", name="redundant-target-platform", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="`FROM --platform=$TARGETPLATFORM` repeats the default",
    remediation="Drop `--platform=$TARGETPLATFORM` (or use `$BUILDPLATFORM` for a cross-compiling stage)",
    aliases=("DL3065",), references=("https://github.com/hadolint/hadolint/wiki/DL3065",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `FROM --platform=$TARGETPLATFORM` (or `${TARGETPLATFORM}`).

    ## Why it matters
    Stages already build for the target platform; the flag adds noise, and usually the author
    meant `$BUILDPLATFORM` for a cross-compiling builder stage.

    ## Example
    ```dockerfile
    FROM --platform=$TARGETPLATFORM alpine:3.20
    ```

    ## Use instead
    ```dockerfile
    FROM --platform=$BUILDPLATFORM golang:1.23 AS build
    ```
    """
    for stage in df.stages:
        if (stage.platform or "").strip("\"'") in ("$TARGETPLATFORM", "${TARGETPLATFORM}"):
            yield report(stage.from_instruction.at("--platform"), "`--platform=$TARGETPLATFORM` is the default")
