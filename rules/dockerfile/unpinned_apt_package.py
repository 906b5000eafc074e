from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, packages, report, rule, run_commands, with_onbuild


def _pinned(pkg: str) -> bool:
    # name=version, a release (name/bookworm-backports), or a local .deb file
    return "=" in pkg or "/" in pkg or pkg.endswith(".deb") or packages.is_variable(pkg)


@rule(
    id="DF104", name="unpinned-apt-package", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="apt-get install without version pins",
    remediation="Pin versions: `apt-get install <package>=<version>`",
    aliases=("DL3008",),
    enabled_by_default=False,
    references=("https://github.com/hadolint/hadolint/wiki/DL3008",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `apt-get install` (also inside `ONBUILD`, `sh -c`, behind `sudo`) of a package with no
    `=<version>`, no `/<release>` and not a local `.deb`. The values of `-t`/`-o` options are
    not packages, and unlike hadolint a package list in a variable (`$PACKAGES`) is not
    flagged: its content is unknown here.

    Off by default (on in `extends: strict`), unlike hadolint: distribution repositories
    drop superseded versions, so exact pins break rebuilds within weeks; it is hadolint's
    most often ignored rule and the official images do not pin. Turn it on where
    reproducibility matters more than picking up security updates.

    ## Why it matters
    Unpinned packages make the image depend on the day it was built: a rebuild silently
    brings in new versions.

    ## Example
    ```dockerfile
    FROM debian:bookworm-slim
    RUN apt-get update && apt-get install -y --no-install-recommends curl \\
        && rm -rf /var/lib/apt/lists/*
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm-slim
    RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\
        && rm -rf /var/lib/apt/lists/*
    ```
    """
    for instr in with_onbuild(df, "RUN"):
        loose: list[str] = []
        for cmd in run_commands(instr):
            pkgs = packages.apt_get_install_packages(cmd)
            if pkgs and not packages.apt_get_simulates(cmd):
                loose.extend(p for p in pkgs if not _pinned(p))
        if loose:
            names = ", ".join(f"`{p}`" for p in dict.fromkeys(loose))
            yield report(instr, f"apt-get install without a version pin: {names}")
