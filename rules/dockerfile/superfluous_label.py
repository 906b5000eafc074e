from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.labels import LabelSchemaOptions, labels, schema


@rule(
    id="DF215", name="superfluous-label", target=Target.DOCKERFILE, severity=Severity.INFO,
    summary="With `strict-labels`, a label is not in the label schema",
    remediation="Remove the label or add it to `label-schema`",
    aliases=("DL3050",), options=LabelSchemaOptions,
    references=("https://github.com/hadolint/hadolint/wiki/DL3050",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    With `strict-labels: true` and a `label-schema`, every `LABEL` key that the schema does not
    name. Quiet unless both options are set.

    ## Why it matters
    Teams that standardise labels want one vocabulary: stray keys (`Version`, `build`) drift
    from it.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    LABEL build="42"
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.version="1.2.0"
    ```

    ## Options
    `label-schema` (label name -> type) and `strict-labels` (bool), as in hadolint:
    ```yaml
    rules:
      DF215:
        strict-labels: true
        label-schema:
          org.opencontainers.image.version: semver
    ```
    """
    known = schema(ctx.options)
    if not known or not getattr(ctx.options, "strict_labels", False):
        return
    for instr, key, _ in labels(df):
        if key not in known:
            yield report(instr, f"label `{key}` is not in the label schema")
