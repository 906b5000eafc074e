from __future__ import annotations

from typing import Iterator

from linter.api import (
    Command, Context, Dockerfile, Report, Severity, Target, has_cache_mount, report, rule, run_commands,
    stages_in_final_image, with_onbuild,
)

LISTS = "/var/lib/apt/lists"


def _deletes_lists(cmd: Command) -> bool:
    if cmd.name == "rm" and cmd.has_flag("-r", "-R", "--recursive"):
        return any(a.rstrip("/*").startswith(LISTS) or a.startswith(LISTS) for a in cmd.args)
    if cmd.name in ("apt-get", "apt") and "dist-clean" in cmd.args:  # apt >= 2.9 deletes the lists
        return True
    if cmd.name == "find" and cmd.args and cmd.args[0].startswith(LISTS) and "-delete" in cmd.args:
        return True
    return False


@rule(
    id="DF105", name="apt-lists-not-deleted", target=Target.DOCKERFILE, severity=Severity.INFO,
    summary="apt-get update without deleting /var/lib/apt/lists in the same RUN",
    remediation="End the RUN with `&& rm -rf /var/lib/apt/lists/*`, or use a cache mount for /var/lib/apt",
    aliases=("DL3009",),
    references=("https://github.com/hadolint/hadolint/wiki/DL3009",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `RUN` (also inside `ONBUILD`) that runs `apt-get update` but does not delete
    `/var/lib/apt/lists` (`rm -rf /var/lib/apt/lists/*`, any `rm -r` spelling,
    `find /var/lib/apt/lists -delete`, or `apt-get dist-clean` of apt 2.9+) in the same RUN. A BuildKit cache mount on
    `/var/lib/apt` or `/var/cache/apt` (`RUN --mount=type=cache,target=/var/cache/apt`) is an
    accepted alternative. Only stages that end up in the image are checked: the final stage
    and the stages it is built `FROM`; a builder stage left behind costs nothing.

    ## Why it matters
    The package lists add tens of megabytes to the layer; deleting them in a later RUN does
    not shrink the image, and stale lists make a later `apt-get install` fail.

    ## Example
    ```dockerfile
    FROM debian:bookworm-slim
    RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm-slim
    RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\
        && rm -rf /var/lib/apt/lists/*
    ```
    """
    shipped = stages_in_final_image(df)
    for instr in with_onbuild(df, "RUN"):
        if df.stages and instr.stage not in shipped and instr.stage >= 0:
            continue
        cmds = run_commands(instr)
        if not any(c.name == "apt-get" and "update" in c.args for c in cmds):
            continue
        if any(_deletes_lists(c) for c in cmds):
            continue
        if has_cache_mount(instr, "/var/lib/apt", "/var/cache/apt"):
            continue
        yield report(instr, "apt-get update without `rm -rf /var/lib/apt/lists/*` in the same RUN")
