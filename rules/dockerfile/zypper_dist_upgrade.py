from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.buildsteps import runs
from linter.sources.pkgspec import subcommand


@rule(
    id="DF201", name="zypper-dist-upgrade", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="`zypper dist-upgrade` in a build upgrades the whole distribution",
    remediation="Use a newer base image, or `zypper update <package>` for the packages you need",
    aliases=("DL3035",), references=("https://github.com/hadolint/hadolint/wiki/DL3035",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `zypper dist-upgrade` or `zypper dup` in a `RUN` (also inside `ONBUILD`).

    ## Why it matters
    A distribution upgrade inside an image makes the build unreproducible and large; the base
    image maintainer should ship the upgraded distribution.

    ## Example
    ```dockerfile
    FROM opensuse/leap:15.6
    RUN zypper -n dist-upgrade
    ```

    ## Use instead
    ```dockerfile
    FROM opensuse/leap:15.6
    RUN zypper -n update
    ```
    """
    for instr, cmds in runs(df):
        for cmd in cmds:
            if cmd.name == "zypper" and subcommand(cmd, "zypper")[0] in ("dist-upgrade", "dup"):
                yield report(instr, "`zypper dist-upgrade` upgrades the whole distribution")
                break
