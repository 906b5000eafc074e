from __future__ import annotations

import re
from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule, with_onbuild

WINDOWS_ABSOLUTE = r"^[A-Za-z]:[\\/]"


@rule(
    id="DF100", name="relative-workdir", target=Target.DOCKERFILE, severity=Severity.ERROR,
    summary="WORKDIR is a relative path",
    remediation="Give WORKDIR an absolute path (e.g. `WORKDIR /app`)",
    aliases=("DL3000", "CKV_DOCKER_10"),
    references=("https://github.com/hadolint/hadolint/wiki/DL3000",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `WORKDIR` (also inside `ONBUILD`) whose path is neither absolute (`/app`, `C:\\app`) nor
    starts with a variable (`$HOME/app`, whose value is absolute in practice).

    ## Why it matters
    A relative WORKDIR is resolved against the previous one, which a base-image update can
    change: the files land somewhere else and the build or the container breaks.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    WORKDIR app
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    WORKDIR /app
    ```
    """
    for instr in with_onbuild(df, "WORKDIR"):
        path = instr.args.strip().strip("\"'")
        if not path or path.startswith(("/", "$")) or re.match(WINDOWS_ABSOLUTE, path):
            continue
        yield report(instr, f"WORKDIR `{path}` is relative; use an absolute path")
