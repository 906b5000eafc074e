from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.dockerfile import _split_words, _unquote

# Images built to be copied whole onto `/` (`COPY --from=xx / /` is their documented use).
COPY_WHOLE_IMAGES = ("tonistiigi/xx",)


def _assembled_source(df: Dockerfile, ref: str) -> bool:
    """True if `--from=ref` is a stage assembled from scratch (or an xx helper), or cannot be resolved."""
    stage = df.stage_by_ref(ref)
    image = ref
    seen: set[int] = set()
    while stage is not None and stage.index not in seen:
        seen.add(stage.index)
        if stage.base is None:
            return True  # FROM ${VARIANT}: unknown until build time
        if stage.parent is None:
            image = stage.base
            break
        stage = df.stages[stage.parent]
    low = image.lower()
    return low == "scratch" or "$" in low or any(name in low for name in COPY_WHOLE_IMAGES)


@rule(
    id="DF231", name="copy-entire-filesystem", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="`COPY --from` copies another stage's whole file system to `/`",
    remediation="Copy only the files the image needs (`COPY --from=build /app/bin /usr/local/bin/`)",
    aliases=("DL3067",), references=("https://github.com/hadolint/hadolint/wiki/DL3067",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `COPY --from=<stage or image> / /`: a root source copied onto the root. Unlike hadolint,
    a stage assembled `FROM scratch` (it holds only what was copied into it on purpose, the
    usual "export" stage), the `tonistiigi/xx` cross-compilation helper (whose documented use
    is `COPY --from=xx / /`) and a stage whose base is only known at build time are fine.

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
        source = (instr.flags.get("from") or "").strip("\"'")
        if not source or _assembled_source(df, source):
            continue
        words = instr.exec_form if instr.exec_form is not None else [_unquote(w) for w in _split_words(instr.args)]
        if len(words) >= 2 and words[-1] == "/" and "/" in words[:-1]:
            yield report(instr, "`COPY --from` of `/` onto `/`")
