from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.buildsteps import onbuild_trigger

FORBIDDEN = {"ONBUILD", "FROM", "MAINTAINER"}


@rule(
    id="DF208", name="invalid-onbuild-trigger", target=Target.DOCKERFILE, severity=Severity.ERROR,
    summary="`ONBUILD` registers `ONBUILD`, `FROM` or `MAINTAINER`, which Docker forbids",
    remediation="Remove the trigger; ONBUILD may not register ONBUILD, FROM or MAINTAINER",
    aliases=("DL3043",), references=("https://github.com/hadolint/hadolint/wiki/DL3043",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `ONBUILD ONBUILD ...`, `ONBUILD FROM ...` and `ONBUILD MAINTAINER ...`.

    ## Why it matters
    Docker rejects these triggers: the build of every image derived from this one fails.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    ONBUILD FROM alpine:3.20
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    ONBUILD RUN echo derived
    ```
    """
    for instr in df.instructions:
        trigger = onbuild_trigger(instr)
        if trigger is not None and trigger.keyword in FORBIDDEN:
            yield report(instr, f"`ONBUILD {trigger.keyword}` is not allowed")
