from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, parse_image, report, rule
from linter.sources.workload import is_templated


@dataclass(frozen=True)
class Options:
    allowed_registries: tuple[str, ...] = ()
    blocked_images: tuple[str, ...] = ()


@lru_cache(maxsize=64)
def _compile(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


def registry_of(raw: str) -> str:
    image = parse_image(raw)
    return image.registry or "docker.io"


def allowed(raw: str, registries: tuple[str, ...]) -> bool:
    """`registries` entries are hosts (`ghcr.io`) or prefixes (`ghcr.io/acme/`); docker.io is the default."""
    image = parse_image(raw)
    host = image.registry or "docker.io"
    full = f"{host}/{image.repository}"
    for entry in registries:
        entry = entry.strip().rstrip("/")
        if not entry:
            continue
        if host == entry or full.startswith(entry + "/") or full == entry:
            return True
    return False


@rule(
    id="KS102", name="disallowed-image-registry", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A container image comes from a registry that is not allowed, or matches a blocked pattern",
    remediation="Mirror the image into an allowed registry and reference it there",
    aliases=("KSV032", "KSV033", "KSV034", "KSV035", "KSV125"),
    options=Options,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    The image of every container, init container and ephemeral container against two lists,
    both empty by default (the rule is then quiet):
    - `allowed-registries`: registry hosts (`registry.example.com`) or repository prefixes
      (`ghcr.io/acme`); an image without a registry is on `docker.io`. An image from elsewhere fires.
    - `blocked-images`: regular expressions searched in the image reference (kube-linter's
      `latest-tag` BlockList style, e.g. `^docker\\.io/` or `:(dev|edge)$`).

    ## Why it matters
    Images from unvetted registries bypass the scanning, signing and availability guarantees of
    the organisation's own registry, and public registries rate-limit pulls.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers:
        - name: api
          image: randomuser/api:1.4.0
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers:
        - name: api
          image: registry.example.com/team/api:1.4.0
    ```

    ## Options
    - `allowed-registries` (list of strings, default empty): registry hosts or repository prefixes.
    - `blocked-images` (list of regular expressions, default empty): image references that fire.
    ```yaml
    rules:
      KS102:
        allowed-registries: [registry.example.com]
    ```
    """
    options = ctx.options or Options()
    if not options.allowed_registries and not options.blocked_images:
        return
    blocked = _compile(tuple(options.blocked_images))
    for c in containers(obj):
        raw = c.node.get("image")
        if not isinstance(raw, str) or not raw.strip() or is_templated(raw) or "$" in raw:
            continue
        if options.allowed_registries and not allowed(raw, options.allowed_registries):
            yield report(c.at("image"), f"container `{c.name}` uses `{raw}` from `{registry_of(raw)}`, which is not an allowed registry")
            continue
        for pattern in blocked:
            if pattern.search(raw):
                yield report(c.at("image"), f"container `{c.name}` uses `{raw}`, which matches the blocked pattern `{pattern.pattern}`")
                break
