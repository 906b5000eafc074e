"""Documents that recur across the kustomize builds of a run, parsed and linted once.

Overlays build the same bases: on the corpus, 68 % of the 27 MB that `kubectl kustomize` prints
are documents that another build of the run printed already, byte for byte (each of argo-cd's
overlays prints its 1.8 MB of CRDs again). What the per-object rules find depends on the object
alone, so a document met before is neither parsed nor linted again: its findings and its project
object are those of its first build, moved to where it is now.

How, without parsing it: the output is split at its `---` lines; each document met before is
blanked (its `---` kept, every other line emptied), and the rest is parsed and linted as the
whole output would be, with the same line numbers and document indexes; the parse must agree
with the split (every document where the split put it, no problems) or the output is linted
whole. Documents are reused only when their findings are all within them, their object is a
document root, and every per-object rule is k8slint's own (a plugin's rule might read the path).
"""
from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, NamedTuple

from linter import suppression as sup
from linter.model import Finding, Target
from linter.sources.k8s_compact import CompactObject, _rebuild
from linter.sources.yaml import YamlFile, moved, parse_yaml

if TYPE_CHECKING:  # pragma: no cover
    from linter.engine import Linter, Project

MARKER = "---"
_OWN_MODULES = ("rules", "linter")  # per-object rules whose findings depend on the object alone


class _Part(NamedTuple):
    start: int  # 0-based index of its first line (its `---` line, when it has one)
    end: int  # 0-based index past its last line
    marker: bool  # it starts with a `---` line

    @property
    def first(self) -> int:
        """1-based line of its first content line: what its positions are relative to."""
        return self.start + self.marker + 1


@dataclass(slots=True)
class _Linted:
    first: int  # 1-based line of its first content line where it was linted
    findings: tuple[Finding, ...]
    stored: tuple[Any, ...] | None  # (kind, apiVersion, name, namespace, metadata, facts, packed text)


@dataclass
class DocumentMemo:
    """The documents linted so far in this process's run (None: met, but not reusable)."""

    seen: dict[tuple[Any, ...], _Linted | None] = field(default_factory=dict)
    own_rules: bool | None = None

    def clear(self) -> None:
        self.seen.clear()


def _parts(lines: list[str]) -> list[_Part]:
    starts = [0] + [i for i, line in enumerate(lines) if line == MARKER and i > 0]
    ends = starts[1:] + [len(lines)]
    return [_Part(s, e, lines[s] == MARKER) for s, e in zip(starts, ends)]


def _content(lines: list[str], part: _Part) -> str:
    body = lines[part.start + part.marker:part.end]
    while body and not body[-1]:
        body = body[:-1]
    return "\n".join(body)


def _own_rules(linter: "Linter") -> bool:
    return all(call.check.__module__.partition(".")[0] in _OWN_MODULES for call in linter._calls[Target.K8S_OBJECT])


def lint_built(linter: "Linter", memo: DocumentMemo | None, text: str, key: str,
               project: "Project | None") -> tuple[YamlFile, list[Finding], Callable[[int], Any]]:
    """(the parse, the findings, the root of document n) of a kustomize output linted under `key`;
    its objects go to `project`. Documents in `memo` are reused, the others added to it."""
    reused = _reusing(linter, memo, text, key, project) if memo is not None else None
    if reused is not None:
        return reused
    parsed = parse_yaml(text)
    found = linter._lint_yaml(text, key, True, project, parsed=parsed) or []
    return parsed, found, [d.root for d in parsed.documents].__getitem__


def _reusing(linter: "Linter", memo: DocumentMemo, text: str, key: str,
             project: "Project | None") -> tuple[YamlFile, list[Finding], Callable[[int], Any]] | None:
    if memo.own_rules is None:
        memo.own_rules = _own_rules(linter)
    if not memo.own_rules or any(b in text for b in ("\r", "\x85", "\u2028", "\u2029")):
        return None  # libyaml's other line breaks would move its lines off the text's "\n" lines
    sups = sup.yaml_suppressions(text, linter.registry)
    if sups.file_wide or sups.by_line or sups.unknown:
        return None  # a comment's suppression reaches across documents
    lines = text.split("\n")
    parts = _parts(lines)
    excluded = tuple(c.id for c in linter._calls[Target.K8S_OBJECT]
                     if c.exclude is not None and c.exclude.match_file(key))
    context = (excluded, key.rsplit("/", 1)[-1], project is not None)
    contents = [_content(lines, p) for p in parts]
    ids = [(hashlib.blake2b(c.encode("utf-8", "surrogatepass"), digest_size=16).digest(),) + context
           for c in contents]
    known = [memo.seen.get(i) for i in ids]
    masked_text = _blanked(lines, parts, known) if any(known) else text
    parsed = parse_yaml(masked_text)
    docs = parsed.documents
    if parsed.problems or len(docs) != len(parts) or any(
            d.problems or d.start_line != p.start + 1 or (hit is not None and d.root is not None)
            for d, p, hit in zip(docs, parts, known)):
        return None
    own: "Project | None" = type(project)() if project is not None else None
    by_object: list[Any] = []
    found = list(linter._lint_yaml(masked_text, key, True, own, parsed=parsed, by_object=by_object) or [])
    del masked_text
    _remember(memo, docs, parts, known, ids, contents, by_object, project is not None)
    stored: list[Any] = list(own.objects) if own is not None else []
    for n, (part, hit) in enumerate(zip(parts, known)):
        if hit is None:
            continue
        lines_down = part.first - hit.first
        found.extend(_moved_finding(f, key, n, lines_down) for f in hit.findings)
        if project is not None and hit.stored is not None:
            kind, api_version, name, namespace, metadata, facts, blob = hit.stored
            stored.append(_rebuild(blob, key, n, docs[n].start_line, (), kind, api_version, name, namespace,
                                   moved(metadata, lines_down), facts, part.first - 1))
    if project is not None:
        stored.sort(key=lambda o: o.document.index)  # the order a whole lint appends them in
        project.objects.extend(stored)
    roots: dict[int, Any] = {}

    def root_of(n: int) -> Any:
        if known[n] is None:
            return docs[n].root
        if n not in roots:  # only a finding that maps into it needs its tree
            part = parts[n]
            again = parse_yaml("\n" * (part.first - 1) + contents[n]).documents
            roots[n] = again[0].root if again else None
        return roots[n]

    return parsed, found, root_of


def _blanked(lines: list[str], parts: list[_Part], known: list[_Linted | None]) -> str:
    """The text with each known document's lines emptied (its `---` kept): same lines, same documents."""
    masked = list(lines)
    for part, hit in zip(parts, known):
        if hit is not None:
            masked[part.start] = MARKER
            masked[part.start + 1:part.end] = [""] * (part.end - part.start - 1)
    return "\n".join(masked)


def _remember(memo: DocumentMemo, docs: list[Any], parts: list[_Part], known: list[_Linted | None],
              ids: list[tuple[Any, ...]], contents: list[str], by_object: list[Any], keep: bool) -> None:
    objects: dict[int, list[Any]] = {}
    for entry in by_object:
        objects.setdefault(entry[0].document.index, []).append(entry)
    for n, (part, hit) in enumerate(zip(parts, known)):
        if hit is not None or ids[n] in memo.seen:
            continue
        mine = objects.get(n, [])
        memo.seen[ids[n]] = _linted(part, mine, contents[n], keep)


def _linted(part: _Part, mine: list[Any], content: str, keep: bool) -> _Linted | None:
    """What to reuse of a document (its one object, or none), or None when it cannot be moved."""
    if len(mine) > 1:
        return None
    findings: tuple[Finding, ...] = ()
    stored = None
    if mine:
        obj, compact, findings_of = mine[0]
        if obj.base or (keep and not isinstance(compact, CompactObject)):
            return None  # a List's item; a tree too deep to store
        findings = tuple(findings_of)
        if any(not part.first <= f.line <= part.end or "#render" in f.message for f in findings):
            return None
        if keep:
            blob = zlib.compress(content.encode("utf-8", "surrogatepass"), 1)
            stored = (compact.kind, compact.api_version, compact.name, compact.namespace, compact._metadata,
                      compact._facts, blob)
    return _Linted(part.first, findings, stored)


def _moved_finding(f: Finding, key: str, document: int, lines_down: int) -> Finding:
    return f._replace(path=key, line=f.line + lines_down,
                      end_line=f.end_line + lines_down if f.end_line is not None else None,
                      object=f.object._replace(document=document) if f.object is not None else None)
