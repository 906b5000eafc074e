from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule, run_commands, with_onbuild


@rule(
    id="DF103", name="sudo-in-run", target=Target.DOCKERFILE, severity=Severity.ERROR,
    summary="RUN uses sudo",
    remediation="Switch with `USER root` for the steps that need it (or use gosu/su-exec at run time)",
    aliases=("DL3004", "CKV2_DOCKER_1"),
    references=("https://github.com/hadolint/hadolint/wiki/DL3004",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `RUN` (also inside `ONBUILD`) that runs a command through `sudo`, wherever it sits in
    the script (after `&&`, in `if`, in `sh -c '...'`). A mention of sudo as an argument,
    such as `apt-get install sudo`, does not count.

    ## Why it matters
    sudo has unpredictable TTY and signal behaviour, needs a sudoers setup in the image and
    hands root to whoever runs the container. USER switches are explicit and auditable.

    ## Example
    ```dockerfile
    FROM ubuntu:24.04
    USER app
    RUN sudo apt-get update
    ```

    ## Use instead
    ```dockerfile
    FROM ubuntu:24.04
    RUN apt-get update
    USER app
    ```
    """
    for instr in with_onbuild(df, "RUN"):
        if any(c.name == "sudo" or "sudo" in c.wrappers for c in run_commands(instr)):
            yield report(instr, "RUN uses `sudo`; switch users with USER instead")
