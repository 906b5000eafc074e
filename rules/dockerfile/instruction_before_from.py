from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule

KNOWN = {"ADD", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD",
         "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR"}


@rule(
    id="DF226", name="instruction-before-from", target=Target.DOCKERFILE, severity=Severity.ERROR,
    summary="An instruction other than `ARG` comes before the first `FROM`",
    remediation="Start the Dockerfile with `FROM` (only `ARG`, comments and parser directives may come first)",
    aliases=("DL3061",), references=("https://github.com/hadolint/hadolint/wiki/DL3061",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Any instruction except `ARG` before the first `FROM`. Comments and parser directives
    (`# syntax=...`) are fine. Lines that are no instruction at all (an unrendered
    `{{ template }}`) are a parse matter and are not reported line by line.

    ## Why it matters
    Docker rejects the file ("no build stage in current context").

    ## Example
    ```dockerfile
    LABEL maintainer="team@example.com"
    FROM alpine:3.20
    ```

    ## Use instead
    ```dockerfile
    ARG ALPINE_VERSION=3.20
    FROM alpine:${ALPINE_VERSION}
    LABEL maintainer="team@example.com"
    ```
    """
    for instr in df.instructions:
        if instr.keyword == "FROM":
            return
        if instr.keyword in KNOWN:
            yield report(instr, f"`{instr.keyword}` before the first FROM")
