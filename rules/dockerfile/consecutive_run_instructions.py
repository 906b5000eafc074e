from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Instruction, Report, Severity, Target, report, rule
from linter.sources.buildsteps import run_commands_of
from linter.sources.shell import SHELLS, parse_commands


def _count(instr: Instruction) -> int:
    """Commands the RUN itself runs; the script of an `sh -c '...'` counts as that one command."""
    cmds = run_commands_of(instr)
    nested = 0
    for cmd in cmds:
        if cmd.name in SHELLS and "-c" in cmd.args[:-1]:
            nested += len(parse_commands(cmd.args[cmd.args.index("-c") + 1]))
    return max(len(cmds) - nested, 1 if cmds else 0)


def _flags(instr: Instruction) -> str:
    return instr.value[: len(instr.value) - len(instr.args)].strip() if instr.args else instr.value.strip()


@rule(
    id="DF224", name="consecutive-run-instructions", target=Target.DOCKERFILE, severity=Severity.INFO,
    summary="Consecutive single-command `RUN` instructions that could be one layer",
    remediation="Join the commands with `&&` in one RUN (or use a `RUN <<EOF` heredoc)",
    aliases=("DL3059",), references=("https://github.com/hadolint/hadolint/wiki/DL3059",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `RUN` directly after another `RUN` (comments between them do not count) when each runs a
    single command and both use the same flags (`--mount`, `--network`...). RUNs that
    already chain commands (`a && b`) are assumed to be split on purpose, as in hadolint.

    ## Why it matters
    Each RUN is a layer: files deleted in a later layer still ship in the earlier one, and
    many tiny layers slow pulls.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    RUN apk add --no-cache curl
    RUN mkdir /app
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    RUN apk add --no-cache curl && mkdir /app
    ```
    """
    previous: tuple[str, int] | None = None
    for instr in df.instructions:
        if instr.keyword != "RUN":
            previous = None
            continue
        flags, count = _flags(instr), _count(instr)
        if previous is not None and previous[0] == flags and count <= 1 and previous[1] <= 1:
            yield report(instr, "RUN directly after another short RUN; consider one RUN")
        previous = (flags, count)
