"""Which files to lint: walk directories, classify files, honour exclude globs."""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    import pathspec

SKIP_DIRS = {
    ".git", ".hg", ".svn", "node_modules", "__pycache__", ".tox", ".nox", ".mypy_cache",
    ".pytest_cache", ".ruff_cache", ".venv", "venv", ".terraform", ".k8slint_cache", ".hypothesis",
}
DOCKERFILE_GLOBS = ("Dockerfile", "Dockerfile.*", "*.Dockerfile", "*.dockerfile", "Containerfile", "Containerfile.*")
YAML_SUFFIXES = (".yaml", ".yml")
JSON_SUFFIXES = (".json",)

RENDERED_KINDS = ("helm-chart", "kustomization")  # source kinds rendered (linter.rendered) before linting


class SourceFile(NamedTuple):
    path: str  # as shown in reports
    kind: str  # "dockerfile" | "yaml" | "json"
    explicit: bool  # named on the command line: always linted


class Notice(NamedTuple):
    path: str
    message: str


# DOCKERFILE_GLOBS as plain string tests (fnmatch would compile six regular expressions on every start)
_DOCKERFILE_NAMES = tuple(g for g in DOCKERFILE_GLOBS if "*" not in g)
_DOCKERFILE_PREFIXES = tuple(g[:-1] for g in DOCKERFILE_GLOBS if g.endswith("*"))
_DOCKERFILE_SUFFIXES = tuple(g[1:] for g in DOCKERFILE_GLOBS if g.startswith("*"))


def classify(name: str) -> str | None:
    if name in _DOCKERFILE_NAMES or name.startswith(_DOCKERFILE_PREFIXES) or name.endswith(_DOCKERFILE_SUFFIXES):
        return "dockerfile"
    low = name.lower()
    if low.endswith(YAML_SUFFIXES):
        return "yaml"
    if low.endswith(JSON_SUFFIXES):
        return "json"
    return None


def _display(path: str) -> str:
    path = os.path.normpath(path)
    if os.path.isabs(path):
        try:
            rel = os.path.relpath(path)
            if not rel.startswith(".."):
                path = rel
        except ValueError:
            pass
    return path.replace(os.sep, "/")


def _is_virtualenv(folder: str) -> bool:
    return os.path.isfile(os.path.join(folder, "pyvenv.cfg"))


def discover(paths: Iterable[str], exclude: list[str] | None = None) -> tuple[list[SourceFile], list[Notice]]:
    spec = _exclude_spec(exclude or [])
    files: dict[str, SourceFile] = {}
    notices: list[Notice] = []
    for given in paths:
        try:
            st = os.stat(given)
        except OSError as exc:
            kind = "a dangling symlink" if os.path.islink(given) else "not found"
            notices.append(Notice(_display(given), f"cannot lint: {kind} ({exc.strerror})"))
            continue
        if stat.S_ISDIR(st.st_mode):
            for f in _walk(given, spec, notices):
                files.setdefault(f.path, f)
        elif stat.S_ISREG(st.st_mode):
            shown = _display(given)
            kind = classify(os.path.basename(given)) or _sniff(given)
            if kind == "yaml" and os.path.basename(given) in ("values.yaml", "values.yml") and \
                    os.path.isfile(os.path.join(os.path.dirname(given) or ".", "Chart.yaml")):
                kind = "helm-values"
            files[shown] = SourceFile(shown, kind, True)
        else:
            notices.append(Notice(_display(given), "skipped: not a regular file (FIFO, socket or device)"))
    return sorted(files.values(), key=lambda f: f.path), notices


def _sniff(path: str) -> str:
    """An explicitly named file with no telling name: a Dockerfile if it starts like one."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096).lstrip()
    except OSError:
        return "yaml"
    first = head.split(b"\n", 1)[0].strip().upper()
    if first.startswith((b"FROM ", b"ARG ", b"# SYNTAX=", b"# ESCAPE=")):
        return "dockerfile"
    return "yaml"


def _walk(root: str, spec: pathspec.GitIgnoreSpec, notices: list[Notice]) -> Iterable[SourceFile]:
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            notices.append(Notice(_display(folder), f"cannot read directory: {exc.strerror}"))
            continue
        is_chart = any(e.name == "Chart.yaml" for e in entries)
        yield from _rendered_source(folder, entries, is_chart, folder == root)
        subdirs = []
        excludes = not isinstance(spec, _NoExcludes)
        prefix = _display(folder)  # _display(folder/name) == prefix/name: one relpath per folder
        prefix = "" if prefix == "." else prefix.rstrip("/") + "/"
        for entry in entries:
            # paths are computed only when needed: relpath on every entry of a large tree was a
            # third of a warm-cache run
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if is_dir:
                if entry.name in SKIP_DIRS or _is_virtualenv(entry.path):
                    continue
                if is_chart and entry.name == "templates":
                    continue  # Helm templates are not plain YAML; charts are rendered, not parsed
                if excludes:
                    shown = _display(entry.path)
                    rel = os.path.relpath(entry.path, root).replace(os.sep, "/")
                    if spec.match_file(rel + "/") or spec.match_file(shown + "/"):
                        continue
                subdirs.append(entry.path)
                continue
            kind = classify(entry.name)
            if kind is None:
                continue
            if is_chart and kind == "yaml" and entry.name in ("values.yaml", "values.yml"):
                kind = "helm-values"
            shown = prefix + entry.name
            if excludes:
                rel = os.path.relpath(entry.path, root).replace(os.sep, "/")
                if spec.match_file(rel) or spec.match_file(shown):
                    continue
            try:
                st = os.stat(entry.path)
            except OSError:
                notices.append(Notice(shown, "skipped: dangling symlink or unreadable"))
                continue
            if not stat.S_ISREG(st.st_mode):
                if not stat.S_ISDIR(st.st_mode):
                    notices.append(Notice(shown, "skipped: not a regular file (FIFO, socket or device)"))
                continue
            yield SourceFile(shown, kind, False)
        stack.extend(reversed(subdirs))


def chart_root(path: str) -> Path | None:
    """The Helm chart folder that holds `path`, if any."""
    p = Path(path).resolve().parent
    for folder in [p, *p.parents]:
        if (folder / "Chart.yaml").is_file():
            return folder
    return None


KUSTOMIZATION_NAMES = ("kustomization.yaml", "kustomization.yml", "Kustomization")


def _rendered_source(folder: str, entries: list[os.DirEntry[str]], is_chart: bool, given: bool = False) -> Iterable[SourceFile]:
    """A Helm chart (a folder with Chart.yaml, not vendored under a parent's charts/ unless named) or a kustomization."""
    names = {e.name for e in entries if e.is_file()}
    if is_chart:
        parent = os.path.dirname(os.path.abspath(folder))
        vendored = os.path.basename(parent) == "charts" and os.path.isfile(os.path.join(os.path.dirname(parent), "Chart.yaml"))
        if given or not vendored:
            yield SourceFile(_display(folder), "helm-chart", given)
    elif any(n in names for n in KUSTOMIZATION_NAMES):
        yield SourceFile(_display(folder), "kustomization", False)


class _NoExcludes:
    @staticmethod
    def match_file(path: str) -> bool:
        return False


def _exclude_spec(exclude: list[str]) -> "pathspec.GitIgnoreSpec | _NoExcludes":
    if not exclude:
        return _NoExcludes()  # no pathspec import for the common case
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(exclude)
