"""Charts and kustomizations: render, lint the output like any manifest, map findings to the sources.

Rendered text is linted under an internal key (`<template>#render<N>`); when findings are final,
:func:`remap` moves each one to the template (or plain resource) file and line it came from,
then applies the `# k8slint ignore=` comments of that file.
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from linter import suppression as sup
from linter.discovery import SourceFile, _display
from linter.model import Finding
from linter.sources import helm as helm_src
from linter.sources import kustomize as kz
from linter.sources.template_map import (
    has_kind, helper_segment, locate_depth, map_path, path_at, pick_segment, position_paths,
)
from linter.sources.yaml import YMap, parse_yaml

if TYPE_CHECKING:
    from linter.engine import Linter, Project

RENDERED_KINDS = ("helm-chart", "kustomization")
HC_RENDER_FAILED, HC_MISSING_DEPENDENCY, HC_HELM_UNAVAILABLE = "HC001", "HC002", "HC003"
HC_KUSTOMIZE_FAILED, HC_KUSTOMIZE_UNAVAILABLE, HC_KUSTOMIZE_REMOTE = "HC004", "HC005", "HC006"
_RULE_OF = {"render-failed": HC_RENDER_FAILED, "missing-dependency": HC_MISSING_DEPENDENCY,
            "unavailable": HC_HELM_UNAVAILABLE}
Mapper = Callable[[int, int], tuple[str, int, int]]


@dataclass
class RenderState:
    """Per run: where rendered keys map to, and the suppressions of the files they map into."""

    mappers: dict[str, Mapper] = field(default_factory=dict)
    counter: int = 0
    kustomize_notice: bool = False
    suppressions: dict[str, sup.Suppressions] = field(default_factory=dict)


def _state(linter: "Linter") -> RenderState:
    st = getattr(linter, "_render_state", None)
    if st is None:
        st = RenderState()
        linter._render_state = st  # type: ignore[attr-defined]
    return st


def lint_rendered_sources(linter: "Linter", files: list[SourceFile], project: "Project") -> tuple[list[SourceFile], list[Finding], list[str]]:
    """Lint charts and kustomizations among `files`; returns (plain files still to lint, findings, linted names)."""
    charts = [f for f in files if f.kind == "helm-chart"]
    kustomizations = [f for f in files if f.kind == "kustomization"]
    rest = [f for f in files if f.kind not in RENDERED_KINDS]
    findings: list[Finding] = []
    linted: list[str] = []
    for chart in charts:
        try:
            findings.extend(lint_chart(linter, Path(chart.path), project))
        except Exception as exc:  # a chart must never end the run
            findings.extend(linter._engine_finding(HC_RENDER_FAILED, chart.path, 1, 1,
                                                   f"the chart could not be rendered: {type(exc).__name__}"))
        linted.append(chart.path)
    covered: set[Path] = set()
    prebuilt = _build_all([Path(k.path) for k in kustomizations])
    for k in kustomizations:
        try:
            found, used = lint_kustomization(linter, Path(k.path), project, prebuilt.get(Path(k.path)))
        except Exception as exc:
            found, used = list(linter._engine_finding(
                HC_KUSTOMIZE_FAILED, k.path, 1, 1, f"the kustomization could not be built: {type(exc).__name__}")), set()
        findings.extend(found)
        covered |= used
        linted.append(k.path)
    if covered:
        rest = [f for f in rest if f.explicit or Path(f.path).resolve() not in covered]
    return rest, findings, linted


# -- Helm ------------------------------------------------------------------------------------

def lint_chart(linter: "Linter", chart: Path, project: "Project") -> list[Finding]:
    settings: helm_src.HelmSettings = getattr(linter.config, "helm", None) or helm_src.HelmSettings()
    runs: list[tuple[list[Path], str]] = [([], "defaults")]
    if settings.ci_values:
        runs += [([p], _display(str(p))) for p in helm_src.ci_values_files(chart)]
    out: list[Finding] = []
    for extra, label in runs:
        secrets = helm_src.secret_values(chart, settings, extra)
        result = helm_src.render(chart, settings, extra, label, secrets)
        for p in result.problems:
            where = _display(str(p.file)) if p.file else _display(str(chart))
            suffix = f" (values: {label})" if label != "defaults" else ""
            out.extend(linter._engine_finding(_RULE_OF[p.rule], where, p.line, p.column, p.message + suffix))
        for tpl in result.templates:
            out.extend(_lint_template(linter, chart, tpl, project))
    return out


def _lint_template(linter: "Linter", chart: Path, tpl: helm_src.RenderedTemplate, project: "Project") -> list[Finding]:
    st = _state(linter)
    st.counter += 1
    shown = _display(str(tpl.file)) if tpl.file is not None else _display(str(chart.parent / tpl.name))
    key = f"{shown}#render{st.counter}"
    template_text = ""
    if tpl.file is not None and tpl.file.suffix != ".tgz":
        try:
            template_text = tpl.file.read_text(encoding="utf-8", errors="replace")
        except OSError:
            pass
    if shown not in st.suppressions:
        st.suppressions[shown] = sup.yaml_suppressions(template_text, linter.registry) if template_text else sup.Suppressions()
    helpers = _helpers(linter, tpl.file.parent) if tpl.file is not None and tpl.file.suffix != ".tgz" else []
    st.mappers[key] = _template_mapper(tpl.text, template_text, shown, helpers)
    return linter._lint_yaml(tpl.text, key, True, project) or []


def _helpers(linter: "Linter", folder: Path) -> list[tuple[str, str]]:
    """(shown path, text) of the `_*.tpl` helper files beside a template, for objects built by `include`."""
    st = _state(linter)
    cache: dict[Path, list[tuple[str, str]]] = getattr(st, "helper_cache", None) or {}
    st.helper_cache = cache  # type: ignore[attr-defined]
    if folder not in cache:
        found = []
        for path in sorted(folder.glob("_*.tpl")):
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            shown = _display(str(path))
            found.append((shown, text))
            if shown not in st.suppressions:
                st.suppressions[shown] = sup.yaml_suppressions(text, linter.registry)
        cache[folder] = found
    return cache[folder]


def _template_mapper(rendered: str, template: str, shown: str, helpers: list[tuple[str, str]] = ()) -> Mapper:  # type: ignore[assignment]
    parsed = parse_yaml(rendered)
    docs: list[tuple[int, Any, str, int, int]] = []  # (start line, root, kind, ordinal of kind, index)
    per_kind: dict[str, int] = {}
    for i, doc in enumerate(parsed.documents):
        kind = str(doc.root.get("kind", "")) if isinstance(doc.root, YMap) else ""
        docs.append((doc.start_line, doc.root, kind, per_kind.get(kind, 0), i))
        per_kind[kind] = per_kind.get(kind, 0) + 1
    indexes: dict[int, dict[tuple[int, int], tuple[Any, ...]]] = {}

    def mapper(line: int, column: int) -> tuple[str, int, int]:
        if not template:
            return shown, 1, 1
        current = None
        for d in docs:
            if d[0] <= line or current is None:
                current = d
        if current is None:
            return shown, 1, 1
        _, root, kind, ordinal, index = current
        if index not in indexes:
            indexes[index] = position_paths(root)
        path = path_at(indexes[index], line, column)
        value: Any = root
        for step in path:
            value = value[step] if isinstance(value, (dict, list)) and _has(value, step) else None
        if kind and not has_kind(template, kind):  # the object comes from an `include`d helper
            for helper_shown, helper_text in helpers:
                seg = helper_segment(helper_text, kind)
                if seg is not None:
                    hline, hcol = map_path(helper_text, seg, path, value)
                    return helper_shown, hline, hcol
        segment = pick_segment(template, kind, ordinal, index)
        tline, tcol = map_path(template, segment, path, value)
        return shown, tline, tcol

    return mapper


def _has(node: Any, step: Any) -> bool:
    if isinstance(node, dict):
        return step in node
    return isinstance(step, int) and 0 <= step < len(node)


# -- kustomize -------------------------------------------------------------------------------

def _build_all(folders: list[Path]) -> dict[Path, tuple[str | None, str | None]]:
    """Build the kustomizations that will be built, in parallel (kubectl/kustomize are separate processes)."""
    todo = []
    for folder in folders:
        try:
            t = kz.tree(folder)
        except Exception:
            continue
        if not (t.component or t.remote or t.missing) and kz.command(folder) is not None:
            todo.append(folder)
    if len(todo) < 2:
        return {}
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=max(1, min(8, os.cpu_count() or 1))) as pool:
        return dict(zip(todo, pool.map(kz.build, todo)))


def lint_kustomization(linter: "Linter", folder: Path, project: "Project",
                       prebuilt: tuple[str | None, str | None] | None = None) -> tuple[list[Finding], set[Path]]:
    st = _state(linter)
    kfile = kz.kustomization_file(folder)
    shown_k = _display(str(kfile)) if kfile else _display(str(folder))
    t = kz.tree(folder)
    if t.remote:
        return list(linter._engine_finding(
            HC_KUSTOMIZE_REMOTE, shown_k, 1, 1,
            f"kustomization not built: it names a remote resource ({t.remote[0]}) and k8slint never fetches "
            "remote bases; its local files are linted as plain manifests")), set()
    if t.component:
        return [], set()  # a Component is built as part of the overlays that use it
    if t.missing:
        return list(linter._engine_finding(
            HC_KUSTOMIZE_FAILED, shown_k, 1, 1,
            f"kustomization not built: resource {t.missing[0]!r} does not exist here (kustomize would try to fetch "
            "it as a remote base, which k8slint never does); its files are linted as plain manifests")), set()
    if kz.command(folder) is None:
        if st.kustomize_notice:
            return [], set()
        st.kustomize_notice = True
        return list(linter._engine_finding(
            HC_KUSTOMIZE_UNAVAILABLE, shown_k, 1, 1,
            f"kustomizations are not built (neither kustomize nor kubectl is on PATH), their files are linted "
            f"as plain manifests: {kz.INSTALL_HINT}")), set()
    text, error = prebuilt if prebuilt is not None else kz.build(folder)
    if text is None:
        return list(linter._engine_finding(HC_KUSTOMIZE_FAILED, shown_k, 1, 1,
                                           f"kustomize could not build this folder: {error}; its files are "
                                           "linted as plain manifests")), set()
    plain = kz.plain_objects(t.resources)
    patches = kz.plain_objects(t.patches)
    st.counter += 1
    key = f"{shown_k}#render{st.counter}"
    parsed = parse_yaml(text)
    docs = [(d.start_line, d.root) for d in parsed.documents]
    indexes: dict[int, dict[tuple[int, int], tuple[Any, ...]]] = {}

    def mapper(line: int, column: int) -> tuple[str, int, int]:
        current = None
        for i, d in enumerate(docs):
            if d[0] <= line or current is None:
                current = (i, d[1])
        if current is None or not isinstance(current[1], YMap):
            return shown_k, 1, 1
        i, root = current
        meta = root.get("metadata") if isinstance(root.get("metadata"), dict) else {}
        ns = meta.get("namespace")
        src = kz.find_source(plain, str(root.get("kind", "")), str(meta.get("name", "")),
                             str(ns) if ns is not None else None)
        if src is None:
            return shown_k, 1, 1
        if i not in indexes:
            indexes[i] = position_paths(root)
        path = path_at(indexes[i], line, column)
        sline, scol, depth = locate_depth(src.root, path)
        if depth < len(path):  # the field may come from a patch of this object
            for patch in patches:
                if patch.kind == src.kind and patch.name == src.name:
                    pline, pcol, pdepth = locate_depth(patch.root, path)
                    if pdepth > depth:
                        src, sline, scol, depth = patch, pline, pcol, pdepth
        shown = _display(str(src.file))
        if shown not in st.suppressions:
            try:
                st.suppressions[shown] = sup.yaml_suppressions(src.file.read_text(encoding="utf-8", errors="replace"),
                                                               linter.registry)
            except OSError:
                st.suppressions[shown] = sup.Suppressions()
        return shown, sline, scol

    st.mappers[key] = mapper
    found = linter._lint_yaml(text, key, True, project) or []
    return found, t.files


# -- final step ------------------------------------------------------------------------------

def remap(linter: "Linter", findings: Iterable[Finding]) -> list[Finding]:
    """Move findings on rendered text to their source file and line; apply that file's suppressions."""
    st = getattr(linter, "_render_state", None)
    if st is None or not st.mappers:
        return list(findings)
    out: list[Finding] = []
    seen: set[tuple[str, str, int, int, str]] = set()
    for f in findings:
        mapper = st.mappers.get(f.path)
        if mapper is None:
            out.append(f)
            continue
        try:
            path, line, column = mapper(f.line, f.column)
        except Exception:  # mapping is best effort; never lose a finding
            path, line, column = f.path.rsplit("#render", 1)[0], 1, 1
        sups = st.suppressions.get(path)
        if sups is not None and sups.covers(f.rule_id, line):
            continue
        once = (f.rule_id, path, line, column, f.message)  # an overlay and its base render one object twice
        if once in seen:
            continue
        seen.add(once)
        out.append(dataclasses.replace(f, path=path, line=line, column=column, end_line=None, end_column=None))
    return out


def values_app_version(values_path: str) -> str | None:
    meta = helm_src.chart_metadata(Path(values_path).parent)
    v = meta.get("appVersion")
    return str(v) if v is not None else None


def is_chart_values(path: str) -> bool:
    p = Path(path)
    return p.name in ("values.yaml", "values.yml") and (p.parent / "Chart.yaml").is_file()


