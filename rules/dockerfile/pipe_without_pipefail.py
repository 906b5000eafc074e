from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Instruction, Report, Severity, Target, report, rule
from linter.sources.buildsteps import has_pipe, run_commands_of, run_scripts
from linter.sources.shell import Command

PIPEFAIL_SHELLS = {"bash", "zsh", "ash", "ksh", "mksh"}
NON_POSIX = ("pwsh", "powershell", "cmd", "cmd.exe", "powershell.exe", "pwsh.exe")


def _sets_pipefail(words: list[str] | tuple[str, ...]) -> bool:
    """`bash -o pipefail -c`, `bash -eo pipefail`, `set -euxo pipefail`."""
    for i, word in enumerate(words[:-1]):
        if word.startswith("-") and not word.startswith("--") and word.endswith("o") and words[i + 1] == "pipefail":
            return True
    return False


def _shell_state(words: list[str]) -> bool | None:
    """True: pipefail is on (or the shell is not POSIX); False: off."""
    if not words:
        return False
    name = words[0].replace("\\", "/").rsplit("/", 1)[-1].lower()
    if name in NON_POSIX:
        return True
    return name in PIPEFAIL_SHELLS and _sets_pipefail(words)


def _run_sets_pipefail(cmds: tuple[Command, ...]) -> bool:
    return any(c.name == "set" and _sets_pipefail(c.words) for c in cmds)


@rule(
    id="DF237", name="pipe-without-pipefail", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="A `RUN` with a pipe ignores failures of all but the last command",
    remediation='Add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUN (or `set -o pipefail` in it)',
    aliases=("DL4006",), references=("https://github.com/hadolint/hadolint/wiki/DL4006",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `RUN` whose script has a pipe (`curl ... | tar x`) while the shell does not have
    `pipefail` on. The `SHELL` instruction is honoured: `SHELL ["/bin/bash", "-o", "pipefail",
    "-c"]` (also `-eo pipefail`, with bash, zsh, ash, ksh) turns it on for the rest of the
    stage and for stages built `FROM` it, and a PowerShell or cmd `SHELL` turns the rule
    off. Unlike hadolint, `set -o pipefail` inside the RUN itself also counts, and `||`, a
    quoted `|` or a pipe in an exec-form RUN without a shell are not pipes.

    ## Why it matters
    A shell reports only the last command of a pipeline: `curl https://x | tar x` "succeeds"
    with an empty download and the build goes on with a broken image.

    ## Example
    ```dockerfile
    FROM debian:12
    RUN curl -fsSL https://example.com/tool.tgz | tar -xz -C /usr/local/bin
    ```

    ## Use instead
    ```dockerfile
    FROM debian:12
    SHELL ["/bin/bash", "-o", "pipefail", "-c"]
    RUN curl -fsSL https://example.com/tool.tgz | tar -xz -C /usr/local/bin
    ```
    """
    state: dict[int, bool] = {}
    for stage in df.stages:
        on = state.get(stage.parent, False) if stage.parent is not None else False
        for instr in stage.instructions:
            if instr.keyword == "SHELL":
                exec_form = instr.exec_form
                if exec_form is not None:
                    on = bool(_shell_state(exec_form))
            elif instr.keyword == "RUN" and _fires(instr, on):
                yield report(instr, "RUN with a pipe but without `pipefail`")
        state[stage.index] = on


def _fires(instr: Instruction, shell_on: bool) -> bool:
    exec_form = instr.exec_form
    if exec_form is not None:
        if len(exec_form) < 3 or "-c" not in exec_form:
            return False
        if _shell_state(exec_form[: exec_form.index("-c")]):
            return False
    elif shell_on:
        return False
    if not any(has_pipe(s) for s in run_scripts(instr)):
        return False
    return not _run_sets_pipefail(run_commands_of(instr))
