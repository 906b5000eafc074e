from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule


@rule(
    id="DF124", name="hardcoded-from-platform", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="FROM --platform is hard-coded",
    remediation="Drop --platform (pass `docker build --platform`), or use `--platform=$BUILDPLATFORM` for cross builds",
    aliases=("DL3029",),
    references=("https://github.com/hadolint/hadolint/wiki/DL3029",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `FROM --platform=<value>` whose value is a literal such as `linux/amd64`. Unlike
    hadolint, a platform taken from a build argument (`--platform=$BUILDPLATFORM`,
    `$TARGETPLATFORM`, `${PLATFORM}`) is accepted: it is the documented pattern for
    cross-compiling multi-platform images.

    ## Why it matters
    A hard-coded platform makes `docker buildx build --platform ...` produce images of the
    wrong architecture, or run everything under slow emulation.

    ## Example
    ```dockerfile
    FROM --platform=linux/amd64 alpine:3.20
    ```

    ## Use instead
    ```dockerfile
    FROM --platform=$BUILDPLATFORM golang:1.22 AS build
    ```
    """
    for stage in df.stages:
        platform = (stage.platform or "").strip("\"'")
        if platform and "$" not in platform:
            yield report(stage.from_instruction.at("--platform"),
                         f"FROM --platform={platform} is hard-coded; let the build choose the platform")
