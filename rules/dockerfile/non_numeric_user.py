from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule

WINDOWS_HINTS = ("windows", "nanoserver", "servercore")


def _windows_stages(df: Dockerfile) -> set[int]:
    """Stages built on a Windows image, where users are names (`ContainerUser`) by design."""
    out: set[int] = set()
    for stage in df.stages:
        if stage.parent is not None:
            if stage.parent in out:
                out.add(stage.index)
        elif any(h in (stage.base or stage.base_raw).lower() for h in WINDOWS_HINTS):
            out.add(stage.index)
    return out


@rule(
    id="DF230", name="non-numeric-user", target=Target.DOCKERFILE, severity=Severity.INFO,
    summary="`USER` names the user instead of giving a numeric UID",
    remediation="Use the numeric UID (`USER 10001` or `USER 10001:10001`)",
    aliases=("DL3066",), enabled_by_default=False, references=("https://github.com/hadolint/hadolint/wiki/DL3066",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `USER` whose user part (before `:`) is not a number. A user given by a variable
    (`USER $APP_UID`) is not judged, nor are Windows images (`USER ContainerUser` is how
    they name their users). Off by default (on in hadolint, at info level): `USER app`
    is the common, documented style and only matters with Kubernetes `runAsNonRoot`, so it
    ships in the `strict` preset.

    ## Why it matters
    Kubernetes' `runAsNonRoot` cannot verify a user name ("image has non-numeric user") and
    refuses to start the pod; hosts and volumes also see only numbers.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    RUN adduser -D -u 10001 app
    USER app
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    RUN adduser -D -u 10001 app
    USER 10001
    ```
    """
    windows = _windows_stages(df)
    for instr in df.instructions_of("USER"):
        if instr.stage in windows:
            continue
        user = instr.args.strip().split(":", 1)[0].strip()
        if user and "$" not in user and not user.isdigit():
            yield report(instr, f"`USER {user}` is not a numeric UID")
