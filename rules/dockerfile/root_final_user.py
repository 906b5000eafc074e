from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Instruction, Report, Severity, Stage, Target, report, rule

ROOT_USERS = {"root", "0"}
# Base images documented to run as a non-root user by default.
NON_ROOT_HINTS = ("nonroot", "non-root", "rootless")


def _last_user(df: Dockerfile, stage: Stage) -> tuple[Instruction | None, Stage]:
    """The USER in force at the end of `stage`, following `FROM <earlier stage>`.

    With no USER anywhere in the chain, the stage returned is the first of the chain: the one
    built FROM a real image, whose base decides the default user.
    """
    seen: set[int] = set()
    current: Stage | None = stage
    root = stage
    while current is not None and current.index not in seen:
        seen.add(current.index)
        root = current
        users = [i for i in current.instructions if i.keyword == "USER"]
        if users:
            return users[-1], current
        current = df.stages[current.parent] if current.parent is not None else None
    return None, root


@rule(
    id="DF003", name="root-final-user", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="The final stage runs as root",
    remediation="Add `USER <non-root user>` (e.g. `USER 10001` or `USER app`) to the final stage",
    aliases=("DL3002", "CKV_DOCKER_3", "CKV_DOCKER_8"),
    references=("https://github.com/hadolint/hadolint/wiki/DL3002",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    The image the Dockerfile produces (its final stage) has no `USER` instruction, or its last
    `USER` is `root` or `0` (`USER 0:0` and `USER root:root` included). A `USER` set in an
    earlier stage that the final stage builds `FROM` counts, and base images whose tag says
    `nonroot` are trusted, also when reached through such an earlier stage.

    ## Why it matters
    A process running as root in a container is one kernel bug away from root on the node;
    OpenShift refuses such images and Pod Security `restricted` rejects them.

    ## Example
    ```dockerfile
    FROM golang:1.22 AS build
    RUN go build -o /app .
    FROM alpine:3.20
    COPY --from=build /app /app
    ENTRYPOINT ["/app"]
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.22 AS build
    RUN go build -o /app .
    FROM alpine:3.20
    RUN adduser -D -u 10001 app
    COPY --from=build /app /app
    USER app
    ENTRYPOINT ["/app"]
    ```
    """
    final = df.final_stage
    if final is None:
        return
    user, origin = _last_user(df, final)
    if user is None:
        base = (origin.base or origin.base_raw).lower()
        if any(hint in base for hint in NON_ROOT_HINTS):
            return
        yield report(final.from_instruction, "the final stage sets no USER, so the container runs as root")
        return
    name = user.args.strip().split(":", 1)[0].strip()
    if name.lower() in ROOT_USERS:
        yield report(user, f"the final stage runs as `{user.args.strip()}`; switch to a non-root user")
