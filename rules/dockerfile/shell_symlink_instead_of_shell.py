from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.buildsteps import runs

TARGETS = {"/bin/sh", "/usr/bin/sh"}


@rule(
    id="DF236", name="shell-symlink-instead-of-shell", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="`ln` replaces `/bin/sh` instead of using the `SHELL` instruction",
    remediation='Use `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`',
    aliases=("DL4005",), references=("https://github.com/hadolint/hadolint/wiki/DL4005",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `ln` whose link name (its last operand) is `/bin/sh`, e.g. `ln -sf /bin/bash /bin/sh`.
    A link *from* `/bin/sh` to somewhere else (`ln -s /bin/sh /usr/local/bin/sh`) does not
    replace the shell, and is not reported (hadolint reports any `ln` mentioning `/bin/sh`).

    ## Why it matters
    Swapping the system shell changes every script of the base image, not just the build;
    `SHELL` changes only the shell that runs the Dockerfile's `RUN`s.

    ## Example
    ```dockerfile
    FROM debian:12
    RUN ln -sf /bin/bash /bin/sh
    ```

    ## Use instead
    ```dockerfile
    FROM debian:12
    SHELL ["/bin/bash", "-o", "pipefail", "-c"]
    ```
    """
    for instr, cmds in runs(df, onbuild=False):
        for cmd in cmds:
            operands = [a for a in cmd.args if not a.startswith("-")]
            if cmd.name == "ln" and len(operands) >= 2 and operands[-1] in TARGETS:
                yield report(instr, f"`ln` replaces `{operands[-1]}`; use SHELL")
                break
