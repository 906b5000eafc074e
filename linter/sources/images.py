"""Container image references: registry, repository, tag, digest."""
from __future__ import annotations

from typing import NamedTuple


class ImageRef(NamedTuple):
    raw: str
    registry: str | None
    repository: str
    tag: str | None
    digest: str | None

    @property
    def is_latest(self) -> bool:
        return self.tag == "latest"

    @property
    def is_pinned(self) -> bool:
        """Pinned means a digest, or a tag other than `latest`."""
        return self.digest is not None or (self.tag is not None and self.tag != "latest")

    @property
    def has_variable(self) -> bool:
        return "$" in self.raw or "{{" in self.raw

    @property
    def short_name(self) -> str:
        """Last path component of the repository (`library/golang` -> `golang`)."""
        return self.repository.rsplit("/", 1)[-1]


def parse_image(raw: str) -> ImageRef:
    text = raw.strip()
    digest = None
    if "@" in text:
        text, digest = text.split("@", 1)
    registry = None
    first, sep, rest = text.partition("/")
    if sep and ("." in first or ":" in first or first == "localhost"):
        registry, text = first, rest
    tag = None
    last_slash = text.rfind("/")
    colon = text.rfind(":")
    if colon > last_slash:
        text, tag = text[:colon], text[colon + 1:]
    return ImageRef(raw=raw, registry=registry, repository=text, tag=tag or None, digest=digest or None)
