from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.buildsteps import runs
from linter.sources.pkgspec import is_dnf, subcommand



@rule(
    id="DF204", name="dnf-without-yes", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="A `dnf`/`microdnf` install can stop at a confirmation prompt",
    remediation="Use `dnf install -y <package>`",
    aliases=("DL3038",), references=("https://github.com/hadolint/hadolint/wiki/DL3038",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `dnf`/`microdnf install|groupinstall|localinstall` (and `module install`) in a `RUN` or
    `ONBUILD RUN` without `-y`/`--assumeyes`.

    ## Why it matters
    A build has no terminal: a confirmation prompt aborts it.

    ## Example
    ```dockerfile
    FROM fedora:40
    RUN dnf install httpd-2.4.62 && dnf clean all
    ```

    ## Use instead
    ```dockerfile
    FROM fedora:40
    RUN dnf install -y httpd-2.4.62 && dnf clean all
    ```
    """
    for instr, cmds in runs(df):
        for cmd in cmds:
            if not is_dnf(cmd):
                continue
            sub, rest = subcommand(cmd, "dnf")
            if sub == "module" and rest:
                sub = rest[0]
            if sub in ("install", "groupinstall", "localinstall") and not cmd.has_flag("-y", "--assumeyes"):
                yield report(instr, f"`{cmd.name} {sub}` runs without `-y`")
                break
