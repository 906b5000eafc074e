from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, parse_image, report, rule
from linter.sources.dockerfile import expand_variables

DOCKER_HUB = {"docker.io", "index.docker.io", "registry-1.docker.io", "hub.docker.com"}


@dataclass(frozen=True)
class Options:
    trusted_registries: tuple[str, ...] = ()  # registry hosts, globs allowed (`*.corp.example`); empty = rule quiet


def _trusted(registry: str, patterns: tuple[str, ...]) -> bool:
    names = DOCKER_HUB if registry in DOCKER_HUB else {registry}
    for pattern in patterns:
        p = pattern.lower().strip()
        if (p in DOCKER_HUB and registry in DOCKER_HUB) or any(fnmatch.fnmatchcase(n, p) for n in names):
            return True
    return False


@rule(
    id="DF121", name="untrusted-registry", target=Target.DOCKERFILE, severity=Severity.ERROR,
    summary="FROM pulls from a registry that is not in the trusted list",
    remediation="Use an image from one of the trusted registries (option `trusted-registries`)",
    aliases=("DL3026",),
    options=Options,
    references=("https://github.com/hadolint/hadolint/wiki/DL3026",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `FROM` image, or an image copied from with `COPY --from=<image>`, whose registry is not
    in `trusted-registries`. An image without a registry
    comes from Docker Hub (`docker.io`, also spelled `index.docker.io` or `hub.docker.com`).
    `scratch`, earlier stages and images named by a variable without a default are not
    checked; `ARG` defaults are resolved. The rule is quiet until `trusted-registries` is set,
    as in hadolint (`trustedRegistries`).

    ## Why it matters
    Organisations mirror and scan approved base images; pulling from elsewhere bypasses that
    control and invites typo-squatted images.

    ## Example
    ```dockerfile
    FROM quay.io/prometheus/busybox:1.36
    ```

    ## Use instead
    ```dockerfile
    FROM registry.corp.example/base/busybox:1.36
    ```

    ## Options
    - `trusted-registries` (list of strings, default empty): registry hosts allowed in FROM;
      shell-style globs are accepted (`*.corp.example`), and `docker.io` allows Docker Hub
      images written without a registry.
    ```yaml
    rules:
      DF121:
        trusted-registries: [registry.corp.example, docker.io]
    ```
    """
    options = ctx.options if isinstance(ctx.options, Options) else Options()
    patterns = options.trusted_registries
    if not patterns:
        return
    for stage in df.stages:
        image = stage.image
        if image is None or image.has_variable or not image.repository:
            continue
        registry = (image.registry or "docker.io").lower()
        if not _trusted(registry, patterns):
            yield report(stage.from_instruction.at(stage.base_raw),
                         f"base image `{stage.base}` comes from `{registry}`, which is not a trusted registry")
    for stage in df.stages:
        for instr in stage.instructions:
            written = (instr.flags.get("from") or "").strip("\"'") if instr.keyword == "COPY" else ""
            ref = expand_variables(written, df.global_args) if "$" in written else written
            if not ref or ref.isdigit() or df.stage_by_ref(ref) is not None or ref.lower() == "scratch":
                continue
            image = parse_image(ref)
            registry = (image.registry or "docker.io").lower()
            if image.repository and not _trusted(registry, patterns):
                yield report(instr.at(written), f"COPY --from image `{ref}` comes from `{registry}`, "
                                                "which is not a trusted registry")
