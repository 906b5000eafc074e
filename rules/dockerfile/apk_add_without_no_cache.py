from __future__ import annotations

from typing import Iterator

from linter.api import (
    Command, Context, Dockerfile, Report, Severity, Target, has_cache_mount, report, rule, run_commands,
    with_onbuild,
)

APK_CACHE = "/var/cache/apk"


def _deletes_cache(cmd: Command) -> bool:
    return cmd.name == "rm" and any(a.startswith(APK_CACHE) for a in cmd.args) or (
        cmd.name == "apk" and "cache" in cmd.args and "clean" in cmd.args)


@rule(
    id="DF114", name="apk-add-without-no-cache", target=Target.DOCKERFILE, severity=Severity.INFO,
    summary="apk add without --no-cache leaves the package index in the image",
    remediation="Use `apk add --no-cache <package>`",
    aliases=("DL3019",),
    references=("https://github.com/hadolint/hadolint/wiki/DL3019",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `apk add` (also inside `ONBUILD`, `sh -c`, behind `sudo`) without `--no-cache`
    (`--no-network`, which fetches no index, is accepted too). Unlike
    hadolint, a RUN that deletes `/var/cache/apk` itself (`rm -rf /var/cache/apk/*`) or uses
    a BuildKit cache mount on `/var/cache/apk` is accepted.

    ## Why it matters
    The package index stays in the layer; `--no-cache` fetches it to a temporary place and
    makes `apk update` and the cleanup unnecessary.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    RUN apk add curl=8.9.1-r0
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    RUN apk add --no-cache curl=8.9.1-r0
    ```
    """
    for instr in with_onbuild(df, "RUN"):
        cmds = run_commands(instr)
        if not any(c.name == "apk" and "add" in c.args and not c.has_flag("--no-cache", "--no-network") for c in cmds):
            continue
        if any(_deletes_cache(c) for c in cmds) or has_cache_mount(instr, APK_CACHE, "/etc/apk/cache"):
            continue
        yield report(instr, "apk add without `--no-cache`")
