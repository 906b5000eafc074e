from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule


@rule(
    id="DF232", name="deprecated-maintainer", target=Target.DOCKERFILE, severity=Severity.ERROR,
    summary="`MAINTAINER` is deprecated",
    remediation='Use `LABEL org.opencontainers.image.authors="name <email>"`',
    aliases=("DL4000", "CKV_DOCKER_6"), references=("https://github.com/hadolint/hadolint/wiki/DL4000",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Any `MAINTAINER` instruction.

    ## Why it matters
    Docker deprecated `MAINTAINER` in favour of labels, which tools can query; BuildKit warns
    about it (`MaintainerDeprecated`).

    ## Example
    ```dockerfile
    FROM alpine:3.20
    MAINTAINER Jane Doe <jane@example.com>
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
    ```
    """
    for instr in df.instructions_of("MAINTAINER"):
        yield report(instr, "MAINTAINER is deprecated; use a LABEL")
