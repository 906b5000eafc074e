from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, packages, report, rule, run_commands, with_onbuild

VERSION_SYMBOLS = ("==", ">=", "<=", ">", "<", "!=", "~=", "===")
VCS_PREFIXES = ("git+", "hg+", "svn+", "bzr+", "git:", "svn:")
# Upgrading the installer itself is not an application dependency.
TOOLING = {"pip", "setuptools", "wheel"}


def _pinned(pkg: str) -> bool:
    if any(s in pkg for s in VERSION_SYMBOLS) or packages.is_variable(pkg):
        return True
    if pkg.startswith(VCS_PREFIXES):
        return "@" in pkg
    return pkg.endswith((".whl", ".tar.gz", ".zip")) or "/" in pkg or pkg in (".", "..")


@rule(
    id="DF109", name="unpinned-pip-package", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="pip install without version pins",
    remediation="Pin versions (`pip install <package>==<version>`) or install from a requirements/constraints file",
    aliases=("DL3013",),
    references=("https://github.com/hadolint/hadolint/wiki/DL3013",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `pip install` (`pip3`, `pip3.12`, `python -m pip`; also inside `ONBUILD`) of a package
    with no version specifier (`==`, `>=`, `~=`, ...), not a VCS URL pinned with `@`, not a
    local path or archive. Installs from `-r/--requirement`, with `-c/--constraint`, or of
    `.` are not checked. Unlike hadolint, `pip install --upgrade pip setuptools wheel`
    (upgrading the installer itself) and package lists in variables are not flagged, and
    the values of options such as `--index-url=...` are never taken for packages.

    ## Why it matters
    Unpinned packages make each build pull whatever is newest: builds are not reproducible
    and a bad release breaks the image.

    ## Example
    ```dockerfile
    FROM python:3.12-slim
    RUN pip install --no-cache-dir flask
    ```

    ## Use instead
    ```dockerfile
    FROM python:3.12-slim
    RUN pip install --no-cache-dir flask==3.0.3
    ```
    """
    for instr in with_onbuild(df, "RUN"):
        loose: list[str] = []
        for cmd in run_commands(instr):
            pkgs = packages.pip_install_packages(cmd)
            if not pkgs:
                continue
            if cmd.has_flag("-r", "--requirement", "-c", "--constraint") or "." in pkgs:
                continue
            bad = [p for p in pkgs if not _pinned(p)]
            if bad and cmd.has_flag("-U", "--upgrade") and all(p.lower() in TOOLING for p in bad):
                continue
            loose.extend(bad)
        if loose:
            names = ", ".join(f"`{p}`" for p in dict.fromkeys(loose))
            yield report(instr, f"pip install without a version pin: {names}")
