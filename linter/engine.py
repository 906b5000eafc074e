"""The engine: read and parse each file once, dispatch rules by target, stamp, suppress, sort.

The engine knows rule *targets*, never particular rules.
"""
from __future__ import annotations

import codecs
import os
import stat
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from linter.config import Config
from linter.discovery import RENDERED_KINDS, Notice, SourceFile, discover
from linter.memory import collect_by_input
from linter.model import Context, Finding, Report, Rule, Severity, Target
from linter.registry import Registry
from linter import suppression as sup

# The parsers of each kind of file are imported by the methods that lint that kind: `k8slint
# Dockerfile` never imports the YAML and Kubernetes modules, nor `k8slint deploy.yaml` the
# Dockerfile ones.
if TYPE_CHECKING:  # pragma: no cover
    from linter.sources.dockerfile import Dockerfile
    from linter.sources.k8s import K8sObject

PARSE_ERROR, UNKNOWN_SUPPRESSION, DUPLICATE_KEY, ALIAS_BOMB, INTERNAL_ERROR, FILE_SKIPPED, UNRENDERED = (
    "KL001", "KL002", "KL003", "KL004", "KL005", "KL006", "KL007",
)
_PROBLEM_RULES = {"syntax": PARSE_ERROR, "encoding": PARSE_ERROR, "duplicate-key": DUPLICATE_KEY, "alias-bomb": ALIAS_BOMB}
# YAML files this large are linted through linter.document_memo (CRD bundles, install manifests):
# the files the lane (linter.parallel.LANE_FILE_BYTES) leaves to the pool that runs after kustomize
DOCUMENT_MEMO_FILE_BYTES = 256 * 1024


@dataclass
class Project:
    """Every Kubernetes object of the run, for rules that look across objects and files."""

    objects: list[K8sObject] = field(default_factory=list)
    dockerfiles: list[Dockerfile] = field(default_factory=list)  # every Dockerfile parsed in the run
    _memo: dict[Any, Any] = field(default_factory=dict, repr=False)

    def by_kind(self, *kinds: str) -> Iterator[K8sObject]:
        return (o for o in self.objects if o.kind in kinds)

    def memo(self, key: Any, build: Callable[["Project"], Any]) -> Any:
        """`build(self)`, computed once per run and key: project rules build their indexes here."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = build(self)
            return value


def merge_project(project: Any, part: Any) -> None:
    """Append a part's Project (a file's, from a worker or the cache, or a chart's) to the run's:
    every public list field (objects, and whatever kinds of sources later Project versions
    collect), in order."""
    import dataclasses

    for f in dataclasses.fields(project):
        if f.name.startswith("_"):
            continue
        mine, theirs = getattr(project, f.name), getattr(part, f.name, None)
        if isinstance(mine, list) and isinstance(theirs, list):
            mine.extend(theirs)


@dataclass
class RunResult:
    findings: list[Finding]
    files: list[str]
    notices: list[Notice] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def failed(self, fail_on: str) -> bool:
        if fail_on == "never":
            return False
        threshold = Severity(fail_on).rank
        return any(f.severity.rank >= threshold for f in self.findings)


def decode(data: bytes) -> tuple[str | None, str | None]:
    """Text of a file, or an error message. UTF-8 (with or without BOM) and UTF-16 with a BOM."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            return None, "the file has a UTF-16 byte-order mark but is not valid UTF-16"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x} on line {line})"


class RuleCall:
    """A rule bound to its run's settings: its options, severity and `exclude:` globs, looked up
    once, and one Context the engine refills (path, project) for each call instead of building one."""

    __slots__ = ("rule", "id", "check", "severity", "severity_set", "exclude", "ctx")

    def __init__(self, rule: Rule, severity: Severity, severity_set: bool, exclude: Any, ctx: Context) -> None:
        self.rule = rule
        self.id = rule.meta.id
        self.check = rule.check
        self.severity = severity
        self.severity_set = severity_set
        self.exclude = exclude  # a pathspec, or None
        self.ctx = ctx

    @classmethod
    def of(cls, rule: Rule, config: Config, exclude: Any = None) -> "RuleCall":
        settings = config.rules[rule.meta.id]
        ctx = Context(options=settings.options, kubernetes_version=config.kubernetes_version)
        return cls(rule, settings.severity, settings.severity_set, exclude, ctx)


class Linter:
    jobs: int = 1  # worker processes for per-file work; 0 = one per core (see linter.parallel)
    cache: Any = None  # a linter.cache.ResultCache, or None

    def __init__(self, registry: Registry, config: Config) -> None:
        self.registry = registry
        self.config = config
        enabled = config.enabled_rules(registry)
        self.by_target: dict[Target, list[Rule]] = {t: [r for r in enabled if r.meta.target is t] for t in Target}
        self._rule_excludes = {
            r.id: _gitignore_spec(config.rules[r.id].exclude)
            for r in enabled if config.rules[r.id].exclude
        }
        # what each call of a rule needs, looked up once per run
        self._calls: dict[Target, list[RuleCall]] = {
            t: [RuleCall.of(r, config, self._rule_excludes.get(r.id)) for r in rules] for t, rules in self.by_target.items()
        }
        self._yaml_suppressions: dict[str, sup.Suppressions] = {}
        self._parsed_dockerfiles: dict[str, tuple[str, Dockerfile]] = {}
        self._prefetching: dict[str, Any] = {}  # rule id -> its background prefetch thread (linter.parallel)
        self._document_memo: Any = None  # documents met in this run (linter.document_memo)

    # -- public entry points -------------------------------------------------------
    def lint_paths(self, paths: Iterable[str]) -> RunResult:
        files, notices = discover(paths, self.config.exclude)
        findings: list[Finding] = []
        project = Project()
        linted: list[str] = []
        for notice in notices:
            findings.extend(self._engine_finding(FILE_SKIPPED, notice.path, 1, 1, notice.message))
        # per-file work (read, cache, parse, per-file rules), in worker processes when it pays;
        # `project` gets every object only when project rules are enabled
        from linter.parallel import file_results, merge_results

        early: dict[SourceFile, Any] = {}
        if any(f.kind in RENDERED_KINDS for f in files):  # Helm charts and kustomizations
            from linter.rendered import start_rendered_sources  # only then: a plain run never pays its import

            pending = start_rendered_sources(self, files, project)
            background = pending.background
            if background is not None:  # kustomizations build in a worker: lint plain files meanwhile
                guess = pending.plain_guess
                early = {f: r for f, r in zip(guess, file_results(self, guess, until=background.done)) if r is not None}
            files, rendered, rendered_names = pending.finish()  # units merge into `project` first, as ever
            findings.extend(rendered)
            linted.extend(rendered_names)
        late = [f for f in files if f not in early]  # all, or the files of a kustomization that failed to build
        late_results = dict(zip(late, file_results(self, late)))
        self._document_memo = None  # its last users were these files
        results = [early[f] if f in early else late_results[f] for f in files]
        for source, result in zip(files, merge_results(self, files, results, project)):
            if result.linted:
                linted.append(source.path)
            findings.extend(result.findings)
        findings.extend(self._cached_project_findings(project))
        compact_module = sys.modules.get("linter.sources.k8s_compact")
        if compact_module is not None:  # else no object was compacted in this process
            compact_module.clear_unpacked()
        if getattr(self, "_render_state", None) is not None:  # set by linter.rendered
            from linter.rendered import remap as remap_rendered

            findings = remap_rendered(self, findings)
        return RunResult(sorted(set(findings), key=Finding.sort_key), linted, notices)

    def lint_bytes(self, data: bytes, path: str, kind: str, explicit: bool = True,
                   project: Project | None = None) -> list[Finding] | None:
        """Findings of one file, or None when it is not a file k8slint lints (e.g. a CI workflow)."""
        collect_by_input(len(data))
        text, error = decode(data)
        if text is None:
            if kind != "dockerfile" and not explicit and not _looks_like_k8s_bytes(data):
                return None
            return list(self._engine_finding(PARSE_ERROR, path, 1, 1, error or "cannot decode"))
        if kind == "dockerfile":
            return self._lint_dockerfile(text, path, project)
        if kind == "helm-values":
            return self._lint_helm_values(text, path)
        if len(data) >= DOCUMENT_MEMO_FILE_BYTES:  # a bundle: its documents may have been met already
            from linter.document_memo import memo_of, reusing

            reused = reusing(self, memo_of(self), text, path, explicit, project)
            if reused is not None:
                return reused[1]
        return self._lint_yaml(text, path, explicit, project)

    def lint_text(self, text: str, path: str, kind: str) -> list[Finding]:
        """Lint one in-memory file, project rules included (tests, stdin)."""
        project = Project()
        found = self.lint_bytes(text.encode("utf-8"), path, kind, True, project) or []
        found.extend(self._project_findings(project))
        return sorted(set(found), key=Finding.sort_key)

    def lint_texts(self, files: dict[str, str]) -> list[Finding]:
        """Lint several in-memory files as one run, so project rules see them all (tests).

        Each key is a path; its kind comes from its name (Dockerfile, *.yaml, *.json).
        """
        from linter.discovery import classify

        project = Project()
        found: list[Finding] = []
        for path in sorted(files):
            kind = classify(os.path.basename(path)) or "yaml"
            found.extend(self.lint_bytes(files[path].encode("utf-8"), path, kind, True, project) or [])
        found.extend(self._project_findings(project))
        return sorted(set(found), key=Finding.sort_key)

    # -- reading ----------------------------------------------------------------------
    def _read(self, path: str) -> tuple[bytes, None] | tuple[None, str]:
        try:
            st = os.stat(path)
            if not stat.S_ISREG(st.st_mode):
                return None, "skipped: not a regular file"
            if st.st_size > self.config.max_file_size:
                return None, (f"skipped: {st.st_size:,} bytes is over the max-file-size limit "
                              f"of {self.config.max_file_size:,} bytes")
            with open(path, "rb") as fh:
                return fh.read(self.config.max_file_size + 1), None
        except OSError as exc:
            return None, f"cannot read the file: {exc.strerror or type(exc).__name__}"

    # -- Dockerfiles ------------------------------------------------------------------
    def _lint_dockerfile(self, text: str, path: str, project: Project | None = None) -> list[Finding]:
        from linter.sources.dockerfile import parse_dockerfile

        try:
            pre = self._parsed_dockerfiles.pop(path, None)  # parsed ahead by linter.parallel.prefetch_dockerfiles
            df = pre[1] if pre is not None and pre[0] == text else parse_dockerfile(text, path)
        except Exception as exc:  # dockerfile-parse on hostile input
            return list(self._engine_finding(PARSE_ERROR, path, 1, 1, f"cannot parse the Dockerfile: {type(exc).__name__}"))
        if project is not None:
            project.dockerfiles.append(df)
        sups = sup.dockerfile_suppressions(df, self.registry)
        out = list(self._unknown_suppressions(sups, path))
        for call in self._calls[Target.DOCKERFILE]:
            if self._prefetching:
                background = self._prefetching.pop(call.id, None)
                if background is not None:
                    background.join()
            for f in self._run_rule(call, df, path, None):
                if not sups.covers(f.rule_id, f.line) and not (f.code and sups.covers(f.code, f.line)):
                    out.append(f)
        return out

    # -- YAML / Kubernetes ---------------------------------------------------------------
    def _lint_yaml(self, text: str, path: str, explicit: bool, project: Project | None,
                   parsed: Any = None, by_object: list[Any] | None = None) -> list[Finding] | None:
        """`by_object`: where to append (object, its stored copy or None, its findings) for each object
        (linter.document_memo reuses them where the same document is met again)."""
        if not explicit and not _looks_like_k8s(text):
            return None
        from linter.sources.k8s import objects_in
        from linter.sources.k8s_compact import DocumentText, compact
        from linter.sources.yaml import parse_yaml

        parsed = parse_yaml(text) if parsed is None else parsed  # `parsed`: the caller's parse_yaml(text)
        objects = [o for doc in parsed.documents if doc.root is not None for o in objects_in(doc, path)]
        problems = list(parsed.problems) + [p for d in parsed.documents for p in d.problems]
        if not objects and not explicit and not any(p.kind == "syntax" for p in problems):
            return None
        sups = sup.yaml_suppressions(text, self.registry)
        self._yaml_suppressions[path] = sups
        out = list(self._unknown_suppressions(sups, path))
        templated = "{{" in text
        for p in problems:
            if p.kind == "syntax" and templated:
                out.extend(self._engine_finding(
                    UNRENDERED, path, p.line, p.column,
                    "the file holds Go/Helm template syntax and is not valid YAML until rendered; it was not linted"))
            else:
                out.extend(self._engine_finding(_PROBLEM_RULES[p.kind], path, p.line, p.column, p.message))
        source = DocumentText(text)
        for obj in objects:
            first = len(out)
            stored = None
            if project is not None:  # a compact copy: the project keeps thousands of objects until the end
                stored = compact(obj, self._prepare_project_facts(obj, path), source)
                project.objects.append(stored)
            ignored, unknown = sup.object_suppressions(obj.annotations, self.registry)
            for token in unknown:
                pos = obj.at("metadata", "annotations", sup.OBJECT_ANNOTATION).locate()
                out.extend(self._engine_finding(UNKNOWN_SUPPRESSION, path, pos.line, pos.column,
                                                f"suppression names unknown rule {token!r}"))
            for call in self._calls[Target.K8S_OBJECT]:
                if not ignored or not sup.suppressed_by(ignored, call.id):
                    out.extend(self._run_rule(call, obj, path, None))
            if by_object is not None:
                by_object.append((obj, stored, out[first:]))
        return [f for f in out if not sups.covers(f.rule_id, f.line)]

    def _lint_helm_values(self, text: str, path: str) -> list[Finding]:
        """A chart's values.yaml: parse problems and Target.HELM_VALUES rules (image tags, secrets)."""
        from linter.sources.helm_values import HelmValues
        from linter.sources.yaml import YMap, parse_yaml

        parsed = parse_yaml(text)
        sups = sup.yaml_suppressions(text, self.registry)
        out = list(self._unknown_suppressions(sups, path))
        for p in parsed.problems:
            out.extend(self._engine_finding(_PROBLEM_RULES[p.kind], path, p.line, p.column, p.message))
        root = parsed.documents[0].root if parsed.documents else None
        if isinstance(root, YMap):
            values = HelmValues(root, path, parsed.documents[0])
            for call in self._calls[Target.HELM_VALUES]:
                out.extend(self._run_rule(call, values, path, None))
        return [f for f in out if not sups.covers(f.rule_id, f.line)]

    def _cached_project_findings(self, project: Project) -> list[Finding]:
        """The project findings, from the result cache when every input of the run is unchanged."""
        cache = self.cache
        key = None
        if cache is not None and self.by_target[Target.K8S_PROJECT] and project.objects:
            key = cache.project_key()
        if key is not None:
            hit = cache.get(key)
            if isinstance(hit, list):
                return hit
        found = self._project_findings(project)
        if key is not None:
            cache.put(key, found)
            cache.flush()
        return found

    def _project_findings(self, project: Project) -> list[Finding]:
        out: list[Finding] = []
        calls = self._calls[Target.K8S_PROJECT]
        if not calls or not project.objects:
            return out
        try:
            for obj in project.objects:
                ignored, _ = sup.object_suppressions(obj.annotations, self.registry)
                for call in calls:
                    if not ignored or not sup.suppressed_by(ignored, call.id):
                        out.extend(self._run_rule(call, obj, obj.file, project))
        finally:
            for call in calls:  # the contexts must not keep the run's objects alive
                call.ctx.project = None
        empty = sup.Suppressions()
        return [f for f in out if not self._yaml_suppressions.get(f.path, empty).covers(f.rule_id, f.line)]

    def _prepare_project_facts(self, obj: K8sObject, path: str) -> dict[str, Any] | None:
        """Results of the project rules' optional `check.prepare(obj, ctx)`, by rule module (see
        linter.sources.k8s_compact.prepared), and the cross-object lookups' facts
        (linter.sources.crossref.object_facts); a failing prepare is left out (the rule then does the work)."""
        facts: dict[str, Any] | None = None
        for call in self._calls[Target.K8S_PROJECT]:
            prepare = getattr(call.check, "prepare", None)
            if prepare is None:
                continue
            ctx = call.ctx
            ctx.path, ctx.project = path, None
            try:
                value = prepare(obj, ctx)
            except Exception:
                continue
            if facts is None:
                facts = {}
            facts[call.check.__module__] = value
        from linter.sources import crossref

        try:
            shared = crossref.object_facts(obj)  # what the cross-object lookups read: no rule's own
        except Exception:  # the lookups then read the tree
            shared = None
        if shared is not None:
            facts = facts if facts is not None else {}
            facts[crossref.FACTS_KEY] = shared
        return facts

    # -- running one rule ----------------------------------------------------------------
    def _run_rule(self, call: RuleCall, target: Any, path: str, project: Project | None) -> list[Finding]:
        if call.exclude is not None and call.exclude.match_file(path):
            return []
        ctx = call.ctx
        ctx.path = path
        ctx.project = project
        if ctx.extra:  # what the rule kept in it for its previous target
            ctx.extra = {}
        try:
            reports = list(call.check(target, ctx))
        except Exception as exc:  # a buggy rule must not end the run
            pos = target.locate() if hasattr(target, "locate") else None
            return list(self._engine_finding(
                INTERNAL_ERROR, path, pos.line if pos else 1, pos.column if pos else 1,
                f"rule {call.id} ({call.rule.name}) failed: {type(exc).__name__}",
            ))
        if not reports:
            return reports
        return [self._stamp(call, rep, path) for rep in reports]

    @staticmethod
    def _stamp(call: RuleCall, rep: Report, path: str) -> Finding:
        pos = rep.anchor.locate()
        obj, field_path = _object_of(rep.anchor)
        severity = call.severity
        if rep.severity is not None and not call.severity_set:  # configured wins
            severity = rep.severity
        r = call.rule
        return Finding(
            rule_id=call.id, rule_name=r.name, severity=severity, message=rep.message, path=path,
            line=pos.line, column=pos.column, aliases=r.meta.aliases, end_line=pos.end_line,
            end_column=pos.end_column, object=obj.ref if obj is not None else None,
            field_path=field_path, redact=rep.redact, code=rep.code,
        )

    def _engine_finding(self, rule_id: str, path: str, line: int, column: int, message: str) -> Iterator[Finding]:
        r = self.registry.resolve(rule_id)
        if r is None or not self.config.rules[r.id].enabled:
            return
        yield Finding(rule_id=r.id, rule_name=r.name, severity=self.config.rules[r.id].severity,
                      message=message, path=path, line=line, column=column, aliases=r.meta.aliases)

    def _unknown_suppressions(self, sups: sup.Suppressions, path: str) -> Iterator[Finding]:
        for bad in sups.unknown:
            yield from self._engine_finding(UNKNOWN_SUPPRESSION, path, bad.line, bad.column,
                                            f"suppression names unknown rule {bad.token!r}")


def _object_of(anchor: Any) -> tuple[K8sObject | None, str | None]:
    """The Kubernetes object an anchor points into, and the dotted path of a field anchor."""
    k8s = sys.modules.get("linter.sources.k8s")
    if k8s is None:  # never imported (a Dockerfile run): no anchor can be one of its types
        return None, None
    if isinstance(anchor, k8s.K8sObject):
        return anchor, None
    if isinstance(anchor, k8s.FieldAnchor):
        return anchor.obj, anchor.dotted
    if isinstance(anchor, k8s.ContainerRef):
        return anchor.obj, None
    return None, None


def _looks_like_k8s(text: str) -> bool:
    return "apiVersion" in text and "kind" in text


def _looks_like_k8s_bytes(data: bytes) -> bool:
    return b"apiVersion" in data and b"kind" in data


def _gitignore_spec(lines: list[str]) -> Any:
    import pathspec  # only when a rule has `exclude:` globs: a plain run never pays its import

    return pathspec.GitIgnoreSpec.from_lines(lines)
