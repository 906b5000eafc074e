"""JSON-schema validation of built-in Kubernetes kinds with the schemas of `kubernetes-validate`.

The package ships the OpenAPI-derived JSON schemas of each Kubernetes release (strict
variants forbid unknown fields). Each release's definitions are loaded once per process and
objects are checked by a small walker over the schema subset Kubernetes uses. Only
(group/version, kind) pairs that a release's schemas define are validated: custom resources,
and CRDs that reuse a built-in kind name in another group, are never matched to a built-in
schema.

A release's `_definitions.json` is 1.5 MB of JSON (~20 ms to load), and a single-file call needs
a few kinds of it: each release's (apiVersion, kind) index and each kind's definitions (the
closure of its `$ref`s) are stored once in k8slint's cache folder (marshal, keyed by the schema
file's path and stamp, like bashlex's tables: derived from the installed package, so `--no-cache`
does not apply) and read from there by later runs. Validation sees the same definitions either way.
"""
from __future__ import annotations

import json
import marshal
import os
import re
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, NamedTuple

_DIR_RE = re.compile(r"^v1\.(\d+)\.\d+-local$")


class SchemaProblem(NamedTuple):
    path: tuple[Any, ...]  # path of the offending value (or of the unknown key)
    key: bool  # the path ends with an unknown key: point at the key
    message: str


@lru_cache(maxsize=1)
def _schema_root() -> Path | None:
    # find_spec locates the package without running its __init__ (which imports jsonschema and
    # friends, ~0.1 s of a single-file call); only the schema files are used
    import importlib.util

    try:
        spec = importlib.util.find_spec("kubernetes_validate")
    except (ImportError, ValueError):
        spec = None
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        found = Path(folder) / "kubernetes-json-schema"
        if found.is_dir():
            return found
    from importlib import resources  # only here: it imports tempfile, shutil, zipfile support...

    try:
        root = resources.files("kubernetes_validate") / "kubernetes-json-schema"
    except (ModuleNotFoundError, TypeError):
        return None
    path = Path(str(root))
    return path if path.is_dir() else None


@lru_cache(maxsize=1)
def available_releases() -> tuple[int, ...]:
    """Minor versions (1.N) with schemas, ascending; empty without kubernetes-validate."""
    root = _schema_root()
    if root is None:
        return ()
    return tuple(sorted(int(m.group(1)) for d in root.iterdir() if (m := _DIR_RE.match(d.name))))


def schema_release(target: str) -> int | None:
    """The newest release with schemas that is not newer than `target` ("1.34"); else the oldest."""
    releases = available_releases()
    if not releases:
        return None
    m = re.match(r"^v?1\.(\d+)", target)
    minor = int(m.group(1)) if m else releases[-1]
    older = [r for r in releases if r <= minor]
    return older[-1] if older else releases[0]


def _dir(release: int, strict: bool) -> Path:
    root = _schema_root()
    assert root is not None
    return root / f"v1.{release}.0-local{'-strict' if strict else ''}"


@lru_cache(maxsize=4)
def _definitions(release: int, strict: bool) -> dict[str, Any]:
    with open(_dir(release, strict) / "_definitions.json", encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=4)
def known_kinds(release: int) -> frozenset[tuple[str, str]]:
    """(apiVersion, kind) of every top-level built-in object of a release."""
    out = set()
    for definition in _definitions(release, True).get("$defs", {}).values():
        for gvk in definition.get("x-kubernetes-group-version-kind") or ():
            group, version, kind = gvk.get("group", ""), gvk.get("version", ""), gvk.get("kind", "")
            out.add((f"{group}/{version}" if group else version, kind))
    return frozenset(out)


def _build_roots(release: int) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for name, definition in _definitions(release, True).get("$defs", {}).items():
        for gvk in definition.get("x-kubernetes-group-version-kind") or ():
            group, version, kind = gvk.get("group", ""), gvk.get("version", ""), gvk.get("kind", "")
            if "properties" in definition and "metadata" in definition["properties"]:
                out.setdefault((f"{group}/{version}" if group else version, kind), name)
    return out


@lru_cache(maxsize=16)
def _roots(release: int) -> dict[tuple[str, str], str]:
    """(apiVersion, kind) -> name of its definition in the release's `_definitions.json`."""
    return _stored(release, "index", lambda: _build_roots(release))


def _build_closure(release: int, name: str) -> dict[str, Any]:
    """The definition `name` and every definition its `$ref`s reach, transitively."""
    defs = _definitions(release, True).get("$defs", {})
    out: dict[str, Any] = {}
    todo = [name]
    while todo:
        current = todo.pop()
        if current in out or current not in defs:
            continue
        out[current] = defs[current]
        stack: list[Any] = [defs[current]]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                ref = node.get("$ref")
                if isinstance(ref, str):
                    todo.append(ref.rpartition("/")[2])
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
    return out


STORE_FORMAT = "1"


def _stored(release: int, part: str, build: Any) -> Any:
    """`build()`'s result for this release's schemas, from k8slint's cache folder when stored there
    for the same schema file (its path and stamp, checked inside the file), else built and stored."""
    source = _dir(release, True) / "_definitions.json"
    try:
        st = os.stat(source)
    except OSError:
        return build()
    key = f"{STORE_FORMAT}|{source}|{st.st_mtime_ns}|{st.st_size}|{part}"
    from linter.cachedir import default_cache_dir

    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", part)[-80:]
    path = os.path.join(str(default_cache_dir()), "schemas", f"1.{release}-{zlib.crc32(key.encode()):08x}-{safe}.marshal")
    try:
        with open(path, "rb") as fh:
            stored_key, value = marshal.load(fh)
        if stored_key == key:
            return value
    except (OSError, EOFError, ValueError, TypeError):
        pass  # not stored yet, or unreadable: build it
    value = build()
    from linter.atomic import write_atomic

    write_atomic(path, marshal.dumps((key, value)))
    return value


def has_schema(release: int, api_version: str, kind: str) -> bool:
    return (api_version, kind) in _roots(release)


_TYPES: dict[str, Any] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


_NAMES = {"string": "a string", "integer": "an integer", "number": "a number", "boolean": "a boolean",
          "array": "a list", "object": "a mapping"}


def _types(schema: dict[str, Any]) -> list[str]:
    t = schema.get("type")
    return [t] if isinstance(t, str) else list(t or [])


def _expected(types: list[str]) -> str:
    return " or ".join(_NAMES.get(t, t) for t in types if t != "null") or "another type"


class _Node:
    """A schema node with its $ref resolved and its checks precomputed."""

    __slots__ = ("types", "expected", "props", "extra", "required", "items", "enum", "alts")

    def __init__(self, schema: dict[str, Any], resolve: Any) -> None:
        types = [t for t in _types(schema) if t in _TYPES]
        self.types = tuple(_TYPES[t] for t in types) or None
        self.expected = _expected(types)
        self.props = schema.get("properties") or {}
        self.extra = schema.get("additionalProperties")
        self.required = tuple(schema.get("required") or ())
        self.items = schema.get("items") if isinstance(schema.get("items"), dict) else None
        self.enum = schema.get("enum")
        alts = schema.get("oneOf")
        if alts is not None:
            resolved = [resolve(a) for a in alts]
            alt_types = [t for a in resolved for t in _types(a) if t in _TYPES]
            self.alts = (tuple(_TYPES[t] for t in alt_types), _expected(alt_types))
        else:
            self.alts = None


class _Walker:
    """A small validator for the JSON-schema subset of the Kubernetes schemas
    (type, properties, additionalProperties, items, required, enum, oneOf, $ref): one
    iterative pass over the object with precompiled schema nodes, many times faster than a
    general validator, keeping the error paths for exact positions."""

    __slots__ = ("defs", "nodes")

    def __init__(self, defs: dict[str, Any]) -> None:
        self.defs = defs
        self.nodes: dict[int, _Node] = {}

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        seen = 0
        while "$ref" in schema and seen < 50:
            schema = self.defs.get(schema["$ref"].rpartition("/")[2], {})
            seen += 1
        return schema

    def node(self, schema: dict[str, Any]) -> _Node:
        found = self.nodes.get(id(schema))
        if found is None:
            found = self.nodes[id(schema)] = _Node(self.resolve(schema), self.resolve)
        return found

    def walk(self, schema: dict[str, Any], value: Any) -> list[SchemaProblem]:
        out: list[SchemaProblem] = []
        # paths are linked (parent, step) pairs, turned into tuples only for problems
        stack: list[tuple[dict[str, Any], Any, Any]] = [(schema, value, None)]
        node_of = self.node
        while stack:
            schema, value, link = stack.pop()
            if value is None:
                continue  # Kubernetes treats an explicit null as unset
            n = node_of(schema)
            if n.alts is not None:
                if not any(check(value) for check in n.alts[0]):
                    out.append(SchemaProblem(_path(link), False, f"expected {n.alts[1]}, found {_type_name(value)}"))
                continue
            if n.types is not None and not any(check(value) for check in n.types):
                out.append(SchemaProblem(_path(link), False, f"expected {n.expected}, found {_type_name(value)}"))
                continue
            if n.enum is not None and value not in n.enum:
                allowed = ", ".join(str(e) for e in n.enum if e is not None)
                out.append(SchemaProblem(_path(link), False, f"`{value}` is not one of: {allowed}"))
                continue
            if isinstance(value, dict):
                props, extra = n.props, n.extra
                for req in n.required:
                    if req not in value:
                        out.append(SchemaProblem(_path(link), True, f"missing required field `{req}`"))
                for k, v in value.items():
                    sub = props.get(k)
                    if sub is not None:
                        stack.append((sub, v, (link, k)))
                    elif extra is False:
                        out.append(SchemaProblem(_path((link, k)), True, f"unknown field `{k}`"))
                    elif isinstance(extra, dict):
                        stack.append((extra, v, (link, k)))
            elif isinstance(value, list) and n.items is not None:
                items = n.items
                stack.extend((items, v, (link, i)) for i, v in enumerate(value))
        return out


def _path(link: Any) -> tuple[Any, ...]:
    steps = []
    while link is not None:
        link, step = link
        steps.append(step)
    return tuple(reversed(steps))


@lru_cache(maxsize=4)
def _walker(release: int) -> _Walker:
    return _Walker({})  # definitions added kind by kind (_closure)


def _with_definitions(release: int, name: str) -> _Walker:
    """The release's walker, holding at least the definitions `name` needs."""
    walker = _walker(release)
    if name not in walker.defs:
        for def_name, definition in _stored(release, f"kind-{name}", lambda: _build_closure(release, name)).items():
            walker.defs.setdefault(def_name, definition)
    return walker


def problems(root: Any, release: int, api_version: str, kind: str) -> list[SchemaProblem] | None:
    """Schema problems of one object (strict: unknown fields included), or None without a schema."""
    name = _roots(release).get((api_version, kind))
    if name is None:
        return None
    walker = _with_definitions(release, name)
    out = walker.walk(walker.defs[name], root)
    out.sort(key=lambda p: tuple(str(x) for x in p.path))
    return out


@lru_cache(maxsize=1)
def builtin_groups() -> frozenset[str]:
    """API groups of built-in kinds in any release's schemas (plus the removed `extensions`)."""
    groups = {"extensions"}
    for release in available_releases():
        groups.update(av.rpartition("/")[0] for av, _ in _roots(release))
    return frozenset(groups)
