from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule


@rule(
    id="DF120", name="shell-form-cmd", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="CMD or ENTRYPOINT in shell form instead of a JSON array",
    remediation='Use exec form: `CMD ["executable", "arg"]` (wrap in `["sh", "-c", "..."]` if you need a shell)',
    aliases=("DL3025",),
    references=("https://github.com/hadolint/hadolint/wiki/DL3025",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `CMD` or `ENTRYPOINT` that is not a valid JSON array of strings: shell form
    (`CMD node server.js`) or a broken array (single quotes, a missing comma), which Docker
    silently runs as a shell command.

    ## Why it matters
    In shell form the process runs under `/bin/sh -c` as PID 1: it never receives SIGTERM,
    so `docker stop` and Kubernetes wait for the grace period and then kill it.

    ## Example
    ```dockerfile
    FROM node:20-alpine
    CMD node server.js
    ```

    ## Use instead
    ```dockerfile
    FROM node:20-alpine
    CMD ["node", "server.js"]
    ```
    """
    for instr in df.instructions:
        if instr.keyword not in ("CMD", "ENTRYPOINT") or not instr.args.strip() or instr.exec_form is not None:
            continue
        if instr.args.strip().startswith("["):
            yield report(instr, f"{instr.keyword} is not a valid JSON array (use double quotes); "
                                "Docker runs it in shell form")
        else:
            yield report(instr, f"{instr.keyword} in shell form; use the JSON (exec) form")
