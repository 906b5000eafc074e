"""Compact Kubernetes objects for the project (cross-file) rules.

A run keeps every Kubernetes object until the project rules have run at the end. Holding
their YAML trees (a mapping per node plus the positions of every key and value) costs
~20x the YAML text: 1.2 GB on the 47 MB of manifests of the corpus. Once the per-file
rules of an object have run, the engine keeps a CompactObject instead: the tree
pickled and zlib-compressed (~1/3 of the text), plus the identity fields (kind,
apiVersion, name, namespace, document index) that `by_kind()` filters and findings'
ObjectRefs read. Anything else (`root`, `get`, `at`, `labels`, ...) unpacks the tree
on first use; a few recently used trees stay unpacked (an LRU bounded by packed
bytes), so a project rule's loop over all objects and its memo'd indexes do not unpack
the same object again and again. It is still a K8sObject, with the same identity for
the whole run: rules and the engine see no difference (the tree unpacks equal, with
the same positions).

A large document (32 KB of YAML or more: CustomResourceDefinitions, dashboards in
ConfigMaps) is packed as its own YAML text instead (`DocumentText`), and re-parsed on
first use: pickling a CRD's tree of ~10,000 small mappings cost 1.8 s CPU on the corpus's
303 CRDs, zlib'ing their text ~0.1 s, at a third of the bytes; project rules almost never
read those trees (4 times in a corpus run).

Compact objects also travel cheaply from worker processes to the parent and into
the result cache: their pickle is the packed bytes.
"""
from __future__ import annotations

import gc
import pickle
import zlib
from collections import OrderedDict
from contextlib import contextmanager
from typing import Any, Iterator

from linter.sources.k8s import K8sObject
from linter.sources.yaml import YMap, YamlDocument, get_path, parse_yaml, shift_lines

LRU_BYTES = 1024 * 1024  # packed bytes of the unpacked trees kept (~20x that once unpacked)
TEXT_BYTES = 32 * 1024  # documents at least this long are packed as their YAML text
_TEXT_MIN_LINES = 200  # fewer lines cannot hold TEXT_BYTES of usual YAML: not even measured
TEXT_WEIGHT = 3  # packed text is ~1/3 the bytes of a packed tree: weigh it so in the LRU
# libyaml breaks lines at these too; with any of them a document's lines are not the text's "\n" lines
_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")
_LRU: "OrderedDict[int, tuple[CompactObject, Any, int]]" = OrderedDict()
_lru_bytes = 0
stats = {"unpacked": 0}  # how many times a tree was unpacked (tests, profiling)


@contextmanager
def _no_collector() -> Iterator[None]:
    """Building or pickling a large tree of containers triggers many useless cyclic-GC passes (3x the
    time) where the command line has not turned the collector off already."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _unpack(blob: bytes) -> Any:
    with _no_collector():
        return pickle.loads(zlib.decompress(blob))


def _unpack_text(blob: bytes, pad: int) -> Any:
    """The tree of a document packed as text, re-parsed where it was (`pad` blank lines ahead keep
    every line number)."""
    text = "\n" * pad + zlib.decompress(blob).decode("utf-8", "surrogatepass")
    with _no_collector():
        documents = parse_yaml(text).documents
    return documents[0].root if documents else None


def _root_of(obj: "CompactObject") -> Any:
    global _lru_bytes
    key = id(obj)
    hit = _LRU.get(key)
    if hit is not None and hit[0] is obj:
        _LRU.move_to_end(key)
        return hit[1]
    if obj._pad < 0:
        root = _unpack(obj._blob)
        if obj._shift:  # a tree packed where its document first was (linter.document_memo)
            shift_lines(root, obj._shift)
        size = len(obj._blob)
    else:
        root = _unpack_text(obj._blob, obj._pad)
        size = len(obj._blob) * TEXT_WEIGHT
    stats["unpacked"] += 1
    if hit is not None:  # an id reused by a new object
        _lru_bytes -= _LRU.pop(key)[2]
    _LRU[key] = (obj, root, size)
    _lru_bytes += size
    while _lru_bytes > LRU_BYTES and len(_LRU) > 1:
        _, (_, _, old) = _LRU.popitem(last=False)
        _lru_bytes -= old
    return root


def clear_unpacked() -> None:
    """Drop every unpacked tree (end of a run)."""
    global _lru_bytes
    _LRU.clear()
    _lru_bytes = 0


class CompactObject(K8sObject):
    __slots__ = ("_blob", "_kind", "_api_version", "_name", "_namespace", "_metadata", "_facts", "_pad", "_shift")

    # `root` is a slot of K8sObject; this property shadows it
    @property  # type: ignore[override]
    def root(self) -> YMap:  # type: ignore[override]
        return _root_of(self)

    @property
    def kind(self) -> str:
        return self._kind

    @property
    def api_version(self) -> str:
        return self._api_version

    @property
    def name(self) -> str:
        return self._name

    @property
    def namespace(self) -> str | None:
        return self._namespace

    @property
    def metadata(self) -> YMap:
        # kept unpacked (small): name, labels and annotations are what cross-object indexes read
        meta = self._metadata
        return meta if meta is not None else YMap((0, 0))

    def get(self, *path: Any, default: Any = None) -> Any:
        if path and path[0] == "metadata" and self._metadata is not None:  # no unpacking for it
            return get_path(self._metadata, path[1:], default)
        return get_path(_root_of(self), path, default)

    def __reduce__(self) -> Any:
        doc = self.document
        return (_rebuild, (self._blob, self.file, doc.index, doc.start_line, self.base,
                           self._kind, self._api_version, self._name, self._namespace, self._metadata,
                           self._facts, self._pad, self._shift))

    def __repr__(self) -> str:
        return f"CompactObject({self._kind} {self._name!r} in {self.file!r})"


def _rebuild(blob: bytes, file: str, index: int, start_line: int, base: tuple[Any, ...], kind: str,
             api_version: str, name: str, namespace: str | None, metadata: YMap | None = None,
             facts: dict[str, Any] | None = None, pad: int = -1, shift: int = 0) -> CompactObject:
    obj = object.__new__(CompactObject)
    obj._blob = blob
    object.__setattr__(obj, "file", file)
    object.__setattr__(obj, "document", YamlDocument(index, None, start_line))
    object.__setattr__(obj, "base", base)
    obj._kind, obj._api_version, obj._name, obj._namespace = kind, api_version, name, namespace
    obj._metadata = metadata
    obj._facts = facts
    obj._pad = pad  # -1: `_blob` is the pickled tree; else the text, `pad` lines into its file
    obj._shift = shift  # lines to move the pickled tree's positions by once unpacked
    return obj


class DocumentText:
    """The text a file's documents were parsed from, to pack a large document as its text."""

    __slots__ = ("text", "_lines")

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: list[str] | None = None

    def of(self, doc: YamlDocument) -> tuple[int, str] | None:
        """(line where the document starts, 0-based; its text) when it is large and its lines are
        plain "\\n" lines, else None (pack the tree)."""
        first, last = doc.start_line - 1, doc.end_line - 1
        if doc.end_line <= 0 or last - first + 1 < _TEXT_MIN_LINES:
            return None
        if self._lines is None:
            text = self.text
            # a %YAML/%TAG directive belongs to the stream ahead of the document
            if any(b in text for b in _OTHER_BREAKS) or text.startswith("%") or "\n%" in text:
                self._lines = []
            else:
                self._lines = text.split("\n")
        if not self._lines:
            return None
        body = "\n".join(self._lines[first:last + 1])
        return (first, body) if len(body) >= TEXT_BYTES else None


def compact(obj: K8sObject, facts: dict[str, Any] | None = None, source: DocumentText | None = None) -> K8sObject:
    """A CompactObject for `obj` (or `obj` itself when its tree cannot be pickled, e.g. too deep).

    `facts`: what project rules computed ahead from the tree (see `prepared`); `source`: the text
    `obj`'s file was parsed from, to pack a large document as its text."""
    if isinstance(obj, CompactObject):
        return obj
    meta = obj.root.get("metadata")
    meta = meta if isinstance(meta, YMap) else None
    found = source.of(obj.document) if source is not None and not obj.base else None  # not a List's item
    if found is not None:
        blob = zlib.compress(found[1].encode("utf-8", "surrogatepass"), 1)
        return _rebuild(blob, obj.file, obj.document.index, obj.document.start_line, obj.base,
                        obj.kind, obj.api_version, obj.name, obj.namespace, meta, facts or None, found[0])
    try:
        with _no_collector():
            blob = zlib.compress(pickle.dumps(obj.root, protocol=pickle.HIGHEST_PROTOCOL), 1)
    except (RecursionError, pickle.PicklingError, TypeError, AttributeError):
        return obj
    return _rebuild(blob, obj.file, obj.document.index, obj.document.start_line, obj.base,
                    obj.kind, obj.api_version, obj.name, obj.namespace, meta, facts or None)


_NOTHING = object()


def prepared(obj: K8sObject, key: str, default: Any = None) -> Any:
    """What a project rule's `prepare(obj, ctx)` returned for `obj` when its file was linted, or `default`.

    A project rule whose per-object work reads a large part of the tree (schema validation) can do
    it in the per-file phase - in the worker processes, on the tree that is there anyway - by
    setting `check.prepare = fn`; the engine stores fn's result with the compact object under the
    rule module's name, and the rule reads it back here, so most objects are never unpacked.
    """
    facts = getattr(obj, "_facts", None)
    if not facts:
        return default
    value = facts.get(key, _NOTHING)
    return default if value is _NOTHING else value
