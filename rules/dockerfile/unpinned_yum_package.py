from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, packages, report, rule, run_commands, with_onbuild


def _pinned(pkg: str, is_module: bool) -> bool:
    if packages.is_variable(pkg):
        return True
    if is_module:
        return ":" in pkg
    return "-" in pkg or pkg.endswith(".rpm")


@rule(
    id="DF127", name="unpinned-yum-package", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="yum install without version pins",
    remediation="Pin versions: `yum install -y <package>-<version>` (`<module>:<stream>` for modules)",
    aliases=("DL3033",),
    enabled_by_default=False,
    references=("https://github.com/hadolint/hadolint/wiki/DL3033",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `yum install` (also inside `ONBUILD`) of a package without a `-<version>` suffix and not a
    local `.rpm`, and `yum module install` of a module without a `:<stream>`. As in hadolint,
    any `-` counts as a version separator. Unlike hadolint, package lists in variables are not
    flagged and option values (`-c file`, `--releasever 8`) are not taken for packages.

    Off by default (on in `extends: strict`), unlike hadolint: distribution repositories
    drop superseded versions, so exact pins break rebuilds within weeks; it is hadolint's
    most often ignored rule and the official images do not pin. Turn it on where
    reproducibility matters more than picking up security updates.

    ## Why it matters
    Unpinned packages make the image depend on the day it was built.

    ## Example
    ```dockerfile
    FROM centos:7
    RUN yum install -y httpd && yum clean all
    ```

    ## Use instead
    ```dockerfile
    FROM centos:7
    RUN yum install -y httpd-2.4.6 && yum clean all
    ```
    """
    for instr in with_onbuild(df, "RUN"):
        loose: list[str] = []
        for cmd in run_commands(instr):
            found = packages.yum_install_packages(cmd)
            if found:
                pkgs, is_module = found
                loose.extend(p for p in pkgs if not _pinned(p, is_module))
        if loose:
            names = ", ".join(f"`{p}`" for p in dict.fromkeys(loose))
            yield report(instr, f"yum install without a version pin: {names}")
