from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule


@rule(
    id="DF108", name="multiple-healthcheck", target=Target.DOCKERFILE, severity=Severity.ERROR,
    summary="A stage has more than one HEALTHCHECK; only the last one counts",
    remediation="Keep a single HEALTHCHECK per stage",
    aliases=("DL3012",),
    references=("https://github.com/hadolint/hadolint/wiki/DL3012",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A second (third, ...) `HEALTHCHECK` in the same stage; each extra one is reported.

    ## Why it matters
    Docker keeps only the last HEALTHCHECK of an image: the earlier ones are dead code that
    a reader takes for the real check.

    ## Example
    ```dockerfile
    FROM nginx:1.27
    HEALTHCHECK CMD curl -f http://localhost/ || exit 1
    HEALTHCHECK CMD wget -q -O- http://localhost/ || exit 1
    ```

    ## Use instead
    ```dockerfile
    FROM nginx:1.27
    HEALTHCHECK CMD curl -f http://localhost/ || exit 1
    ```
    """
    for stage in df.stages:
        checks = [i for i in stage.instructions if i.keyword == "HEALTHCHECK"]
        for extra in checks[1:]:
            yield report(extra, f"stage already has a HEALTHCHECK on line {checks[0].line}; only the last one counts")
