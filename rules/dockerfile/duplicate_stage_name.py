from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Stage, Target, report, rule


@rule(
    id="DF119", name="duplicate-stage-name", target=Target.DOCKERFILE, severity=Severity.ERROR,
    summary="Two stages share the same name (FROM ... AS name)",
    remediation="Give every stage a unique name",
    aliases=("DL3024", "CKV_DOCKER_11"),
    references=("https://github.com/hadolint/hadolint/wiki/DL3024",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `FROM ... AS <name>` whose name (case-insensitive, as BuildKit compares them) an earlier
    stage already uses; reported at the later one.

    ## Why it matters
    BuildKit rejects duplicate stage names; older builders silently let `COPY --from` and
    `FROM <name>` point at one of them.

    ## Example
    ```dockerfile
    FROM node:20 AS build
    RUN npm ci
    FROM golang:1.22 AS build
    RUN go build ./...
    ```

    ## Use instead
    ```dockerfile
    FROM node:20 AS web
    RUN npm ci
    FROM golang:1.22 AS api
    RUN go build ./...
    ```
    """
    seen: dict[str, Stage] = {}
    for stage in df.stages:
        if stage.name is None:
            continue
        first = seen.setdefault(stage.name, stage)
        if first is not stage:
            yield report(stage.from_instruction,
                         f"stage name `{stage.name}` is already used on line {first.from_instruction.line}")
