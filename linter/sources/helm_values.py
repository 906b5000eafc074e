"""A chart's values.yaml as rules see it: the tree with positions, and the chart's appVersion."""
from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Any, Iterator

from linter.model import Position
from linter.sources.k8s import FieldAnchor
from linter.sources.yaml import YMap, YSeq, YamlDocument, get_path


class HelmValues:
    def __init__(self, root: YMap, file: str, document: YamlDocument) -> None:
        self.root = root
        self.file = file
        self.document = document

    ref = None  # not a Kubernetes object: findings carry no object identity

    @cached_property
    def app_version(self) -> str | None:
        """`appVersion` of the Chart.yaml beside this file, if any."""
        from linter.sources.helm import chart_metadata

        meta = chart_metadata(Path(self.file).parent)
        value = meta.get("appVersion")
        return str(value) if value not in (None, "") else None

    def get(self, *path: Any, default: Any = None) -> Any:
        return get_path(self.root, path, default)

    def at(self, *path: Any, key: bool = False) -> FieldAnchor:
        return FieldAnchor(self, tuple(path), key)  # type: ignore[arg-type]

    def locate(self) -> Position:
        return self.at().locate()

    def mappings(self, max_nodes: int = 200_000) -> Iterator[tuple[tuple[Any, ...], YMap]]:
        """Every mapping of the tree with its path, each shared (aliased) node once, no recursion."""
        seen: set[int] = set()
        stack: list[tuple[tuple[Any, ...], Any]] = [((), self.root)]
        count = 0
        while stack and count < max_nodes:
            path, node = stack.pop()
            count += 1
            if id(node) in seen:
                continue
            seen.add(id(node))
            if isinstance(node, YMap):
                yield path, node
                stack.extend((path + (k,), v) for k, v in reversed(list(node.items())))
            elif isinstance(node, YSeq):
                stack.extend((path + (i,), v) for i, v in reversed(list(enumerate(node))))
