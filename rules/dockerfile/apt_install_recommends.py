from __future__ import annotations

from typing import Iterator

from linter.api import (
    Command, Context, Dockerfile, Instruction, Report, Severity, Target, packages, report, rule, run_commands,
    with_onbuild,
)


def _disables_recommends(cmd: Command) -> bool:
    if cmd.has_flag("--no-install-recommends"):
        return True
    return any(a.split("APT::Install-Recommends", 1)[-1].lstrip("=\"' ").lower().startswith(("false", "0"))
               for a in cmd.args if "APT::Install-Recommends" in a)


def _configures_no_recommends(cmd: Command) -> bool:
    """`echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/...` style configuration."""
    if cmd.name not in ("echo", "printf"):
        return False
    text = " ".join(cmd.args)
    return "Install-Recommends" in text and ('"false"' in text or '"0"' in text or "false" in text.lower())


@rule(
    id="DF111", name="apt-install-recommends", target=Target.DOCKERFILE, severity=Severity.INFO,
    summary="apt-get install without --no-install-recommends pulls in extra packages",
    remediation="Add `--no-install-recommends` to `apt-get install`",
    aliases=("DL3015",),
    references=("https://github.com/hadolint/hadolint/wiki/DL3015",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `apt-get install` (also inside `ONBUILD`, `sh -c`, behind `sudo`) without
    `--no-install-recommends` or `-o APT::Install-Recommends=false`. Unlike hadolint, an
    apt configuration written earlier in the stage (or the stages it builds from), such as
    `echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/99norecommends`, is
    honoured.

    ## Why it matters
    Recommended packages are not needed to run the software; they grow the image and its
    attack surface, often by hundreds of megabytes.

    ## Example
    ```dockerfile
    FROM debian:bookworm-slim
    RUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm-slim
    RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\
        && rm -rf /var/lib/apt/lists/*
    ```
    """
    configured: set[int] = set()  # stages whose apt configuration disables recommends

    def stage_configured(instr: Instruction) -> bool:
        seen: set[int] = set()
        idx: int | None = instr.stage
        while idx is not None and idx >= 0 and idx not in seen and idx < len(df.stages):
            if idx in configured:
                return True
            seen.add(idx)
            idx = df.stages[idx].parent
        return False

    for instr in with_onbuild(df, "RUN"):
        cmds = run_commands(instr)
        if any(_configures_no_recommends(c) for c in cmds):
            configured.add(instr.stage)
        if stage_configured(instr):
            continue
        if any(c.name == "apt-get" and "install" in c.args and not _disables_recommends(c)
               and not packages.apt_get_simulates(c) for c in cmds):
            yield report(instr, "apt-get install without `--no-install-recommends`")
