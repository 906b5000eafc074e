from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.buildsteps import run_commands_of, with_onbuild
from linter.sources.dockerfile import expand_variables, parse_arg, parse_env_pairs
from linter.sources.shell import Command


def _uid(cmd: Command) -> str | None:
    args = cmd.args
    for i, arg in enumerate(args):
        if arg in ("-u", "--uid") and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--uid="):
            return arg[len("--uid="):]
        if arg.startswith("-u") and not arg.startswith("--") and len(arg) > 2:
            return arg[2:]
    return None


@rule(
    id="DF211", name="useradd-without-no-log-init", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="`useradd` with a high UID and without `-l` bloats the image",
    remediation="Add `--no-log-init` (`-l`) to `useradd`",
    aliases=("DL3046",), references=("https://github.com/hadolint/hadolint/wiki/DL3046",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `useradd -u <uid>` with a UID of six digits or more and without `-l`/`--no-log-init`,
    in a `RUN` or `ONBUILD RUN`. A UID given through a variable (`-u ${UID}`) is judged by the
    default of its `ARG`/`ENV`, and not at all when it has none (hadolint measures the
    length of the variable's name).

    ## Why it matters
    `useradd` writes the user's entry at offset UID in the sparse `/var/log/lastlog` and
    `faillog`; Docker's layer tarball stores them densely, so a UID of 1,000,000 adds
    hundreds of megabytes.

    ## Example
    ```dockerfile
    FROM debian:12
    RUN useradd -u 1000000 app
    ```

    ## Use instead
    ```dockerfile
    FROM debian:12
    RUN useradd --no-log-init -u 1000000 app
    ```
    """
    env: dict[str, str | None] = {}
    for instr in with_onbuild(df.instructions):
        if instr.keyword == "ARG":
            env.update((k, v) for k, v in parse_arg(instr.args) if v is not None or k not in env)
        elif instr.keyword == "ENV":
            env.update(parse_env_pairs(instr.args))
        if instr.keyword != "RUN":
            continue
        for cmd in run_commands_of(instr):
            if cmd.name != "useradd" or cmd.has_flag("-l", "--no-log-init"):
                continue
            uid = _uid(cmd)
            if uid is not None and "$" in uid:
                uid = expand_variables(uid, env)
            if uid is not None and uid.isdigit() and len(uid) > 5:
                yield report(instr, f"`useradd -u {uid}` without `--no-log-init`")
                break
