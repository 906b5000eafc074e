from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule


@rule(
    id="DF118", name="copy-from-own-stage", target=Target.DOCKERFILE, severity=Severity.ERROR,
    summary="COPY --from references the stage it is in",
    remediation="Copy from an earlier stage, or use a plain COPY/RUN cp inside the stage",
    aliases=("DL3023",),
    references=("https://github.com/hadolint/hadolint/wiki/DL3023",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `COPY --from=<name>` inside the stage that `<name>` (its `AS` alias, case-insensitive,
    or its index) designates.

    ## Why it matters
    A stage cannot copy from itself: BuildKit reports a dependency cycle.

    ## Example
    ```dockerfile
    FROM golang:1.22 AS build
    COPY --from=build /src /src
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.22 AS build
    COPY . /src
    ```
    """
    for stage in df.stages:
        for instr in stage.instructions:
            ref = (instr.flags.get("from") or "").strip("\"'") if instr.keyword == "COPY" else ""
            if ref and (ref.lower() == stage.name or ref == str(stage.index)):
                yield report(instr.at(ref), f"COPY --from={ref} references its own stage")
