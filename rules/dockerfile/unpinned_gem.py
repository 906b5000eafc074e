from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, packages, report, rule, run_commands, with_onbuild


def _pinned(gem: str) -> bool:
    return ":" in gem or gem.endswith(".gem") or packages.is_variable(gem)


@rule(
    id="DF123", name="unpinned-gem", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="gem install without a version",
    remediation="Pin versions: `gem install <gem>:<version>` or `gem install <gem> -v <version>`",
    aliases=("DL3028",),
    references=("https://github.com/hadolint/hadolint/wiki/DL3028",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `gem install` / `gem i` (also inside `ONBUILD`) of a gem with no `:<version>` and no
    `-v/--version` on the command; local `.gem` files are fine. Unlike hadolint, the values
    of options such as `-n /usr/local/bin` or `--source URL` are not taken for gems.

    ## Why it matters
    Unpinned gems make each build pull whatever is newest: builds are not reproducible.

    ## Example
    ```dockerfile
    FROM ruby:3.3-slim
    RUN gem install bundler
    ```

    ## Use instead
    ```dockerfile
    FROM ruby:3.3-slim
    RUN gem install bundler:2.5.16
    ```
    """
    for instr in with_onbuild(df, "RUN"):
        loose: list[str] = []
        for cmd in run_commands(instr):
            gems = packages.gem_install_packages(cmd)
            if gems:
                loose.extend(g for g in gems if not _pinned(g))
        if loose:
            names = ", ".join(f"`{g}`" for g in dict.fromkeys(loose))
            yield report(instr, f"gem install without a version: {names}")
