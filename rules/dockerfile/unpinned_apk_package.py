from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, packages, report, rule, run_commands, with_onbuild


def _pinned(pkg: str) -> bool:
    return "=" in pkg or "~" in pkg or pkg.endswith(".apk") or packages.is_variable(pkg)


@rule(
    id="DF113", name="unpinned-apk-package", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="apk add without version pins",
    remediation="Pin versions: `apk add <package>=<version>` (or `~<version>` for a minor series)",
    aliases=("DL3018",),
    enabled_by_default=False,
    references=("https://github.com/hadolint/hadolint/wiki/DL3018",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `apk add` (also inside `ONBUILD`, `sh -c`, behind `sudo`) of a package with no `=` or
    `~` version and not a local `.apk` file. The values of `--virtual/-t`, `--repository/-X`
    and similar options are not packages; unlike hadolint, package lists in variables are
    not flagged.

    Off by default (on in `extends: strict`), unlike hadolint: distribution repositories
    drop superseded versions, so exact pins break rebuilds within weeks; it is hadolint's
    most often ignored rule and the official images do not pin. Turn it on where
    reproducibility matters more than picking up security updates.

    ## Why it matters
    Unpinned packages make the image depend on the day it was built.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    RUN apk add --no-cache curl
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    RUN apk add --no-cache curl=8.9.1-r0
    ```
    """
    for instr in with_onbuild(df, "RUN"):
        loose: list[str] = []
        for cmd in run_commands(instr):
            pkgs = packages.apk_add_packages(cmd)
            if pkgs:
                loose.extend(p for p in pkgs if not _pinned(p))
        if loose:
            names = ", ".join(f"`{p}`" for p in dict.fromkeys(loose))
            yield report(instr, f"apk add without a version pin: {names}")
