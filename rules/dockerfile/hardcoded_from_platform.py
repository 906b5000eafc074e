from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.dockerfile import VAR_RE, expand_variables

# Platform ARGs BuildKit sets automatically: using them is how multi-platform builds are written.
AUTOMATIC = {"BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
             "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT"}


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
    hadolint, a platform taken from BuildKit's automatic platform arguments
    (`--platform=$BUILDPLATFORM`, `$TARGETPLATFORM`, `linux/$TARGETARCH`) or from an `ARG`
    without default is accepted: it is the documented pattern for cross-compiling
    multi-platform images. An `ARG` with a literal default (`ARG ARCH=amd64`) is resolved and
    reported like a literal.

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
        if not platform:
            continue
        if "$" in platform:
            if any((m.group(1) or m.group(4)) in AUTOMATIC for m in VAR_RE.finditer(platform)):
                continue
            resolved = expand_variables(platform, df.global_args)
            if not resolved:  # an ARG without default: chosen at build time
                continue
            platform = resolved
        yield report(stage.from_instruction.at("--platform"),
                         f"FROM --platform={platform} is hard-coded; let the build choose the platform")
