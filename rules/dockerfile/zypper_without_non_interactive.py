from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.buildsteps import runs
from linter.sources.pkgspec import subcommand

CHANGING = {"install", "in", "remove", "rm", "source-install", "si", "patch"}
YES = ("-y", "--no-confirm", "-n", "--non-interactive")


@rule(
    id="DF200", name="zypper-without-non-interactive", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="A `zypper` command that changes packages can stop at a confirmation prompt",
    remediation="Use `zypper --non-interactive install ...` or `zypper install -y ...`",
    aliases=("DL3034",), references=("https://github.com/hadolint/hadolint/wiki/DL3034",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `zypper install|in|remove|rm|source-install|si|patch` in a `RUN` (also after `&&`, inside
    `if`, `sh -c` and `ONBUILD RUN`) without `-y`/`--no-confirm` or the global
    `-n`/`--non-interactive`.

    ## Why it matters
    A build has no terminal: a confirmation prompt aborts it or makes it hang.

    ## Example
    ```dockerfile
    FROM opensuse/leap:15.6
    RUN zypper install curl=8.6.0 && zypper clean
    ```

    ## Use instead
    ```dockerfile
    FROM opensuse/leap:15.6
    RUN zypper --non-interactive install curl=8.6.0 && zypper clean
    ```
    """
    for instr, cmds in runs(df):
        for cmd in cmds:
            if cmd.name == "zypper" and subcommand(cmd, "zypper")[0] in CHANGING and not cmd.has_flag(*YES):
                yield report(instr, "`zypper` runs without `--non-interactive`/`-y`")
                break
