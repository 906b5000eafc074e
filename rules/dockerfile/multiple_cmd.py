from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule


@rule(
    id="DF234", name="multiple-cmd", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="A stage has more than one `CMD`; only the last takes effect",
    remediation="Keep one `CMD` per stage",
    aliases=("DL4003",), references=("https://github.com/hadolint/hadolint/wiki/DL4003",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Every `CMD` after the first one of the same stage.

    ## Why it matters
    Docker keeps only the last `CMD`: the earlier ones are dead code that readers take for
    the real one.

    ## Example
    ```dockerfile
    FROM nginx:1.27
    CMD ["nginx"]
    CMD ["nginx", "-g", "daemon off;"]
    ```

    ## Use instead
    ```dockerfile
    FROM nginx:1.27
    CMD ["nginx", "-g", "daemon off;"]
    ```
    """
    seen: set[int] = set()
    for instr in df.instructions_of("CMD"):
        if instr.stage in seen:
            yield report(instr, "another `CMD` earlier in this stage is overridden")
        seen.add(instr.stage)
