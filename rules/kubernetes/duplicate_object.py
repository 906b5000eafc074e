from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Any, Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.crossref import namespace_of

SCOPES = ("file", "directory", "run")


@dataclass(frozen=True)
class Options:
    scope: str = "file"  # file | directory | run: where two definitions count as duplicates


def _patch_files(project: Any) -> set[str]:
    """Files that a Kustomization of the run applies as patches: partial copies by design."""
    out: set[str] = set()
    for k in project.by_kind("Kustomization"):
        folder = posixpath.dirname(k.file)
        entries: list[Any] = []
        for key in ("patchesStrategicMerge", "patches", "patchesJson6902"):
            items = k.get(key)
            if isinstance(items, list):
                entries.extend(i.get("path") if isinstance(i, dict) else i for i in items)
        out.update(posixpath.normpath(posixpath.join(folder, e)) for e in entries if isinstance(e, str))
    return out


def _kustomization_groups(project: Any) -> dict[str, list[int]]:
    """File -> the Kustomizations of the run that list it under `resources`."""
    out: dict[str, list[int]] = {}
    for n, k in enumerate(project.by_kind("Kustomization")):
        folder = posixpath.dirname(k.file)
        items = k.get("resources")
        for item in items if isinstance(items, list) else []:
            if isinstance(item, str) and item.endswith((".yaml", ".yml", ".json")):
                out.setdefault(posixpath.normpath(posixpath.join(folder, item)), []).append(n)
    return out


def _build(project: Any) -> dict[tuple[str, int], K8sObject]:
    """(scope, id(duplicate)) -> the first definition, for every scope at once."""
    patches = _patch_files(project)
    groups = _kustomization_groups(project)
    firsts: dict[tuple[Any, ...], K8sObject] = {}
    dupes: dict[tuple[str, int], K8sObject] = {}
    ordered = sorted(project.objects, key=lambda o: (o.file, o.document.index, o.base))
    for obj in ordered:
        name = obj.metadata.get("name")
        if not isinstance(name, (str, int)) or not str(name) or posixpath.normpath(obj.file) in patches:
            continue
        identity = (obj.group, obj.kind, namespace_of(obj), str(name))
        scopes: list[tuple[str, Any]] = [("file", obj.file), ("directory", posixpath.dirname(obj.file)), ("run", "")]
        scopes += [("kustomization", n) for n in groups.get(posixpath.normpath(obj.file), ())]
        for scope, where in scopes:
            key = (scope, where) + identity
            first = firsts.setdefault(key, obj)
            if first is not obj:
                dupes.setdefault((scope, id(obj)), first)
    return dupes


@rule(
    id="KS312", name="duplicate-object", target=Target.K8S_PROJECT, severity=Severity.WARNING,
    summary="The same object (API group, kind, namespace, name) is defined twice",
    remediation="Keep one definition; use kustomize overlays or separate folders for variants",
    options=Options,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Two objects with the same API group, kind, namespace (unset = `default`) and name in two
    documents of one file, or in two files that one `Kustomization` of the run lists under
    `resources` (kustomize refuses to build them), or, with the option `scope`, anywhere in one
    directory or in the whole run. The second and later definitions are reported, naming the
    first. Files that a `Kustomization` lists under `patches`/`patchesStrategicMerge` are
    partial copies by design and are skipped.

    ## Why it matters
    `kubectl apply` applies both, and the last one silently wins: a fix made in the first copy
    never reaches the cluster.

    ## Example
    ```yaml
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: settings}
    data: {LOG_LEVEL: info}
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: settings, namespace: default}
    data: {LOG_LEVEL: debug}
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: settings}
    data: {LOG_LEVEL: info}
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: settings, namespace: staging}
    data: {LOG_LEVEL: debug}
    ```

    ## Options
    - `scope` (`file`, `directory` or `run`, default `file`): where else two definitions count
      as duplicates. `directory` matches `kubectl apply -f <dir>`; it also flags alternative
      bundles kept side by side (`install.yaml` and `ha-install.yaml`), hence not the default.
    """
    opts: Options = ctx.options or Options()
    scope = opts.scope if opts.scope in SCOPES else "directory"
    dupes = ctx.project.memo("KS312.duplicates", _build)
    first = dupes.get((scope, id(obj))) or dupes.get(("kustomization", id(obj)))
    if first is None:
        return
    line = first.at("metadata", "name").locate().line
    yield report(obj.at("metadata", "name"), f"{obj.kind} `{obj.name}` is already defined at {first.file}:{line}")
