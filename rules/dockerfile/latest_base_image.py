from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule


@rule(
    id="DF001", name="latest-base-image", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="Base image uses the `latest` tag",
    remediation="Pin the base image to a version tag (e.g. `golang:1.22`) or a digest",
    aliases=("DL3007", "CKV_DOCKER_7"),
    references=("https://github.com/hadolint/hadolint/wiki/DL3007",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `FROM` whose image, after substituting `ARG` defaults, has the tag `latest`.
    Stage references (`FROM build`), `scratch` and digests are not images to pin.

    ## Why it matters
    `latest` moves: the same Dockerfile builds a different image tomorrow, builds are not
    reproducible and a rollback may not restore the old behaviour.

    ## Example
    ```dockerfile
    FROM alpine:latest
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    ```
    """
    for stage in df.stages:
        image = stage.image
        if image is not None and image.is_latest and image.digest is None:
            yield report(stage.from_instruction.at(stage.base_raw),
                         f"base image `{stage.base}` uses the `latest` tag; pin a version")
