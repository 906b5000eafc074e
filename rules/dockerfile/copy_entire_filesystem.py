from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.dockerfile import _split_words, _unquote


@rule(
    id="DF231", name="copy-entire-filesystem", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="`COPY --from` copies another stage's whole file system to `/`",
    remediation="Copy only the files the image needs (`COPY --from=build /app/bin /usr/local/bin/`)",
    aliases=("DL3067",), references=("https://github.com/hadolint/hadolint/wiki/DL3067",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `COPY --from=<stage or image> / /`: a root source copied onto the root.

    ## Why it matters
    It drags the other stage's compilers, caches and package databases into the final image,
    defeating the multi-stage build.

    ## Example
    ```dockerfile
    FROM golang:1.23 AS build
    RUN go build -o /out/app .
    FROM scratch
    COPY --from=build / /
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.23 AS build
    RUN go build -o /out/app .
    FROM scratch
    COPY --from=build /out/app /app
    ```
    """
    for instr in df.instructions_of("COPY"):
        if "from" not in instr.flags:
            continue
        words = instr.exec_form if instr.exec_form is not None else [_unquote(w) for w in _split_words(instr.args)]
        if len(words) >= 2 and words[-1] == "/" and "/" in words[:-1]:
            yield report(instr, "`COPY --from` of `/` onto `/`")
