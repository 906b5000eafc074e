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

Compact objects also travel cheaply from worker processes to the parent and into
the result cache: their pickle is the packed bytes.
"""
from __future__ import annotations

import gc
import pickle
import zlib
from collections import OrderedDict
from typing import Any

from linter.sources.k8s import K8sObject
from linter.sources.yaml import YMap, YamlDocument

LRU_BYTES = 1024 * 1024  # packed bytes of the unpacked trees kept (~20x that once unpacked)
_LRU: "OrderedDict[int, tuple[CompactObject, Any, int]]" = OrderedDict()
_lru_bytes = 0
stats = {"unpacked": 0}  # how many times a tree was unpacked (tests, profiling)


def _unpack(blob: bytes) -> Any:
    # unpickling a large tree of containers triggers many useless cyclic-GC passes (3x the time)
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(zlib.decompress(blob))
    finally:
        if enabled:
            gc.enable()


def _root_of(obj: "CompactObject") -> Any:
    global _lru_bytes
    key = id(obj)
    hit = _LRU.get(key)
    if hit is not None and hit[0] is obj:
        _LRU.move_to_end(key)
        return hit[1]
    root = _unpack(obj._blob)
    stats["unpacked"] += 1
    size = len(obj._blob)
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
    __slots__ = ("_blob", "_kind", "_api_version", "_name", "_namespace", "_metadata", "_facts")

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

    def __reduce__(self) -> Any:
        doc = self.document
        return (_rebuild, (self._blob, self.file, doc.index, doc.start_line, self.base,
                           self._kind, self._api_version, self._name, self._namespace, self._metadata,
                           self._facts))

    def __repr__(self) -> str:
        return f"CompactObject({self._kind} {self._name!r} in {self.file!r})"


def _rebuild(blob: bytes, file: str, index: int, start_line: int, base: tuple[Any, ...], kind: str,
             api_version: str, name: str, namespace: str | None, metadata: YMap | None = None,
             facts: dict[str, Any] | None = None) -> CompactObject:
    obj = object.__new__(CompactObject)
    obj._blob = blob
    object.__setattr__(obj, "file", file)
    object.__setattr__(obj, "document", YamlDocument(index, None, start_line))
    object.__setattr__(obj, "base", base)
    obj._kind, obj._api_version, obj._name, obj._namespace = kind, api_version, name, namespace
    obj._metadata = metadata
    obj._facts = facts
    return obj


def compact(obj: K8sObject, facts: dict[str, Any] | None = None) -> K8sObject:
    """A CompactObject for `obj` (or `obj` itself when its tree cannot be pickled, e.g. too deep).

    `facts`: what project rules computed ahead from the tree (see `prepared`)."""
    if isinstance(obj, CompactObject):
        return obj
    enabled = gc.isenabled()
    gc.disable()
    try:
        blob = zlib.compress(pickle.dumps(obj.root, protocol=pickle.HIGHEST_PROTOCOL), 1)
    except (RecursionError, pickle.PicklingError, TypeError, AttributeError):
        return obj
    finally:
        if enabled:
            gc.enable()
    meta = obj.root.get("metadata")
    return _rebuild(blob, obj.file, obj.document.index, obj.document.start_line, obj.base,
                    obj.kind, obj.api_version, obj.name, obj.namespace, meta if isinstance(meta, YMap) else None,
                    facts or None)


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
