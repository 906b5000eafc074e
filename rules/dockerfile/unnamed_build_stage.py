from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule


@rule(
    id="DF005", name="unnamed-build-stage", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="A build stage has no name, or `COPY --from` refers to a stage by number",
    remediation="Name build stages (`FROM golang:1.22 AS build`) and copy with `COPY --from=build`",
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    In a multi-stage Dockerfile, every stage but the last without `AS name`, and every
    `COPY --from=<number>`.

    ## Why it matters
    Stage numbers change when a stage is added or moved, silently copying from the wrong stage;
    a name says what the stage is for and survives reordering.

    ## Example
    ```dockerfile
    FROM golang:1.22
    RUN go build -o /app .
    FROM alpine:3.20
    COPY --from=0 /app /app
    USER 10001
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.22 AS build
    RUN go build -o /app .
    FROM alpine:3.20
    COPY --from=build /app /app
    USER 10001
    ```
    """
    if len(df.stages) < 2:
        return
    for stage in df.stages[:-1]:
        if stage.name is None:
            yield report(stage.from_instruction,
                         f"stage {stage.index} (`{stage.base_raw}`) has no name; add `AS <name>`")
    for instr in df.instructions_of("COPY"):
        source = instr.flags.get("from")
        if source is not None and source.isdigit():
            yield report(instr.at(f"--from={source}"),
                         f"`COPY --from={source}` refers to a stage by number; name the stage and use its name")
