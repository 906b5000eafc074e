"""A light YAML tree with positions, built from ruamel.yaml's libyaml event stream.

ruamel.yaml's round-trip loader keeps positions but is pure Python and ~20x
slower than a C parse. Here the C parser (ruamel.yaml.clib) emits events and a
small iterative builder turns them into plain ``dict``/``list`` subclasses that
carry their own and their children's positions. Scalars are plain Python values;
their positions live in the parent, as in ruamel's ``lc``.

Aliases share one object (never expanded); the builder computes each
document's expanded size and refuses documents that would blow up ("billion
laughs"). Nesting depth costs no Python recursion.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterator

_CParser: Any = None  # _ruamel_yaml.CParser (libyaml through ruamel.yaml.clib), imported on first use

Pos = tuple[int, int]  # 0-based (line, column), as the parser reports them

MAX_EXPANDED_NODES = 2_000_000
MERGE_KEY = "<<"


class YMap(dict):
    """A mapping that knows where it, its keys and its values are."""

    __slots__ = ("pos", "key_pos", "value_pos", "anchor")

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self.key_pos: dict[Any, Pos] = {}
        self.value_pos: dict[Any, Pos] = {}
        self.anchor: str | None = None

    __hash__ = object.__hash__  # identity hashing, for visited sets

    def __reduce__(self) -> Any:  # ~2x faster to pickle than the generic path for slotted dict subclasses
        return (_rebuild_map, (self.pos, dict(self), self.key_pos, self.value_pos, self.anchor))


class YSeq(list):
    """A sequence that knows where it and its items are."""

    __slots__ = ("pos", "item_pos", "anchor")

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self.item_pos: list[Pos] = []
        self.anchor: str | None = None

    __hash__ = object.__hash__

    def __reduce__(self) -> Any:
        return (_rebuild_seq, (self.pos, list(self), self.item_pos, self.anchor))


def _rebuild_map(pos: Pos, items: dict[Any, Any], key_pos: dict[Any, Pos], value_pos: dict[Any, Pos],
                 anchor: str | None) -> YMap:
    node = YMap.__new__(YMap)
    dict.update(node, items)
    node.pos, node.key_pos, node.value_pos, node.anchor = pos, key_pos, value_pos, anchor
    return node


def _rebuild_seq(pos: Pos, items: list[Any], item_pos: list[Pos], anchor: str | None) -> YSeq:
    node = YSeq.__new__(YSeq)
    list.extend(node, items)
    node.pos, node.item_pos, node.anchor = pos, item_pos, anchor
    return node


@dataclass(slots=True)
class YamlProblem:
    kind: str  # "syntax", "duplicate-key", "alias-bomb", "encoding"
    message: str
    line: int  # 1-based
    column: int  # 1-based


@dataclass(slots=True)
class YamlDocument:
    index: int
    root: Any
    start_line: int  # 1-based
    problems: list[YamlProblem] = field(default_factory=list)
    end_line: int = 0  # 1-based line of the document's end (the next `---` line when implicit); 0: unknown


@dataclass(slots=True)
class YamlFile:
    documents: list[YamlDocument]
    problems: list[YamlProblem]


# YAML 1.1 scalar resolution, as Kubernetes (go-yaml v2) reads plain scalars.
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"}
_FALSE = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"}
_INT = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")
_HEX = re.compile(r"^[-+]?0x[0-9a-fA-F_]+$")
_OCT = re.compile(r"^[-+]?0o?[0-7_]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}


def resolve_plain(text: str) -> Any:
    if text in _NULL:
        return None
    first = text[0]
    if first in "tTfFyYnNoO" and len(text) <= 5:
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    if first.isdigit() or first in "+-.":
        try:
            if _INT.match(text):
                return int(text.replace("_", ""))
            if _HEX.match(text):
                return int(text.replace("_", ""), 16)
            if _OCT.match(text) and len(text.lstrip("+-")) > 1:
                return int(text.replace("_", "").replace("0o", "0"), 8)
            if _FLOAT.match(text) and any(c.isdigit() for c in text):
                return float(text.replace("_", ""))
            low = text.lower()
            if low in _SPECIAL_FLOAT:
                return _SPECIAL_FLOAT[low]
        except ValueError:
            return text
    return text


class _Frame:
    __slots__ = ("node", "pending_key", "key_pos", "size", "merges")

    def __init__(self, node: Any) -> None:
        self.node = node
        self.pending_key: Any = _NO_KEY
        self.key_pos: Pos = (0, 0)
        self.size = 1
        self.merges: list[Any] = []


_NO_KEY = object()


def _hashable(key: Any) -> Any:
    if isinstance(key, (YMap, YSeq)):
        return "<complex key>"
    return key


_RESOLVED_TAGS = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                            "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"})
_ev: Any = None  # the classes of the parser's events (linter.sources.yaml_events), set on first use


def _ruamel() -> tuple[Any, Any, Any]:
    global _ev, _CParser
    if _ev is None:
        import ruamel.yaml.events as events

        try:  # libyaml through ruamel.yaml.clib
            import _ruamel_yaml
        except ImportError:  # pragma: no cover - exercised only without the C extension
            _ev = events
        else:
            from linter.sources.yaml_events import install

            _CParser = _ruamel_yaml.CParser
            _ev = install(_ruamel_yaml, events)  # the (lighter) classes its events are made of
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    return _ev, MarkedYAMLError, YAMLError


def parse_yaml(text: str) -> YamlFile:
    """Parse every document; a syntax error ends the stream with one problem.

    The hot loop of a corpus run (one pass per libyaml event): `_attach` and the
    event dispatch are inlined, and plain scalars are resolved only when they can
    be something other than a string.
    """
    ev, MarkedYAMLError, YAMLError = _ruamel()
    ScalarEvent, AliasEvent = ev.ScalarEvent, ev.AliasEvent
    MappingStartEvent, SequenceStartEvent = ev.MappingStartEvent, ev.SequenceStartEvent
    MappingEndEvent, SequenceEndEvent = ev.MappingEndEvent, ev.SequenceEndEvent
    DocumentStartEvent, DocumentEndEvent, StreamEndEvent = ev.DocumentStartEvent, ev.DocumentEndEvent, ev.StreamEndEvent
    documents: list[YamlDocument] = []
    problems: list[YamlProblem] = []
    anchors: dict[str, tuple[Any, int]] = {}
    stack: list[_Frame] = []
    doc: YamlDocument | None = None
    bomb = False
    resolve = resolve_plain
    if _CParser is not None:
        get_event = _CParser(text).get_event
    else:  # pragma: no cover
        get_event = _pure_events(text).__next__
    try:
        while True:
            event = get_event()
            cls = event.__class__
            if cls is ScalarEvent:
                mark = event.start_mark
                pos = (mark.line, mark.column)
                ctag = event.ctag
                raw = event.value
                if ctag is None:
                    if not event.style and event.implicit[0]:
                        value: Any = resolve(raw) if (not raw or raw[0] in _MAYBE_NOT_STR) else raw
                    else:
                        value = raw
                elif str(ctag) in _RESOLVED_TAGS:
                    value = resolve(raw)
                else:
                    value = raw
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
                if stack:
                    # _attach(stack, value, pos, 1, problems), inlined
                    frame = stack[-1]
                    node = frame.node
                    key = frame.pending_key
                    if node.__class__ is YSeq:
                        frame.size += 1
                        node.append(value)
                        node.item_pos.append(pos)
                    elif key is _NO_KEY:
                        frame.size += 1
                        frame.pending_key = value
                        frame.key_pos = pos
                    elif key in node:  # a duplicate key: the rare path
                        _attach(stack, value, pos, 1, problems)
                    else:
                        frame.size += 1
                        frame.pending_key = _NO_KEY
                        node[key] = value
                        node.key_pos[key] = frame.key_pos
                        node.value_pos[key] = pos
            elif cls is MappingStartEvent or cls is SequenceStartEvent:
                mark = event.start_mark
                node = YMap((mark.line, mark.column)) if cls is MappingStartEvent else YSeq((mark.line, mark.column))
                if event.anchor:
                    node.anchor = event.anchor
                stack.append(_Frame(node))
            elif cls is MappingEndEvent or cls is SequenceEndEvent:
                frame = stack.pop()
                node = frame.node
                if frame.size > MAX_EXPANDED_NODES:
                    bomb = True
                if frame.merges:
                    _apply_merges(node, frame.merges)
                if node.anchor:
                    anchors[node.anchor] = (node, frame.size)
                if stack:
                    _attach(stack, node, node.pos, frame.size, problems)
                elif doc is not None:
                    doc.root = node
            elif cls is AliasEvent:
                mark = event.start_mark
                target, size = anchors.get(event.anchor, (None, 1))
                if stack:
                    _attach(stack, target, (mark.line, mark.column), size, problems)
                elif doc is not None:
                    doc.root = target
                if stack and stack[-1].size > MAX_EXPANDED_NODES:
                    bomb = True
            elif cls is DocumentStartEvent:
                doc = YamlDocument(len(documents), None, event.start_mark.line + 1)
                stack.clear()
                anchors.clear()
                bomb = False
            elif cls is DocumentEndEvent:
                if doc is not None:
                    doc.end_line = event.end_mark.line + 1
                    if bomb:
                        doc.problems.append(YamlProblem(
                            "alias-bomb",
                            f"aliases in this document expand to more than {MAX_EXPANDED_NODES:,} nodes;"
                            " the document was not linted",
                            doc.start_line, 1,
                        ))
                        doc.root = None
                    documents.append(doc)
                doc = None
            elif cls is StreamEndEvent:
                break
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        message = " ".join(p for p in (exc.context, exc.problem) if p)
        problems.append(YamlProblem("syntax", f"YAML syntax error: {message}", line, col))
    except YAMLError as exc:
        problems.append(YamlProblem("syntax", f"YAML error: {type(exc).__name__}", 1, 1))
    return YamlFile(documents, problems)


# first characters of the plain scalars that may resolve to something other than a string
_MAYBE_NOT_STR = frozenset("~nNtTfFyYoO0123456789+-.")


def _pure_events(text: str) -> Iterator[Any]:  # pragma: no cover - only without the C extension
    from ruamel.yaml import YAML

    yield from YAML(typ="safe", pure=True).parse(text)


def _attach(stack: list[_Frame], value: Any, pos: Pos, size: int, problems: list[YamlProblem]) -> None:
    if not stack:
        return
    frame = stack[-1]
    frame.size += size
    node = frame.node
    if isinstance(node, YSeq):
        node.append(value)
        node.item_pos.append(pos)
        return
    if frame.pending_key is _NO_KEY:
        frame.pending_key = _hashable(value)
        frame.key_pos = pos
        return
    key = frame.pending_key
    frame.pending_key = _NO_KEY
    if key == MERGE_KEY and isinstance(value, (YMap, YSeq)):
        frame.merges.append(value)
        return
    if key in node:
        problems.append(YamlProblem(
            "duplicate-key", f"duplicate key {str(key)!r} (the last value wins)",
            frame.key_pos[0] + 1, frame.key_pos[1] + 1,
        ))
    node[key] = value
    node.key_pos[key] = frame.key_pos
    node.value_pos[key] = pos


def _apply_merges(node: YMap, merges: list[Any]) -> None:
    # `<<: *a` or `<<: [*a, *b]`: earlier sources win, explicit keys win over all
    sources: list[YMap] = []
    for merged in merges:
        if isinstance(merged, YMap):
            sources.append(merged)
        elif isinstance(merged, YSeq):
            sources.extend(m for m in merged if isinstance(m, YMap))
    for source in sources:
        for key, value in source.items():
            if key not in node:
                node[key] = value
                node.key_pos[key] = source.key_pos.get(key, source.pos)
                node.value_pos[key] = source.value_pos.get(key, source.pos)


def walk(root: Any, max_nodes: int = 1_000_000) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Iterate (path, value) over a tree, each shared (aliased) node once, with no recursion."""
    seen: set[int] = set()
    stack: list[tuple[tuple[Any, ...], Any]] = [((), root)]
    count = 0
    while stack:
        path, node = stack.pop()
        count += 1
        if count > max_nodes:
            return
        yield path, node
        if isinstance(node, (YMap, YSeq)):
            if id(node) in seen:
                continue
            seen.add(id(node))
            items = node.items() if isinstance(node, YMap) else enumerate(node)
            stack.extend((path + (k,), v) for k, v in reversed(list(items)))


def get_path(root: Any, path: tuple[Any, ...], default: Any = None) -> Any:
    """The value at `path` (mapping keys and list indexes) below `root`, or `default`."""
    node = root
    for step in path:
        if isinstance(node, dict) and step in node:
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
        else:
            return default
    return node


def moved(root: Any, lines: int) -> Any:
    """A copy of a tree with every position `lines` lines further down (the same document found at
    another place of another file); shared (aliased) nodes stay shared. No recursion."""
    if lines == 0 or not isinstance(root, (YMap, YSeq)):
        return root

    def shift(pos: Pos) -> Pos:
        return (pos[0] + lines, pos[1])

    copies: dict[int, Any] = {}

    def copy_of(node: Any) -> Any:
        if not isinstance(node, (YMap, YSeq)):
            return node
        made = copies.get(id(node))
        if made is None:
            made = copies[id(node)] = YMap(shift(node.pos)) if isinstance(node, YMap) else YSeq(shift(node.pos))
            made.anchor = node.anchor
            todo.append((node, made))
        return made

    todo: list[tuple[Any, Any]] = []
    top = copy_of(root)
    while todo:
        node, made = todo.pop()
        if isinstance(node, YMap):
            for key, value in node.items():
                made[key] = copy_of(value)
            made.key_pos.update((k, shift(p)) for k, p in node.key_pos.items())
            made.value_pos.update((k, shift(p)) for k, p in node.value_pos.items())
        else:
            made.extend(copy_of(value) for value in node)
            made.item_pos.extend(shift(p) for p in node.item_pos)
    return top


def shift_lines(root: Any, lines: int) -> None:
    """Move every position of a tree `lines` lines down, in place (a tree just unpacked). No recursion."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if not isinstance(node, (YMap, YSeq)) or id(node) in seen:
            continue
        seen.add(id(node))
        node.pos = (node.pos[0] + lines, node.pos[1])
        if isinstance(node, YMap):
            node.key_pos = {k: (p[0] + lines, p[1]) for k, p in node.key_pos.items()}
            node.value_pos = {k: (p[0] + lines, p[1]) for k, p in node.value_pos.items()}
            stack.extend(node.values())
        else:
            node.item_pos = [(p[0] + lines, p[1]) for p in node.item_pos]
            stack.extend(node)
