from __future__ import annotations

from typing import Iterator

from linter.api import Command, Context, Dockerfile, Report, Severity, Target, report, rule, run_commands, with_onbuild


def _removed_later(target: str, later: tuple[Command, ...]) -> bool:
    """True if a later `rm -r` in the same RUN deletes `target` (a scratch directory)."""
    t = target.rstrip("/")
    for c in later:
        if c.name == "rm" and c.has_flag("-r", "-R", "--recursive"):
            for arg in c.args:
                a = arg.rstrip("/")
                if not a.startswith("-") and a and (t == a or t.startswith(a + "/")):
                    return True
    return False


def _scratch_dir(cmd: Command, later: tuple[Command, ...]) -> bool:
    target = next((a for a in cmd.args if not a.startswith("-")), "")
    if "mktemp" in target:
        return True
    return bool(target) and _removed_later(target, later)


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
    directory that the same RUN deletes afterwards (`cd /tmp/src && make && rm -rf /tmp/src`)
    or into a `$(mktemp -d)` directory is accepted: a WORKDIR there would leave the directory
    behind in the image.

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
        for i, cmd in enumerate(cmds):
            if cmd.name == "cd" and not _scratch_dir(cmd, cmds[i + 1:]):
                yield report(instr, "RUN uses `cd`; use WORKDIR to switch to a directory")
                break
