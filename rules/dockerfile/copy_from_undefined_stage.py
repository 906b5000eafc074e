from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.dockerfile import expand_variables


def _looks_like_image(ref: str) -> bool:
    return any(ch in ref for ch in ":/@.")


@rule(
    id="DF117", name="copy-from-undefined-stage", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="COPY --from names no stage defined before it",
    remediation="Name an earlier stage (`FROM ... AS build` then `COPY --from=build`), or a tagged image",
    aliases=("DL3022",),
    references=("https://github.com/hadolint/hadolint/wiki/DL3022",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `COPY --from=<name>` where `<name>` is neither a stage defined earlier in the file nor
    an image reference. A stage defined *later* is reported (BuildKit would pull an image of
    that name instead). Unlike hadolint, an earlier stage's index (`--from=0`) and an external
    image with a tag, digest, registry or path (`--from=nginx:1.27`,
    `--from=ghcr.io/org/tool`) are accepted; a bare word that is no stage is still reported,
    as it is most likely a typo of a stage name. Variables are resolved from `ARG` defaults
    (`COPY --from=$IMAGE`, hadolint issue #933); without a default they are not checked.

    ## Why it matters
    A mistyped stage name silently becomes a pull of a Docker Hub image of that name: the
    build fails at best, copies from a stranger's image at worst.

    ## Example
    ```dockerfile
    FROM golang:1.22 AS build
    RUN go build -o /app .
    FROM alpine:3.20
    COPY --from=buidl /app /app
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.22 AS build
    RUN go build -o /app .
    FROM alpine:3.20
    COPY --from=build /app /app
    ```
    """
    for stage in df.stages:
        for instr in stage.instructions:
            if instr.keyword != "COPY" or not instr.flags.get("from"):
                continue
            written = (instr.flags["from"] or "").strip("\"'")
            ref = expand_variables(written, df.global_args) if "$" in written else written
            if not ref:  # a variable without default: chosen at build time
                continue
            if ref.isdigit():
                if int(ref) >= stage.index:
                    yield report(instr.at(written), f"COPY --from={ref}: stage {ref} is not defined before this one")
                continue
            target = df.stage_by_ref(ref)
            if target is not None:
                if target.index > stage.index:
                    yield report(instr.at(written), f"COPY --from={ref}: stage `{ref}` is defined later in the file")
                continue
            if not _looks_like_image(ref):
                yield report(instr.at(written), f"COPY --from={ref}: no stage named `{ref}` is defined before")
