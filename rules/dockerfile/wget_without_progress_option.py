from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.buildsteps import runs

QUIET = ("--progress", "-q", "--quiet", "-o", "--output-file", "-a", "--append-output", "-nv", "--no-verbose")


@rule(
    id="DF212", name="wget-without-progress-option", target=Target.DOCKERFILE, severity=Severity.INFO,
    summary="`wget` without a progress option floods the build log",
    remediation="Use `wget --progress=dot:giga <url>`, or `-q`/`-nv`",
    aliases=("DL3047",), references=("https://github.com/hadolint/hadolint/wiki/DL3047",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `wget` in a `RUN` or `ONBUILD RUN` without `--progress=...`, `-q`/`--quiet`,
    `-nv`/`--no-verbose`, `-o`/`--output-file` or `-a`/`--append-output`.

    ## Why it matters
    Without a terminal wget's default bar prints a line per chunk: megabytes of build log.

    ## Example
    ```dockerfile
    FROM debian:12
    RUN wget https://example.com/tool.tar.gz
    ```

    ## Use instead
    ```dockerfile
    FROM debian:12
    RUN wget --progress=dot:giga https://example.com/tool.tar.gz
    ```
    """
    for instr, cmds in runs(df):
        if any(c.name == "wget" and not c.has_flag(*QUIET) for c in cmds):
            yield report(instr, "`wget` without `--progress`, `-q` or `-nv`")
