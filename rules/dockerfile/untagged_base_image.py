from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule


@rule(
    id="DF002", name="untagged-base-image", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="Base image has no tag (implicitly `latest`)",
    remediation="Add a version tag (e.g. `alpine:3.20`) or a digest to the base image",
    aliases=("DL3006",),
    references=("https://github.com/hadolint/hadolint/wiki/DL3006",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `FROM` image with neither a tag nor a digest, after substituting `ARG` defaults
    (`FROM alpine:${VERSION}` with `ARG VERSION=3.20` is tagged). Not for `scratch`, for
    earlier stages named in this file, or for an `ARG` with no default (its value is unknown).

    ## Why it matters
    An untagged image means `latest`: builds are not reproducible.

    ## Example
    ```dockerfile
    FROM debian
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm-slim
    ```
    """
    for stage in df.stages:
        image = stage.image
        if image is not None and image.tag is None and image.digest is None and image.repository:
            yield report(stage.from_instruction.at(stage.base_raw),
                         f"base image `{stage.base}` has no tag; pin a version")
