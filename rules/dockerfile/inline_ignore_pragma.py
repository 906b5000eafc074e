from __future__ import annotations

import re
from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.dockerfile import TokenAnchor

PRAGMA = r"(?i)^\s*(hadolint|k8slint)\s*:?\s+ignore\s*="


@rule(
    id="DF238", name="inline-ignore-pragma", target=Target.DOCKERFILE, severity=Severity.INFO,
    summary="An inline `# hadolint ignore=` / `# k8slint ignore=` pragma silences a rule",
    remediation="Fix the finding, or disable the rule in the configuration where the decision is reviewed",
    aliases=("DL1001",), enabled_by_default=False,
    references=("https://github.com/hadolint/hadolint/wiki/DL1001",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Each comment that is an inline ignore pragma, `# hadolint ignore=DL3008` or
    `# k8slint ignore=DF200`. File-wide `global ignore=` pragmas are not inline and are
    not reported. Off by default, as in hadolint: turn it on for audits of suppressions.

    ## Why it matters
    Inline pragmas hide findings where reviewers of the configuration never see them.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    # hadolint ignore=DL3018
    RUN apk add --no-cache curl
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    RUN apk add --no-cache curl=8.9.1-r0
    ```
    """
    for comment in df.comments:
        if re.match(PRAGMA, comment.text):
            yield report(TokenAnchor(comment.line, comment.column), "inline ignore pragma")
