from __future__ import annotations

from typing import Iterator

from linter.api import (
    Command, Context, Dockerfile, Report, Severity, Target, packages, report, rule, run_commands, with_onbuild,
)

ASSUME_YES_OPTIONS = ("APT::Get::Assume-Yes=true", "APT::Get::Assume-Yes=1", "APT::Get::Assume-Yes=yes")


def _assumes_yes(cmd: Command) -> bool:
    if cmd.has_flag("-y", "--yes", "--assume-yes", "-q"):
        return True
    return any(a.endswith(ASSUME_YES_OPTIONS) for a in cmd.args)


@rule(
    id="DF110", name="apt-get-install-without-yes", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="apt-get install without -y waits for a confirmation the build cannot give",
    remediation="Add `-y`: `apt-get install -y <package>`",
    aliases=("DL3014",),
    references=("https://github.com/hadolint/hadolint/wiki/DL3014",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `apt-get install` (also inside `ONBUILD`, `sh -c`, behind `sudo`) without `-y`, `--yes`,
    `--assume-yes`, `-q`/`-qq` (as hadolint accepts) or `-o APT::Get::Assume-Yes=true`.
    Grouped short flags such as `-qy` count.

    ## Why it matters
    Without it apt-get asks for confirmation; a build has no terminal, so the install aborts.

    ## Example
    ```dockerfile
    FROM debian:bookworm-slim
    RUN apt-get update && apt-get install --no-install-recommends curl=7.88.1-10+deb12u8
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm-slim
    RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8
    ```
    """
    for instr in with_onbuild(df, "RUN"):
        for cmd in run_commands(instr):
            if cmd.name == "apt-get" and "install" in cmd.args and not _assumes_yes(cmd) \
                    and not packages.apt_get_simulates(cmd):
                yield report(instr, "apt-get install without `-y`")
                break
