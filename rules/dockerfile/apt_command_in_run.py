from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule, run_commands, with_onbuild


@rule(
    id="DF122", name="apt-command-in-run", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="RUN uses `apt`, the interactive front end, instead of apt-get/apt-cache",
    remediation="Use `apt-get` (or `apt-cache`) in scripts",
    aliases=("DL3027", "CKV_DOCKER_9"),
    references=("https://github.com/hadolint/hadolint/wiki/DL3027",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `RUN` (also inside `ONBUILD`) that runs the `apt` command (after `&&`, in `if`, behind
    `sudo`, in `sh -c`). `apt-get`, `apt-cache` and an argument named `apt` do not count.

    ## Why it matters
    `apt` is meant for people at a terminal: its command line interface is not stable and it
    warns so on every non-interactive use; scripts should use apt-get.

    ## Example
    ```dockerfile
    FROM ubuntu:24.04
    RUN apt update && apt install -y curl
    ```

    ## Use instead
    ```dockerfile
    FROM ubuntu:24.04
    RUN apt-get update && apt-get install -y curl
    ```
    """
    for instr in with_onbuild(df, "RUN"):
        if any(c.name == "apt" for c in run_commands(instr)):
            yield report(instr, "RUN uses `apt`; use `apt-get` or `apt-cache` in scripts")
