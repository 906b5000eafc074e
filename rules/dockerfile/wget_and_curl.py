from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.buildsteps import onbuild_trigger, run_commands_of

TOOLS = ("curl", "wget")


@rule(
    id="DF233", name="wget-and-curl", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="A stage uses both `wget` and `curl`",
    remediation="Pick one download tool per stage and use it everywhere",
    aliases=("DL4001",), references=("https://github.com/hadolint/hadolint/wiki/DL4001",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Within one stage, every `RUN` that calls `curl` or `wget` once both tools have been used
    (the RUN that introduces the second tool and every later one). `ONBUILD RUN` triggers are
    judged among themselves.

    ## Why it matters
    Two tools for the same job means two packages to install, patch and scan.

    ## Example
    ```dockerfile
    FROM debian:12
    RUN wget -q https://example.com/a.tgz
    RUN curl -fsSLO https://example.com/b.tgz
    ```

    ## Use instead
    ```dockerfile
    FROM debian:12
    RUN curl -fsSLO https://example.com/a.tgz
    RUN curl -fsSLO https://example.com/b.tgz
    ```
    """
    for stage in df.stages:
        used: dict[bool, set[str]] = {False: set(), True: set()}
        for instr in stage.instructions:
            trigger = onbuild_trigger(instr)
            onbuild = trigger is not None
            run = trigger if onbuild else instr
            if run is None or run.keyword != "RUN":
                continue
            tools = {c.name for c in run_commands_of(run) if c.name in TOOLS}
            used[onbuild] |= tools
            if tools and len(used[onbuild]) == 2:
                yield report(run, "this stage uses both `wget` and `curl`")
