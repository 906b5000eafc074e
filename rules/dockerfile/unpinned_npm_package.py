from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, packages, report, rule, run_commands, with_onbuild

GIT_PREFIXES = ("git://", "git+ssh://", "git+http://", "git+https://")
PATH_PREFIXES = ("/", "./", "../", "~/")
TARBALL_SUFFIXES = (".tar", ".tar.gz", ".tgz")


def _pinned(pkg: str) -> bool:
    if packages.is_variable(pkg):
        return True
    if pkg.startswith(GIT_PREFIXES):
        return "#" in pkg
    if pkg.endswith(TARBALL_SUFFIXES) or pkg.startswith(PATH_PREFIXES) or pkg in (".", ".."):
        return True
    name = pkg.split("/", 1)[-1] if pkg.startswith("@") else pkg  # drop the @scope/
    return "@" in name


@rule(
    id="DF112", name="unpinned-npm-package", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="npm install <package> without a version",
    remediation="Pin versions: `npm install <package>@<version>` (or `npm ci` with a lockfile)",
    aliases=("DL3016",),
    references=("https://github.com/hadolint/hadolint/wiki/DL3016",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `npm install <package>` (also inside `ONBUILD`) where a package has no `@<version>` or
    `@<tag>` (after its `@scope/`), is not a git URL pinned with `#<commit>`, a tarball or a
    folder. `npm install` with no package (from package.json) is fine. Unlike hadolint, the
    values of options such as `--registry https://...` are not taken for packages and package
    lists in variables are not flagged.

    ## Why it matters
    Unpinned packages make each build pull whatever is newest: builds are not reproducible.

    ## Example
    ```dockerfile
    FROM node:20-alpine
    RUN npm install -g typescript
    ```

    ## Use instead
    ```dockerfile
    FROM node:20-alpine
    RUN npm install -g typescript@5.5.4
    ```
    """
    for instr in with_onbuild(df, "RUN"):
        loose: list[str] = []
        for cmd in run_commands(instr):
            pkgs = packages.npm_install_packages(cmd)
            if pkgs:
                loose.extend(p for p in pkgs if not _pinned(p))
        if loose:
            names = ", ".join(f"`{p}`" for p in dict.fromkeys(loose))
            yield report(instr, f"npm install without a version: {names}")
