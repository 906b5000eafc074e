from __future__ import annotations

import posixpath
from typing import Iterator

from linter.api import Command, Context, Dockerfile, Report, Severity, Target, report, rule, run_commands, with_onbuild


UNKNOWN_DIR = "/.workdir"  # stands for the WORKDIR in force, which the RUN does not know


def _resolve(cwd: str, path: str) -> str:
    return posixpath.normpath(posixpath.join(cwd, path.strip("\"'").rstrip("/*") or "/"))


def _scratch_dirs(cmds: tuple[Command, ...]) -> set[int]:
    """Indexes of the `cd` commands into a directory that the same RUN creates with mktemp or deletes later.

    Paths are followed through the RUN's own `cd`s, so `cd /tmp/src && make && cd .. && rm -rf src`
    is recognised; a WORKDIR there would leave the directory behind in the image.
    """
    cwd = UNKNOWN_DIR
    entered: list[tuple[int, str]] = []
    scratch: set[int] = set()
    for i, cmd in enumerate(cmds):
        if cmd.name == "cd":
            target = next((a for a in cmd.args if not a.startswith("-")), "")
            if "mktemp" in target:
                scratch.add(i)
                continue
            if target and target != "-" and not target.startswith("$"):
                cwd = _resolve(cwd, target)
                entered.append((i, cwd))
            elif target.startswith("$"):
                entered.append((i, target.strip("\"'").rstrip("/")))
                cwd = target.strip("\"'").rstrip("/")
        elif cmd.name == "rm" and cmd.has_flag("-r", "-R", "--recursive"):
            for arg in cmd.args:
                if arg.startswith("-") or not arg:
                    continue
                gone = arg.strip("\"'").rstrip("/*") if arg.lstrip("\"'").startswith("$") else _resolve(cwd, arg)
                for idx, path in entered:
                    if path == gone or path.startswith(gone.rstrip("/") + "/"):
                        scratch.add(idx)
    # a `cd` back out of a scratch directory (`cd ..`, `cd /tmp`, `cd /`) only serves the cleanup
    for idx, path in entered:
        if idx not in scratch and any(j < idx and (path == "/" or q.startswith(path + "/"))
                                      for j, q in entered if j in scratch):
            scratch.add(idx)
    return scratch


@rule(
    id="DF102", name="cd-in-run", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="RUN changes directory with `cd` instead of using WORKDIR",
    remediation="Use `WORKDIR /path` before the RUN (or a subshell / `make -C` for a one-off)",
    aliases=("DL3003",),
    references=("https://github.com/hadolint/hadolint/wiki/DL3003",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `RUN` (also inside `ONBUILD`) that runs `cd`. Unlike hadolint, a `cd` into a scratch
    directory that the same RUN deletes afterwards (`cd /tmp/src && make && rm -rf /tmp/src`,
    also `cd src && make && cd .. && rm -rf src`, paths followed through the RUN's own `cd`s)
    or into a `$(mktemp -d)` directory is accepted: a WORKDIR there would leave the directory
    behind in the image (hadolint issues #70 and #422).

    ## Why it matters
    `cd` only lasts for its RUN; later instructions run elsewhere, which is easy to misread.
    WORKDIR states the directory once, creates it if needed, and applies to all that follows.

    ## Example
    ```dockerfile
    FROM node:20-alpine
    COPY . /app
    RUN cd /app && npm ci
    ```

    ## Use instead
    ```dockerfile
    FROM node:20-alpine
    WORKDIR /app
    COPY . .
    RUN npm ci
    ```
    """
    for instr in with_onbuild(df, "RUN"):
        cmds = run_commands(instr)
        scratch = _scratch_dirs(cmds)
        for i, cmd in enumerate(cmds):
            if cmd.name == "cd" and i not in scratch:
                yield report(instr, "RUN uses `cd`; use WORKDIR to switch to a directory")
                break
