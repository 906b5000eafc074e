"""Map a position in rendered YAML back to the line of the template (or plain file) it came from.

The rendered document is real YAML with positions; the template is not YAML. We find the
rendered position's key path (``spec.template.spec.containers[0].image``), then walk the
template's text outline (indentation, `key:` and `- ` markers, skipping template-only lines
and block scalars) along that path, as deep as it matches. The deepest match wins; the
fallback is the first line of the object's document in the template.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from linter.sources.yaml import YMap, YSeq

_LINE = re.compile(r"^(\s*)((?:-(?:\s+|$))*)(.*)$")
_KEY = re.compile(r"""^(?:"([^"]+)"|'([^']+)'|([^\s:{}\[\]#"'][^:#]*?))\s*:(?:\s|$)""")
_DIRECTIVE = re.compile(r"^\s*\{\{.*\}\}\s*$")
_BLOCK = re.compile(r":\s*[|>][-+0-9]*\s*(#.*)?$")
_DOC_SEP = re.compile(r"^---(\s|$)")


@dataclass(frozen=True, slots=True)
class _Entry:
    line: int  # 0-based, in the whole text
    items: tuple[int, ...]  # columns of `- ` markers on the line
    key: str | None
    key_col: int


def position_paths(root: Any) -> dict[tuple[int, int], tuple[Any, ...]]:
    """0-based (line, column) of every key, value and item in a rendered tree -> its path."""
    out: dict[tuple[int, int], tuple[Any, ...]] = {}
    stack: list[tuple[tuple[Any, ...], Any]] = [((), root)]
    seen: set[int] = set()
    while stack:
        path, node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, YMap):
            for key, value in node.items():
                sub = path + (key,)
                if key in node.value_pos:
                    out.setdefault(node.value_pos[key], sub)
                if key in node.key_pos:
                    out[node.key_pos[key]] = sub
                stack.append((sub, value))
        elif isinstance(node, YSeq):
            for i, value in enumerate(node):
                if i < len(node.item_pos):
                    out.setdefault(node.item_pos[i], path + (i,))
                stack.append((path + (i,), value))
    return out


def path_at(index: dict[tuple[int, int], tuple[Any, ...]], line: int, column: int) -> tuple[Any, ...]:
    """Key path at a 1-based position: exact, else the first node on that line, else the object."""
    exact = index.get((line - 1, column - 1))
    if exact is not None:
        return exact
    on_line = sorted((c, p) for (ln, c), p in index.items() if ln == line - 1)
    return on_line[0][1] if on_line else ()


def segments(text: str) -> list[tuple[int, int]]:
    """(first line, end line) of each `---`-separated document of a text, 0-based, end exclusive."""
    lines = text.split("\n")
    out: list[tuple[int, int]] = []
    start = 0
    for i, line in enumerate(lines):
        if _DOC_SEP.match(line):
            out.append((start, i))
            start = i + 1
    out.append((start, len(lines)))
    return [s for s in out if any(_content(lines[j]) for j in range(*s))] or [(0, len(lines))]


def _content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#") and not _DIRECTIVE.match(line)


def pick_segment(text: str, kind: str, ordinal: int, fallback: int) -> tuple[int, int]:
    """The document of a template that produced the `ordinal`-th rendered object of this kind."""
    segs = segments(text)
    lines = text.split("\n")
    pat = re.compile(r"^\s*kind:\s*['\"]?" + re.escape(kind) + r"['\"]?\s*(#.*)?$")
    matching = [s for s in segs if kind and any(pat.match(lines[j]) for j in range(*s))]
    if matching:
        return matching[min(ordinal, len(matching) - 1)]
    return segs[min(fallback, len(segs) - 1)]


def _outline(lines: list[str], start: int, end: int) -> list[_Entry]:
    out: list[_Entry] = []
    block_indent: int | None = None
    for i in range(start, end):
        raw = lines[i]
        if not raw.strip():
            continue
        indent = len(raw) - len(raw.lstrip())
        if block_indent is not None:
            if indent > block_indent:
                continue
            block_indent = None
        if not _content(raw):
            continue
        m = _LINE.match(raw)
        assert m is not None
        col = len(m.group(1))
        items: list[int] = []
        for dash in re.finditer(r"-(?:\s+|$)", m.group(2)):
            items.append(col + dash.start())
        rest = m.group(3)
        key_col = col + len(m.group(2))
        km = _KEY.match(rest)
        key = None
        if km is not None:
            key = (km.group(1) or km.group(2) or km.group(3) or "").strip()
            if "{{" in key:
                key = None
        out.append(_Entry(i, tuple(items), key, key_col))
        if _BLOCK.search(rest):
            block_indent = indent if not items else key_col - 1
    return out


def map_path(text: str, segment: tuple[int, int], path: tuple[Any, ...], value: Any = None) -> tuple[int, int]:
    """1-based (line, column) in `text` of the deepest part of `path` found in the segment's outline.

    Where a key appears in several branches (`{{ if }} type: NodePort {{ else }} type: ClusterIP`),
    the line that spells the rendered scalar `value` wins.
    """
    lines = text.split("\n")
    entries = _outline(lines, *segment)
    if not entries:
        return segment[0] + 1, 1
    best = (entries[0].line + 1, entries[0].key_col + 1)
    region = entries
    for step in path:
        if not region:
            break
        if isinstance(step, int):
            cols = [c for e in region for c in e.items]
            if not cols:
                break
            col = min(cols)
            starts = [k for k, e in enumerate(region) if col in e.items]
            k = starts[step] if step < len(starts) else starts[-1] if len(starts) == 1 else None
            if k is None:
                break
            e = region[k]
            best = (e.line + 1, col + 1)
            end = next((j for j in range(k + 1, len(region))
                        if (region[j].items and min(region[j].items) <= col)
                        or (not region[j].items and region[j].key_col <= col)), len(region))
            region = [_strip_item(region[k], col)] + region[k + 1:end]
        else:
            if not any(e.key is not None for e in region):
                break
            col = min(e.key_col for e in region if e.key is not None)
            same = [j for j, e in enumerate(region) if e.key == str(step) and e.key_col == col]
            if not same:
                break
            k = same[0]
            if len(same) > 1 and step == path[-1] and isinstance(value, (str, int, float)) and str(value):
                want = re.compile(r":\s*['\"]?" + re.escape(str(value)) + r"['\"]?\s*(#.*)?$")
                k = next((j for j in same if want.search(lines[region[j].line])), k)
            e = region[k]
            best = (e.line + 1, e.key_col + 1)
            end = next((j for j in range(k + 1, len(region))
                        if region[j].key_col <= col or (region[j].items and min(region[j].items) < col)),
                       len(region))
            region = region[k + 1:end]
    return best


def _strip_item(e: _Entry, col: int) -> _Entry:
    return _Entry(e.line, tuple(c for c in e.items if c > col), e.key, e.key_col)


def locate_in_plain(root: Any, path: tuple[Any, ...]) -> tuple[int, int]:
    """1-based position of the deepest part of `path` found in a parsed (plain YAML) tree."""
    line, col, _ = locate_depth(root, path)
    return line, col


def locate_depth(root: Any, path: tuple[Any, ...]) -> tuple[int, int, int]:
    """(line, column, how many steps of `path` were found) in a parsed tree; 1-based positions."""
    node = root
    line, col = node.pos if isinstance(node, (YMap, YSeq)) else (0, 0)
    depth = 0
    for step in path:
        if isinstance(node, YMap) and step in node:
            line, col = node.key_pos[step]
            node = node[step]
        elif isinstance(node, YSeq) and isinstance(step, int) and 0 <= step < len(node):
            line, col = node.item_pos[step]
            node = node[step]
        else:
            break
        depth += 1
    return line + 1, col + 1, depth


_DEFINE = re.compile(r"^\s*\{\{-?\s*define\s")


def has_kind(text: str, kind: str) -> bool:
    pat = re.compile(r"^\s*kind:\s*['\"]?" + re.escape(kind) + r"['\"]?\s*(#.*)?$", re.MULTILINE)
    return bool(kind) and pat.search(text) is not None


def helper_segment(text: str, kind: str) -> tuple[int, int] | None:
    """The `{{ define }}` block of a helper file (`_objects.tpl`) that spells `kind: <kind>`, if any."""
    if not has_kind(text, kind):
        return None
    lines = text.split("\n")
    pat = re.compile(r"^\s*kind:\s*['\"]?" + re.escape(kind) + r"['\"]?\s*(#.*)?$")
    defines = [i for i, line in enumerate(lines) if _DEFINE.match(line)]
    for i, line in enumerate(lines):
        if pat.match(line):
            start = max((d for d in defines if d < i), default=-1) + 1
            end = min((d for d in defines if d > i), default=len(lines))
            # within the block, the `---`-separated document holding the kind
            for s0, e0 in segments("\n".join(lines[start:end])):
                if s0 <= i - start < e0:
                    return start + s0, start + e0
            return start, end
    return None
