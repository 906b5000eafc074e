"""Kustomizations: build with `kustomize build` or `kubectl kustomize`, offline, and find each object's source.

Remote resources (git URLs, http) are never fetched: a kustomization that names one is not
built. Plugins and Helm inflation stay off (kustomize's defaults).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter.sources.yaml import YMap, parse_yaml

KUSTOMIZATION_NAMES = ("kustomization.yaml", "kustomization.yml", "Kustomization")
BUILD_TIMEOUT = 120
INSTALL_HINT = "install kubectl (https://kubernetes.io/docs/tasks/tools/) or kustomize (https://kubectl.docs.kubernetes.io/installation/kustomize/)"
_REMOTE = re.compile(r"^(https?://|git@|ssh://|git::|github\.com/|gitlab\.com/|bitbucket\.org/)|\?ref=|\.git(/|$|\?)")
_FILE_LISTS = ("resources", "bases", "components", "patchesStrategicMerge", "crds")
# Go's soft heap limit for the build: kustomize holds ~100x its input (argo-cd's 2 MB of CRDs: ~180 MB
# RSS); the limit makes its collector work harder only near it (~135 MB, same CPU). The user's own wins.
GO_MEMORY_LIMIT = "100MiB"


@dataclass
class PlainObject:
    file: Path
    root: YMap
    kind: str
    name: str
    namespace: str | None


@dataclass
class KustomizeTree:
    """What a kustomization references, followed through local bases and components."""

    folder: Path
    files: set[Path] = field(default_factory=set)  # every local file it reads (resources, patches)
    resources: list[Path] = field(default_factory=list)  # resource files (whole objects), in order
    patches: list[Path] = field(default_factory=list)  # patch files (partial objects)
    remote: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    component: bool = False  # `kind: Component`: built only as part of an overlay


def kustomization_file(folder: Path) -> Path | None:
    for name in KUSTOMIZATION_NAMES:
        if (folder / name).is_file():
            return folder / name
    return None


def command(folder: Path) -> list[str] | None:
    if shutil.which("kustomize"):
        return [shutil.which("kustomize") or "kustomize", "build", str(folder)]
    if shutil.which("kubectl"):
        return [shutil.which("kubectl") or "kubectl", "kustomize", str(folder)]
    return None


def _load(path: Path) -> dict[str, Any]:
    try:
        parsed = parse_yaml(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return {}
    root = parsed.documents[0].root if parsed.documents else None
    return root if isinstance(root, dict) else {}


def tree(folder: Path) -> KustomizeTree:
    out = KustomizeTree(folder)
    seen: set[Path] = set()
    top = folder.resolve()
    stack = [top]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        kfile = kustomization_file(current)
        if kfile is None:
            continue
        out.files.add(kfile)
        data = _load(kfile)
        if current == top and data.get("kind") == "Component":
            out.component = True
        entries: list[tuple[str, str]] = []
        for key in _FILE_LISTS:
            items = data.get(key)
            if isinstance(items, list):
                entries.extend((key, str(i)) for i in items if isinstance(i, (str, int)))
        for key in ("patches", "patchesJson6902"):
            items = data.get(key)
            if isinstance(items, list):
                entries.extend(("patch", str(i["path"])) for i in items if isinstance(i, dict) and i.get("path"))
        for key, entry in entries:
            if _REMOTE.search(entry):
                out.remote.append(entry)
                continue
            path = _resolve(current / entry)
            if path.is_dir():
                stack.append(path)
            elif path.is_file():
                out.files.add(path)
                if key in ("resources", "bases", "crds"):
                    out.resources.append(path)
                else:
                    out.patches.append(path)
            else:
                out.missing.append(entry)
    return out


_RESOLVED_DIRS: dict[str, str] = {}


def _resolve(path: Path) -> Path:
    """`path.resolve()`, with the resolved parent folders remembered (kustomizations share bases)."""
    name = path.name
    if name in ("", ".", "..") or os.path.islink(path):
        return path.resolve()
    parent = str(path.parent)
    real = _RESOLVED_DIRS.get(parent)
    if real is None:
        if len(_RESOLVED_DIRS) > 4096:
            _RESOLVED_DIRS.clear()
        real = _RESOLVED_DIRS[parent] = os.path.realpath(parent)
    return Path(real) / name


def build(folder: Path, threads: int | None = None) -> tuple[str | None, str | None]:
    """(rendered YAML, None) or (None, error message). `threads`: the Go runtime's GOMAXPROCS (the
    user's own wins), for a build that runs beside others: its collector's parallel marking then only
    takes CPU from them (~11 % of the small builds' CPU on the corpus)."""
    cmd = command(folder)
    if cmd is None:
        return None, f"kustomization not built: {INSTALL_HINT}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("KUBE")}
    env.update({"GIT_TERMINAL_PROMPT": "0", "KUBECONFIG": os.devnull})
    env.setdefault("GOMEMLIMIT", GO_MEMORY_LIMIT)
    if threads is not None:
        env.setdefault("GOMAXPROCS", str(threads))
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=BUILD_TIMEOUT, env=env,
                              stdin=subprocess.DEVNULL, errors="replace")
    except subprocess.TimeoutExpired:
        return None, f"`{' '.join(cmd[:2])}` took more than {BUILD_TIMEOUT}s"
    except OSError as exc:
        return None, f"cannot run {cmd[0]}: {exc.strerror}"
    if proc.returncode != 0:
        return None, clean_error(proc.stderr) or f"exited {proc.returncode}"
    return proc.stdout, None


def plain_objects(files: list[Path]) -> list[PlainObject]:
    out: list[PlainObject] = []
    for path in files:
        try:
            parsed = parse_yaml(path.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            continue
        for doc in parsed.documents:
            root = doc.root
            if not isinstance(root, YMap):
                continue
            roots = [i for i in root.get("items", []) if isinstance(i, YMap)] if str(root.get("kind", "")).endswith(
                "List") and isinstance(root.get("items"), list) else [root]
            for r in roots:
                meta = r.get("metadata")
                meta = meta if isinstance(meta, dict) else {}
                ns = meta.get("namespace")
                out.append(PlainObject(path, r, str(r.get("kind", "")), str(meta.get("name", "")),
                                       str(ns) if ns is not None else None))
    return out


def find_source(objects: list[PlainObject], kind: str, name: str, namespace: str | None) -> PlainObject | None:
    """The plain object a built one came from: same kind and name, or a name kustomize prefixed/suffixed."""
    same_kind = [o for o in objects if o.kind == kind and o.name]
    exact = [o for o in same_kind if o.name == name]
    if exact:
        return next((o for o in exact if o.namespace == namespace), exact[0])
    partial = [o for o in same_kind if o.name in name]
    return max(partial, key=lambda o: len(o.name)) if partial else None


_KLOG = re.compile(r"^[EWI]\d{4} [\d:.]+\s+\d+ [\w.]+:\d+\] (\"command failed\" err=)?")


def clean_error(stderr: str) -> str:
    """kustomize's or kubectl's error, without klog prefixes, on one line."""
    text = _KLOG.sub("", stderr.strip()).removeprefix("Error: ")
    text = re.sub(r"\s+", " ", text).strip().strip("<>").strip()
    if text.startswith('"') and text.endswith('"'):
        text = text[1:-1].replace('\\"', '"')
    return text[:600]
