from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.buildsteps import has_cache_mount, runs
from linter.sources.buildsteps import shipped_stages
from linter.sources.pkgspec import is_dnf, subcommand

CACHES = ("/var/cache/dnf", "/var/cache/yum", "/var/cache/libdnf5")


@rule(
    id="DF205", name="dnf-cache-not-cleaned", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="`dnf install` leaves its metadata and package cache in the layer",
    remediation="End the RUN with `&& dnf clean all`, or mount a cache: `RUN --mount=type=cache,target=/var/cache/dnf`",
    aliases=("DL3040",), references=("https://github.com/hadolint/hadolint/wiki/DL3040",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `RUN` (or `ONBUILD RUN`) with `dnf`/`microdnf install` but no `dnf clean` (`all`,
    `metadata`, `packages`, as hadolint accepts) or `rm -rf /var/cache/dnf` in the same instruction. A cache mount on `/var/cache/dnf`
    (`RUN --mount=type=cache,target=/var/cache/dnf`) is a valid alternative that hadolint
    does not recognise.
    A named builder stage that only feeds `COPY --from` is not checked (hadolint checks them): its cache never
    reaches a built image.

    ## Why it matters
    The repository metadata and downloaded RPMs stay in the layer: tens of megabytes.

    ## Example
    ```dockerfile
    FROM fedora:40
    RUN dnf install -y httpd-2.4.62
    ```

    ## Use instead
    ```dockerfile
    FROM fedora:40
    RUN dnf install -y httpd-2.4.62 && dnf clean all
    ```
    """
    shipped = shipped_stages(df)
    for instr, cmds in runs(df):
        if instr.stage not in shipped:
            continue
        installs = [c for c in cmds if is_dnf(c) and "install" in subcommand(c, "dnf")[0]
                    or is_dnf(c) and subcommand(c, "dnf")[0] == "module"]
        if not installs or has_cache_mount(instr, *CACHES):
            continue
        cleaned = any(
            (is_dnf(c) and subcommand(c, "dnf")[0] == "clean")
            or (c.name == "rm" and any(a.startswith(CACHES) for a in c.args))
            for c in cmds
        )
        if not cleaned:
            yield report(instr, f"`{installs[0].name} install` without `{installs[0].name} clean all` in the same RUN")
