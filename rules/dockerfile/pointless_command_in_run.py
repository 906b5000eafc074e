from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule, run_commands, with_onbuild

# hadolint's list: interactive tools and service/process managers with no use in an image build.
POINTLESS = {"free", "kill", "mount", "ps", "service", "shutdown", "ssh", "top", "vim"}


@rule(
    id="DF101", name="pointless-command-in-run", target=Target.DOCKERFILE, severity=Severity.INFO,
    summary="RUN uses a command that makes no sense in an image build (ssh, vim, shutdown, service, ps, ...)",
    remediation="Remove the command; configure the image with files, ENV and the entrypoint instead",
    aliases=("DL3001",),
    references=("https://github.com/hadolint/hadolint/wiki/DL3001",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `RUN` (also inside `ONBUILD`) that calls `ssh`, `vim`, `shutdown`, `service`, `ps`,
    `free`, `top`, `kill` or `mount`, found through the shell parser (after `&&`, in `if`,
    behind `sudo`, in `sh -c '...'`), not by text search: `ssh-keygen` or an argument named
    `top` do not count.

    ## Why it matters
    A build step has no terminal, no init system and no running services: these commands
    either hang, do nothing that survives the step, or hide a design mistake (starting a
    service at build time instead of in the entrypoint).

    ## Example
    ```dockerfile
    FROM debian:bookworm-slim
    RUN service nginx start
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm-slim
    CMD ["nginx", "-g", "daemon off;"]
    ```
    """
    for instr in with_onbuild(df, "RUN"):
        used = sorted({c.name for c in run_commands(instr) if c.name in POINTLESS})
        if used:
            names = ", ".join(f"`{n}`" for n in used)
            yield report(instr, f"RUN uses {names}, which makes no sense in an image build")
