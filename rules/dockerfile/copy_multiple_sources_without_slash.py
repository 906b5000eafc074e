from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, copy_paths, report, rule, with_onbuild


@rule(
    id="DF116", name="copy-multiple-sources-without-slash", target=Target.DOCKERFILE, severity=Severity.ERROR,
    summary="COPY with several sources needs a destination ending in /",
    remediation="End the destination with a slash: `COPY a b /dest/`",
    aliases=("DL3021",),
    references=("https://github.com/hadolint/hadolint/wiki/DL3021",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `COPY` (also inside `ONBUILD`, shell or JSON form) with more than one source whose
    destination does not end with `/` (or `\\` for a Windows path).

    ## Why it matters
    Docker refuses to build it: with several sources the destination must be a directory,
    written with a trailing slash.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    COPY package.json package-lock.json /app
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    COPY package.json package-lock.json /app/
    ```
    """
    for instr in with_onbuild(df, "COPY"):
        paths = copy_paths(instr)
        if paths is None:
            continue
        sources, dest = paths
        if len(sources) > 1 and not dest.endswith(("/", "\\")):
            yield report(instr.at(dest), f"COPY of {len(sources)} sources into `{dest}`, which does not end with /")
