from __future__ import annotations

import re
from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.dockerfile import parse_arg, parse_env_pairs


def _references(name: str, text: str) -> bool:
    return re.search(r"\$(\{" + re.escape(name) + r"([:}]|[-+?])|" + re.escape(name) + r"(?![A-Za-z0-9_]))", text) is not None


@rule(
    id="DF209", name="env-self-reference", target=Target.DOCKERFILE, severity=Severity.ERROR,
    summary="An `ENV` refers to a variable defined in the same `ENV` statement",
    remediation="Split the ENV in two: define the variable first, use it in a second ENV",
    aliases=("DL3044",), references=("https://github.com/hadolint/hadolint/wiki/DL3044",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `ENV A=1 B=$A`: a value refers (`$A`, `${A}`, `${A:-x}`) to a variable that another pair of
    the same `ENV` defines, when no earlier `ENV` or `ARG` defined it. `ENV PATH=/x:$PATH`
    refers to its own previous value and is fine.

    ## Why it matters
    Docker substitutes values from before the statement: `B` gets the old (usually empty) `A`.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    ENV APP_HOME=/app APP_BIN=$APP_HOME/bin
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    ENV APP_HOME=/app
    ENV APP_BIN=$APP_HOME/bin
    ```
    """
    known: set[str] = set()
    for instr in df.instructions:
        if instr.keyword == "ARG":
            known.update(name for name, _ in parse_arg(instr.args))
        elif instr.keyword == "ENV":
            pairs = parse_env_pairs(instr.args)
            bad = [name for i, (name, _) in enumerate(pairs) if name and name not in known
                   and any(_references(name, value) for j, (_, value) in enumerate(pairs) if j != i)]
            known.update(name for name, _ in pairs)
            if bad:
                yield report(instr, f"`${bad[0]}` is used in the same ENV that defines it")
