from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.labels import LabelSchemaOptions, labels, schema


@rule(
    id="DF216", name="empty-label", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="A label the schema requires is set to an empty value",
    remediation="Give the label a value, or pass it with `--build-arg` and `LABEL name=$ARG`",
    aliases=("DL3051",), options=LabelSchemaOptions,
    references=("https://github.com/hadolint/hadolint/wiki/DL3051",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `LABEL` named in the configured `label-schema` whose value is empty (`LABEL a=""`).
    With no schema the rule is quiet.

    ## Why it matters
    An empty label satisfies a presence check while carrying no information.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.revision=""
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.revision="4f1c2a9"
    ```

    ## Options
    `label-schema` (label name -> type), as hadolint's `label-schema:`:
    ```yaml
    rules:
      DF216:
        label-schema:
          org.opencontainers.image.revision: hash
    ```
    """
    known = schema(ctx.options)
    if not known:
        return
    for instr, key, value in labels(df):
        if key in known and not value.strip():
            yield report(instr, f"label `{key}` is empty")
