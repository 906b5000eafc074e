"""A minimal third-party rule module, as a plugin package would ship it."""
from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule


@rule(id="ACME001", name="acme-maintainer-label", target=Target.DOCKERFILE, severity=Severity.INFO,
      summary="Images carry an `acme.team` label", remediation="Add `LABEL acme.team=<team>`")
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A Dockerfile whose final stage has no `acme.team` label.

    ## Why it matters
    Acme's on-call routing reads it.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    USER 1
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    LABEL acme.team=payments
    USER 1
    ```
    """
    final = df.final_stage
    if final is not None and not any(i.keyword == "LABEL" and "acme.team" in i.args for i in final.instructions):
        yield report(final.from_instruction, "the image has no `acme.team` label")
