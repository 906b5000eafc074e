from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule, run_commands, with_onbuild

INSTALLS = {"install", "groupinstall", "localinstall"}


@rule(
    id="DF125", name="yum-install-without-yes", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="yum install without -y waits for a confirmation the build cannot give",
    remediation="Add `-y`: `yum install -y <package>`",
    aliases=("DL3030",),
    references=("https://github.com/hadolint/hadolint/wiki/DL3030",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `yum install`, `groupinstall` or `localinstall` (also inside `ONBUILD`, `sh -c`, behind
    `sudo`) without `-y` or `--assumeyes`.

    ## Why it matters
    Without it yum asks for confirmation; a build has no terminal, so the install aborts.

    ## Example
    ```dockerfile
    FROM centos:7
    RUN yum install httpd-2.4.6 && yum clean all
    ```

    ## Use instead
    ```dockerfile
    FROM centos:7
    RUN yum install -y httpd-2.4.6 && yum clean all
    ```
    """
    for instr in with_onbuild(df, "RUN"):
        for cmd in run_commands(instr):
            if cmd.name == "yum" and INSTALLS.intersection(cmd.args) and not cmd.has_flag("-y", "--assumeyes"):
                yield report(instr, "yum install without `-y`")
                break
