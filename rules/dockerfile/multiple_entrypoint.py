from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule


@rule(
    id="DF235", name="multiple-entrypoint", target=Target.DOCKERFILE, severity=Severity.ERROR,
    summary="A stage has more than one `ENTRYPOINT`; only the last takes effect",
    remediation="Keep one `ENTRYPOINT` per stage",
    aliases=("DL4004",), references=("https://github.com/hadolint/hadolint/wiki/DL4004",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Every `ENTRYPOINT` after the first one of the same stage.

    ## Why it matters
    Docker keeps only the last `ENTRYPOINT`: the earlier ones are dead code that readers take for
    the real one.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    ENTRYPOINT ["/docker-entrypoint.sh"]
    ENTRYPOINT ["/app"]
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    ENTRYPOINT ["/app"]
    ```
    """
    seen: set[int] = set()
    for instr in df.instructions_of("ENTRYPOINT"):
        if instr.stage in seen:
            yield report(instr, "another `ENTRYPOINT` earlier in this stage is overridden")
        seen.add(instr.stage)
