from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.buildsteps import label_pairs
from linter.sources.labels import LabelSchemaOptions, schema


@rule(
    id="DF214", name="missing-required-label", target=Target.DOCKERFILE, severity=Severity.INFO,
    summary="A label the schema requires is missing from a stage",
    remediation="Add the label with `LABEL <name>=<value>`",
    aliases=("DL3049",), options=LabelSchemaOptions,
    references=("https://github.com/hadolint/hadolint/wiki/DL3049",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Every label named in the configured `label-schema` must be set in each stage, by a
    `LABEL` of the stage or of a stage it builds `FROM`. Reported at the stage's `FROM`, once
    per missing label. With no schema the rule is quiet.

    ## Why it matters
    Labels such as the source repository, revision or owner are how people and tools trace a
    running image back to its code and team.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.source="https://github.com/example/app"
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.source="https://github.com/example/app" \\
          org.opencontainers.image.revision="4f1c2a9"
    ```

    ## Options
    `label-schema` (label name -> type, as hadolint's `label-schema:`) names the required labels:
    ```yaml
    rules:
      DF214:
        label-schema:
          org.opencontainers.image.source: url
          org.opencontainers.image.revision: hash
    ```
    """
    required = schema(ctx.options)
    if not required:
        return
    present: dict[int, set[str]] = {}
    for stage in df.stages:
        have = set(present.get(stage.parent, set())) if stage.parent is not None else set()
        for instr in stage.instructions:
            if instr.keyword == "LABEL":
                have.update(key for key, _ in label_pairs(instr))
        present[stage.index] = have
        for name in required:
            if name not in have:
                yield report(stage.from_instruction, f"label `{name}` is missing")
