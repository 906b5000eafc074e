"""Documents met again in a run, parsed and linted once.

Overlays build the same bases: on the corpus, 68 % of the 27 MB that `kubectl kustomize` prints
are documents that another build of the run printed already, byte for byte (each of argo-cd's
overlays prints its 1.8 MB of CRDs again), and the committed install bundles repeat them again
(argo-cd's six `install.yaml` files, prometheus-operator's CRDs in two folders). What a per-object
rule finds depends on the object alone, so a document met before is neither parsed nor linted
again: its findings and its project object are those of its first time, moved to where it is now.
This is done for kustomize outputs and for plain files of `engine.DOCUMENT_MEMO_FILE_BYTES` or
more; the kustomize worker hands what it met to the parent, whose pool lints those files after it.

How, without parsing it: the text is split at its `---` lines; each document met before is
blanked (its `---` kept, every other line emptied), and the rest is parsed and linted as the
whole text would be, with the same line numbers and document indexes; the parse must agree with
the split (every document where the split put it, no problems), else the text is linted whole.
A document is reused only when its findings are all within it and its object is a document root.

What may differ between two places of one document is in the memo's key: the rules a `rules:`
`exclude:` glob turns off for the path, and whether the file's name says "patch" (KS192 skips
patches); no other per-object rule of k8slint's reads the path (`test_document_memo` checks), and
with any rule of a plugin enabled nothing is reused (a plugin's rule might read it).
"""
from __future__ import annotations

import hashlib
import re
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
MAX_ENTRIES = 50_000  # documents remembered (the corpus's run: ~600)
_OWN_MODULES = ("rules", "linter")  # per-object rules whose findings depend on the object alone
_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")  # libyaml breaks lines there too

Reused = tuple[YamlFile, "list[Finding] | None", Callable[[int], Any]]


class _Part(NamedTuple):
    start: int  # 0-based index of its first line (its `---` line, when it has one)
    end: int  # 0-based index past its last line
    marker: bool  # it starts with a `---` line
    opens: int  # 0-based index of the line its document starts at: its `---`, else its first token

    @property
    def first(self) -> int:
        """1-based line of its first content line (after its `---`, else its first token): what its
        positions are relative to."""
        return (self.start + 1 if self.marker else self.opens) + 1


@dataclass(slots=True)
class _Linted:
    first: int  # 1-based line of its first content line where it was linted
    findings: tuple[Finding, ...]
    has_object: bool
    # (kind, apiVersion, name, namespace, metadata, facts, packed tree or text, its pad there), with a project
    stored: tuple[Any, ...] | None


@dataclass
class DocumentMemo:
    """The documents linted so far in this process's run (None: met, but not reusable)."""

    seen: dict[tuple[Any, ...], _Linted | None] = field(default_factory=dict)
    own_rules: bool | None = None

    def reusable(self) -> dict[tuple[Any, ...], _Linted]:
        return {k: v for k, v in self.seen.items() if v is not None}

    def merge(self, entries: dict[tuple[Any, ...], _Linted]) -> None:
        for k, v in entries.items():
            self.seen.setdefault(k, v)

    def clear(self) -> None:
        self.seen.clear()


def memo_of(linter: "Linter") -> DocumentMemo:
    """The linter's memo (made on first use)."""
    memo = getattr(linter, "_document_memo", None)
    if memo is None:
        memo = linter._document_memo = DocumentMemo()
    return memo


def lint_built(linter: "Linter", memo: DocumentMemo | None, text: str, key: str,
               project: "Project | None") -> tuple[YamlFile, list[Finding], Callable[[int], Any]]:
    """(the parse, the findings, the root of document n) of a kustomize output linted under `key`;
    its objects go to `project`. Documents in `memo` are reused, the others added to it."""
    reused = reusing(linter, memo, text, key, True, project)
    if reused is not None:
        return reused[0], reused[1] or [], reused[2]
    parsed = parse_yaml(text)
    found = linter._lint_yaml(text, key, True, project, parsed=parsed) or []
    return parsed, found, [d.root for d in parsed.documents].__getitem__


def reusing(linter: "Linter", memo: DocumentMemo | None, text: str, path: str, explicit: bool,
            project: "Project | None") -> Reused | None:
    """`lint_reusing`, or None when there is no memo or anything unforeseen happens in it (the memo
    only saves time: the text is then linted whole, as without it)."""
    if memo is None:
        return None
    try:
        return lint_reusing(linter, memo, text, path, explicit, project)
    except Exception:
        return None


def lint_reusing(linter: "Linter", memo: DocumentMemo, text: str, path: str, explicit: bool,
                 project: "Project | None") -> Reused | None:
    """What `linter._lint_yaml` gives (the findings, None for a file that is not Kubernetes YAML),
    with the parse and a way to the root of document n, reusing the documents of `memo` and adding
    the others; None when the text cannot be split with certainty (lint it whole)."""
    if memo.own_rules is None:
        memo.own_rules = all(c.check.__module__.partition(".")[0] in _OWN_MODULES
                             for c in linter._calls[Target.K8S_OBJECT])
    if not memo.own_rules or any(b in text for b in _OTHER_BREAKS):
        return None
    sups = sup.yaml_suppressions(text, linter.registry)
    if sups.file_wide or sups.by_line or sups.unknown:
        return None  # a comment's suppression reaches across documents
    lines = text.split("\n")
    parts = _parts(lines)
    if not parts:
        return None
    excluded = tuple(c.id for c in linter._calls[Target.K8S_OBJECT]
                     if c.exclude is not None and c.exclude.match_file(path))
    context = (excluded, "patch" in path.rsplit("/", 1)[-1].lower(), project is not None)
    contents = [_content(lines, p) for p in parts]
    ids = [(hashlib.blake2b(c.encode("utf-8", "surrogatepass"), digest_size=16).digest(),) + context
           for c in contents]
    known = [memo.seen.get(i) for i in ids]
    masked = _blanked(lines, parts, known) if any(known) else text
    parsed = parse_yaml(masked)
    docs = parsed.documents
    if parsed.problems or len(docs) != len(parts) or any(
            d.problems or d.start_line != p.opens + 1 or (hit is not None and d.root is not None)
            for d, p, hit in zip(docs, parts, known)):
        return None
    own: "Project | None" = type(project)() if project is not None else None
    by_object: list[Any] = []
    objects_elsewhere = any(hit is not None and hit.has_object for hit in known)  # the file holds objects
    found = linter._lint_yaml(masked, path, explicit or objects_elsewhere, own, parsed=parsed, by_object=by_object)
    del masked
    _remember(memo, parts, known, ids, by_object, project is not None)
    if found is None:
        return parsed, None, _roots(docs, parts, known, contents)
    stored: list[Any] = list(own.objects) if own is not None else []
    for n, (part, hit) in enumerate(zip(parts, known)):
        if hit is None:
            continue
        lines_down = part.first - hit.first
        found.extend(_moved_finding(f, path, n, lines_down) for f in hit.findings)
        if project is not None and hit.stored is not None:
            kind, api_version, name, namespace, metadata, facts, blob, pad = hit.stored
            shift = 0
            if pad < 0:  # a pickled tree: its positions move once unpacked
                shift = lines_down
            else:
                pad += lines_down
                if pad < 0:  # its text starts with the `---` it had there, and here it is the first document
                    blob, pad = zlib.compress(contents[n].encode("utf-8", "surrogatepass"), 1), part.first - 1
            stored.append(_rebuild(blob, path, n, docs[n].start_line, (), kind, api_version, name, namespace,
                                   moved(metadata, lines_down), facts, pad, shift))
    stored.sort(key=lambda o: o.document.index)  # the order a whole lint appends them in
    result = (parsed, found, _roots(docs, parts, known, contents))
    if project is not None:  # last: whatever fails before leaves `project` as it was
        project.objects.extend(stored)
    return result


def _parts(lines: list[str]) -> list[_Part] | None:
    """The documents' spans, split at the `---` lines (a comment may follow one), or None for a
    stream that starts with a directive."""
    starts = [i for i, line in enumerate(lines) if line.startswith(MARKER) and _MARKER_LINE.match(line)]
    parts = [_Part(s, e, True, s) for s, e in zip(starts, starts[1:] + [len(lines)])]
    head = starts[0] if starts else len(lines)
    first_token = next((i for i in range(head) if lines[i].strip() and not lines[i].lstrip().startswith("#")), None)
    if first_token is not None:  # the first document has no `---` (comments may come before it)
        if lines[first_token].startswith("%"):
            return None
        parts.insert(0, _Part(0, head, False, first_token))
    return parts


_MARKER_LINE = re.compile(r"---[ \t]*(#.*)?$")


def _content(lines: list[str], part: _Part) -> str:
    begin = part.first - 1
    end = part.end
    while end > begin and not lines[end - 1]:
        end -= 1
    return "\n".join(lines[begin:end])


def _blanked(lines: list[str], parts: list[_Part], known: list[_Linted | None]) -> str:
    """The text with each known document's lines emptied (its `---` kept): same lines, same documents."""
    masked = list(lines)
    for part, hit in zip(parts, known):
        if hit is not None:
            masked[part.start:part.end] = [""] * (part.end - part.start)
            masked[part.opens] = MARKER
    return "\n".join(masked)


def _roots(docs: list[Any], parts: list[_Part], known: list[_Linted | None],
           contents: list[str]) -> Callable[[int], Any]:
    parsed_again: dict[int, Any] = {}

    def root_of(n: int) -> Any:
        if known[n] is None:
            return docs[n].root
        if n not in parsed_again:  # only a finding that maps into it needs its tree
            again = parse_yaml("\n" * (parts[n].first - 1) + contents[n]).documents
            parsed_again[n] = again[0].root if again else None
        return parsed_again[n]

    return root_of


def _remember(memo: DocumentMemo, parts: list[_Part], known: list[_Linted | None], ids: list[tuple[Any, ...]],
              by_object: list[Any], keep: bool) -> None:
    objects: dict[int, list[Any]] = {}
    for entry in by_object:
        objects.setdefault(entry[0].document.index, []).append(entry)
    if len(memo.seen) > MAX_ENTRIES:  # a long-lived Linter (the API) linting ever new bundles
        memo.clear()
    for n, (part, hit) in enumerate(zip(parts, known)):
        if hit is None and ids[n] not in memo.seen:
            memo.seen[ids[n]] = _linted(part, objects.get(n, []), keep)


def _linted(part: _Part, mine: list[Any], keep: bool) -> _Linted | None:
    """What to reuse of a document (its one object, or none), or None when it cannot be moved."""
    if not mine:
        return _Linted(part.first, (), False, None)
    if len(mine) > 1:
        return None
    obj, compact, findings_of = mine[0]
    if obj.base or (keep and not isinstance(compact, CompactObject)):
        return None  # a List's item; a tree too deep to store
    findings = tuple(findings_of)
    if any(not part.first <= f.line <= part.end or "#render" in f.message for f in findings):
        return None
    stored = None
    if keep:  # its packed tree or text, shared: moved where it is met again (`pad`, `shift`)
        stored = (compact.kind, compact.api_version, compact.name, compact.namespace, compact._metadata,
                  compact._facts, compact._blob, compact._pad)
    return _Linted(part.first, findings, True, stored)


def _moved_finding(f: Finding, path: str, document: int, lines_down: int) -> Finding:
    return f._replace(path=path, line=f.line + lines_down,
                      end_line=f.end_line + lines_down if f.end_line is not None else None,
                      object=f.object._replace(document=document) if f.object is not None else None)
