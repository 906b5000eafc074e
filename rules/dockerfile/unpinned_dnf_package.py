from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.buildsteps import runs
from linter.sources.pkgspec import dnf_packages, is_variable


def _pinned(package: str) -> bool:
    return "-" in package or package.endswith(".rpm") or is_variable(package) or ":" in package


@rule(
    id="DF206", name="unpinned-dnf-package", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="`dnf install` of a package without a version",
    remediation="Pin the version: `dnf install -y <package>-<version>`",
    aliases=("DL3041",), references=("https://github.com/hadolint/hadolint/wiki/DL3041",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Packages of `dnf`/`microdnf install` written without a version (`name-version`), that are
    not a local `.rpm`, a module stream (`nodejs:20`) or a variable. Values of options such
    as `--enablerepo crb` are not taken for packages.

    ## Why it matters
    Unpinned packages make the image change from one build to the next.

    ## Example
    ```dockerfile
    FROM fedora:40
    RUN dnf install -y httpd && dnf clean all
    ```

    ## Use instead
    ```dockerfile
    FROM fedora:40
    RUN dnf install -y httpd-2.4.62 && dnf clean all
    ```
    """
    for instr, cmds in runs(df):
        loose = [p for c in cmds for p in dnf_packages(c) if not _pinned(p)]
        if loose:
            yield report(instr, f"`dnf install` of unpinned package `{loose[0]}`")
