from __future__ import annotations

import re
from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.dockerfile import _split_words, _unquote

WINDOWS_ABS = r"^[A-Za-z]:[\\/]"


def _destination(args: str, exec_form: list[str] | None) -> str | None:
    words = exec_form if exec_form is not None else _split_words(args)
    if len(words) < 2:
        return None
    return _unquote(words[-1])


@rule(
    id="DF210", name="relative-copy-without-workdir", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="`COPY` to a relative destination before any `WORKDIR`",
    remediation="Set `WORKDIR /app` first, or copy to an absolute path",
    aliases=("DL3045",), references=("https://github.com/hadolint/hadolint/wiki/DL3045",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `COPY` whose destination is relative (`.`, `app/`) in a stage where no `WORKDIR` was
    set yet, neither in the stage nor in a stage it builds `FROM`. Absolute paths (also
    Windows `C:\\`), and destinations starting with a variable are fine.

    ## Why it matters
    The destination then depends on the base image's working directory, which can change
    with a new base image and silently move the files.

    ## Example
    ```dockerfile
    FROM node:22-alpine
    COPY package.json .
    ```

    ## Use instead
    ```dockerfile
    FROM node:22-alpine
    WORKDIR /app
    COPY package.json .
    ```
    """
    has_workdir: set[int] = set()
    for stage in df.stages:
        workdir = stage.parent is not None and stage.parent in has_workdir
        for instr in stage.instructions:
            if instr.keyword == "WORKDIR":
                workdir = True
            elif instr.keyword == "COPY" and not workdir:
                dest = _destination(instr.args, instr.exec_form)
                if dest is None or dest.startswith(("/", "$")) or re.match(WINDOWS_ABS, dest):
                    continue
                yield report(instr, f"`COPY` to relative `{dest}` without a WORKDIR")
        if workdir:
            has_workdir.add(stage.index)
