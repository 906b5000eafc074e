from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.buildsteps import runs
from linter.sources.pkgspec import is_variable, zypper_packages


def _pinned(package: str) -> bool:
    return any(op in package for op in ("=", ">", "<")) or package.endswith(".rpm") or is_variable(package)


@rule(
    id="DF203", name="unpinned-zypper-package", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="`zypper install` of a package without a version",
    remediation="Pin the version: `zypper install -y <package>=<version>`",
    aliases=("DL3037",), references=("https://github.com/hadolint/hadolint/wiki/DL3037",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Packages of `zypper install`/`in` without a version constraint (`=`, `>=`, `>`, `<=`, `<`)
    and not a local `.rpm`. Values of options such as `--repo name` are not mistaken for
    packages, and a package given through a variable (`$PKGS`) is not judged.

    ## Why it matters
    Unpinned packages make the image change from one build to the next.

    ## Example
    ```dockerfile
    FROM opensuse/leap:15.6
    RUN zypper -n install curl && zypper clean
    ```

    ## Use instead
    ```dockerfile
    FROM opensuse/leap:15.6
    RUN zypper -n install curl=8.6.0 && zypper clean
    ```
    """
    for instr, cmds in runs(df):
        loose = [p for c in cmds for p in zypper_packages(c) if not _pinned(p)]
        if loose:
            yield report(instr, f"`zypper install` of unpinned package `{loose[0]}`")
