from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule, with_onbuild

MAX_PORT = 65535


def _bad(token: str) -> bool:
    port = token.split("/", 1)[0]
    for part in port.split("-", 1):
        if part.isdigit() and (len(part) > 5 or int(part) > MAX_PORT):
            return True
    return False


@rule(
    id="DF107", name="invalid-expose-port", target=Target.DOCKERFILE, severity=Severity.ERROR,
    summary="EXPOSE names a port outside 0-65535",
    remediation="Use a valid port number (0-65535)",
    aliases=("DL3011",),
    references=("https://github.com/hadolint/hadolint/wiki/DL3011",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    An `EXPOSE` port, or either end of a port range (`8000-8010/tcp`), above 65535. Ports
    given as variables (`$PORT`) are not checked.

    ## Why it matters
    UNIX ports range from 0 to 65535: such a port is a typo, and the build or the runtime
    rejects it.

    ## Example
    ```dockerfile
    FROM nginx:1.27
    EXPOSE 80800
    ```

    ## Use instead
    ```dockerfile
    FROM nginx:1.27
    EXPOSE 8080
    ```
    """
    for instr in with_onbuild(df, "EXPOSE"):
        bad = [t for t in instr.args.split() if _bad(t)]
        if bad:
            yield report(instr.at(bad[0]), f"EXPOSE `{bad[0]}` is outside the port range 0-65535")
