from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.buildsteps import has_cache_mount, runs
from linter.sources.buildsteps import shipped_stages
from linter.sources.pkgspec import subcommand

CACHE = "/var/cache/zypp"


@rule(
    id="DF202", name="zypper-cache-not-cleaned", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="`zypper install` leaves its package cache in the layer",
    remediation="End the RUN with `&& zypper clean --all`, or mount a cache: `RUN --mount=type=cache,target=/var/cache/zypp`",
    aliases=("DL3036",), references=("https://github.com/hadolint/hadolint/wiki/DL3036",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `RUN` (or `ONBUILD RUN`) with `zypper install`/`in` but no `zypper clean`/`cc` in the
    same instruction. Deleting `/var/cache/zypp` with `rm` or mounting it with
    `RUN --mount=type=cache,target=/var/cache/zypp` also counts (hadolint does not know these).
    A named builder stage that only feeds `COPY --from` is not checked (hadolint checks them): its cache never
    reaches a built image.

    ## Why it matters
    The downloaded packages stay in the layer even if a later RUN deletes them.

    ## Example
    ```dockerfile
    FROM opensuse/leap:15.6
    RUN zypper -n install curl=8.6.0
    ```

    ## Use instead
    ```dockerfile
    FROM opensuse/leap:15.6
    RUN zypper -n install curl=8.6.0 && zypper clean --all
    ```
    """
    shipped = shipped_stages(df)
    for instr, cmds in runs(df):
        if instr.stage not in shipped:
            continue
        installs = any(c.name == "zypper" and subcommand(c, "zypper")[0] in ("install", "in") for c in cmds)
        if not installs or has_cache_mount(instr, CACHE):
            continue
        cleaned = any(
            (c.name == "zypper" and subcommand(c, "zypper")[0] in ("clean", "cc"))
            or (c.name == "rm" and any(a.startswith(CACHE) for a in c.args))
            for c in cmds
        )
        if not cleaned:
            yield report(instr, "`zypper install` without `zypper clean` in the same RUN")
