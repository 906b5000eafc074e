from __future__ import annotations

from typing import Iterator

from linter.api import (
    Command, Context, Dockerfile, Report, Severity, Target, has_cache_mount, report, rule, run_commands,
    stages_in_final_image, with_onbuild,
)

YUM_CACHE = "/var/cache/yum"


def _cleans(cmd: Command) -> bool:
    if cmd.name == "yum" and "clean" in cmd.args:
        return True
    return cmd.name == "rm" and any(a.startswith(YUM_CACHE) for a in cmd.args)


@rule(
    id="DF126", name="yum-cache-not-cleaned", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="yum install without `yum clean all` in the same RUN",
    remediation="End the RUN with `&& yum clean all` (or use a cache mount on /var/cache/yum)",
    aliases=("DL3032",),
    references=("https://github.com/hadolint/hadolint/wiki/DL3032",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `RUN` (also inside `ONBUILD`) with `yum install` but no `yum clean` in the same RUN.
    `rm -rf /var/cache/yum` and a BuildKit cache mount on `/var/cache/yum` are accepted.
    Unlike hadolint, only stages that end up in the image are checked (the final stage and
    the stages it is built `FROM`): a builder stage left behind costs nothing.

    ## Why it matters
    yum keeps downloaded packages and metadata in /var/cache/yum; cleaning them in a later
    layer does not shrink the image.

    ## Example
    ```dockerfile
    FROM centos:7
    RUN yum install -y httpd-2.4.6
    ```

    ## Use instead
    ```dockerfile
    FROM centos:7
    RUN yum install -y httpd-2.4.6 && yum clean all
    ```
    """
    shipped = stages_in_final_image(df)
    for instr in with_onbuild(df, "RUN"):
        if df.stages and instr.stage >= 0 and instr.stage not in shipped:
            continue
        cmds = run_commands(instr)
        if not any(c.name == "yum" and "install" in c.args for c in cmds):
            continue
        if any(_cleans(c) for c in cmds) or has_cache_mount(instr, YUM_CACHE):
            continue
        yield report(instr, "yum install without `yum clean all` in the same RUN")
