"""Helm charts: render with Helm's own engine (the `helm` binary or helm-python-sdk), offline.

Nothing from the scanned repository is executed: no plugins, no post-renderers, no
`--dependency-update`, no cluster (`lookup` returns nothing, DNS functions are off). The
rendered text is split per `# Source:` template; positions are mapped back to the
template by :mod:`linter.sources.template_map`.
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from linter.sources.helm_settings import HelmSettings  # its own light module: every configuration has one
from linter.sources.yaml import YMap, parse_yaml

INSTALL_HINT = ("install the `helm` binary (https://helm.sh/docs/intro/install/) or "
                "`pip install 'k8slint[helm]'` (helm-python-sdk, Helm's Go SDK as a library)")
RENDER_TIMEOUT = 120
_SOURCE = re.compile(r"^# Source: (\S.*?)\s*$", re.MULTILINE)
_ERROR_AT = re.compile(r"\(([^():\s]+/templates/[^():\s]+|[^():\s]+\.(?:ya?ml|tpl|txt)):(\d+)(?::(\d+))?\)")
_TPL_AT = re.compile(r"(?<![\w/.-])([\w.-]+/(?:charts/[\w.-]+/)*templates/[^\s:()\"']+):(\d+)(?::(\d+))?")


@dataclass
class RenderedTemplate:
    name: str  # Helm's name, e.g. "mychart/templates/svc.yaml"
    file: Path | None  # the template on disk, when it exists
    text: str  # rendered text of this template (one or more documents)


@dataclass
class RenderProblem:
    rule: str  # "render-failed" | "missing-dependency" | "unavailable"
    message: str
    file: Path | None = None
    line: int = 1
    column: int = 1


@dataclass
class ChartRender:
    chart: Path
    label: str  # which values: "defaults", or "ci/foo-values.yaml"
    templates: list[RenderedTemplate] = field(default_factory=list)
    problems: list[RenderProblem] = field(default_factory=list)
    backend: str = ""


def is_vendored_subchart(folder: Path) -> bool:
    return folder.parent.name == "charts" and (folder.parent.parent / "Chart.yaml").is_file()


def backend() -> str | None:
    """'binary' when `helm` is on PATH, else 'sdk' when helm-python-sdk loads, else None."""
    if shutil.which("helm"):
        return "binary"
    return "sdk" if _sdk() is not None else None


_SDK: Any = None
_SDK_TRIED = False


def _sdk() -> Any:
    global _SDK, _SDK_TRIED
    if not _SDK_TRIED:
        _SDK_TRIED = True
        try:
            import helm_python  # type: ignore[import-not-found]

            helm_python.helm_sdk_version()  # loads the native library
            _SDK = helm_python
        except Exception:  # not installed, or no native library for this platform
            _SDK = None
    return _SDK


def chart_metadata(chart: Path) -> dict[str, Any]:
    try:
        parsed = parse_yaml((chart / "Chart.yaml").read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return {}
    root = parsed.documents[0].root if parsed.documents else None
    return root if isinstance(root, YMap) else {}


def ci_values_files(chart: Path) -> list[Path]:
    folder = chart / "ci"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name.endswith(("-values.yaml", "-values.yml")))


def missing_dependencies(chart: Path, meta: dict[str, Any]) -> list[str]:
    """Dependencies in Chart.yaml with no subchart in charts/ (Helm's CheckDependencies)."""
    deps = meta.get("dependencies")
    if not isinstance(deps, list) and (chart / "requirements.yaml").is_file():  # apiVersion v1 charts
        try:
            parsed = parse_yaml((chart / "requirements.yaml").read_text(encoding="utf-8", errors="replace"))
            root = parsed.documents[0].root if parsed.documents else None
            deps = root.get("dependencies") if isinstance(root, dict) else None
        except OSError:
            deps = None
    if not isinstance(deps, list):
        return []
    present: set[str] = set()
    charts = chart / "charts"
    if charts.is_dir():
        for entry in charts.iterdir():
            if entry.is_dir() and (entry / "Chart.yaml").is_file():
                present.add(str(chart_metadata(entry).get("name") or entry.name))
            elif entry.name.endswith(".tgz"):
                present.add(entry.name[:-4].rsplit("-", 1)[0])
                present.add(re.sub(r"-v?\d+(\.\d+)*([-+].*)?$", "", entry.name[:-4]))
    missing = []
    for dep in deps:
        if isinstance(dep, dict) and dep.get("name") and str(dep["name"]) not in present:
            missing.append(str(dep["name"]))
    return missing


def render(chart: Path, settings: HelmSettings, extra_values: list[Path] = (), label: str = "defaults",  # type: ignore[assignment]
           secrets: list[str] | None = None) -> ChartRender:
    """Render a chart offline; every failure becomes a RenderProblem, never an exception."""
    out = ChartRender(chart, label)
    meta = chart_metadata(chart)
    missing = missing_dependencies(chart, meta)
    values_files = [Path(v) for v in settings.values] + list(extra_values)
    which = backend()
    out.backend = which or ""
    if missing:
        msg = ("An error occurred while checking for chart dependencies. You may need to run `helm dependency "
               f"build` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: "
               f"{', '.join(missing)}")
        out.problems.append(RenderProblem("missing-dependency", msg, _dependency_file(chart),
                                          _dependency_line(chart, missing[0]), 1))
        if which != "sdk":
            return out  # `helm template` refuses such a chart
    if which is None:
        out.problems.append(RenderProblem("unavailable", f"chart not rendered, so not linted: {INSTALL_HINT}",
                                          chart / "Chart.yaml", 1, 1))
        return out
    try:
        if which == "binary":
            _render_binary(chart, settings, values_files, out)
        else:
            _render_sdk(chart, settings, values_files, out)
    except Exception as exc:  # a renderer must never end the run
        out.problems.append(RenderProblem("render-failed", f"Helm could not render the chart: {type(exc).__name__}: {exc}",
                                          chart / "Chart.yaml"))
    for p in out.problems:
        p.message = scrub(p.message, secrets or [])
    return out


def _dependency_file(chart: Path) -> Path:
    meta = chart_metadata(chart)
    if not isinstance(meta.get("dependencies"), list) and (chart / "requirements.yaml").is_file():
        return chart / "requirements.yaml"
    return chart / "Chart.yaml"


def _dependency_line(chart: Path, name: str) -> int:
    try:
        lines = _dependency_file(chart).read_text(encoding="utf-8", errors="replace").split("\n")
    except OSError:
        return 1
    pat = re.compile(r"^\s*-?\s*name:\s*['\"]?" + re.escape(name) + r"['\"]?\s*$")
    in_deps = False
    for i, line in enumerate(lines):
        if line.startswith("dependencies:"):
            in_deps = True
        elif in_deps and pat.match(line):
            return i + 1
    return 1


def template_file(chart: Path, name: str) -> Path | None:
    """The file on disk behind Helm's template name `chart/templates/x.yaml` or `chart/charts/sub/templates/x`."""
    parts = name.split("/")[1:]
    if not parts:
        return None
    candidate = chart.joinpath(*parts)
    if candidate.is_file():
        return candidate
    if len(parts) > 2 and parts[0] == "charts":  # a subchart vendored as a .tgz
        for tgz in sorted((chart / "charts").glob(f"{parts[1]}-*.tgz")):
            return tgz
    return None


# -- values ------------------------------------------------------------------------------

def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value
    return base


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node


def load_values_file(path: Path) -> dict[str, Any]:
    parsed = parse_yaml(path.read_text(encoding="utf-8"))
    if parsed.problems:
        p = parsed.problems[0]
        raise ValueError(f"{path}: {p.message} (line {p.line})")
    root = parsed.documents[0].root if parsed.documents else None
    if root is None:
        return {}
    if not isinstance(root, dict):
        raise ValueError(f"{path}: a values file must be a mapping")
    return _plain(root)


def secret_values(chart: Path, settings: HelmSettings, extra: list[Path]) -> list[str]:
    """String values under secret-looking keys (chart defaults, values files, --set), to scrub from messages."""
    from linter.secrets import looks_like_literal_secret, looks_like_secret_name

    found: list[str] = []
    trees: list[Any] = []
    for path in [chart / "values.yaml", *(Path(v) for v in settings.values), *extra]:
        try:
            trees.append(load_values_file(path))
        except Exception:
            continue
    stack: list[tuple[str, Any]] = [("", t) for t in trees]
    while stack:
        key, node = stack.pop()
        if isinstance(node, dict):
            stack.extend((str(k), v) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((key, v) for v in node)
        elif isinstance(node, str) and looks_like_secret_name(key) and looks_like_literal_secret(node):
            found.append(node)
    for item in settings.set:
        for part in item.split(","):
            k, _, v = part.partition("=")
            if looks_like_secret_name(k.rsplit(".", 1)[-1]) and looks_like_literal_secret(v):
                found.append(v)
    name = str(chart_metadata(chart).get("name") or chart.name)
    return [s for s in found if s not in (name, chart.name)]


def scrub(message: str, secrets: list[str]) -> str:
    for s in sorted(set(secrets), key=len, reverse=True):
        message = message.replace(s, "***")
    message = re.sub(r"\s+", " ", message).strip()
    return message if len(message) <= 600 else message[:597] + "..."


# -- backends ----------------------------------------------------------------------------

@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Helm's Go code logs warnings (e.g. about requirements.yaml) straight to fd 2; keep reports clean."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _render_sdk(chart: Path, settings: HelmSettings, values_files: list[Path], out: ChartRender) -> None:
    """In-process, in a worker thread (ctypes releases the GIL) so a runaway template cannot hang the run."""
    partial = ChartRender(chart, out.label)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            _render_sdk_inner(chart, settings, values_files, partial)
        except BaseException as exc:  # reported below, never raised in the thread
            errors.append(exc)

    with _quiet_stderr():
        worker = threading.Thread(target=work, name="k8slint-helm-render", daemon=True)
        worker.start()
        worker.join(RENDER_TIMEOUT)
    if worker.is_alive():
        out.problems.append(RenderProblem("render-failed", f"Helm took more than {RENDER_TIMEOUT}s to render the chart",
                                          chart / "Chart.yaml"))
        return
    if errors:
        raise errors[0]
    out.templates.extend(partial.templates)
    out.problems.extend(partial.problems)


def _render_sdk_inner(chart: Path, settings: HelmSettings, values_files: list[Path], out: ChartRender) -> None:
    helm = _sdk()
    values: dict[str, Any] = {}
    for path in values_files:
        try:
            _merge(values, load_values_file(path))
        except (OSError, ValueError) as exc:
            out.problems.append(RenderProblem("render-failed", f"cannot read values file: {exc}", chart / "Chart.yaml"))
            return
    for item in settings.set:
        try:
            _merge(values, helm.parse_set_string(item))
        except Exception as exc:
            out.problems.append(RenderProblem("render-failed", f"bad --set {item.split('=', 1)[0]!r}: {_detail(exc)}",
                                              chart / "Chart.yaml"))
            return
    try:
        loaded = helm.Chart.load(str(chart))
    except Exception as exc:
        out.problems.append(RenderProblem("render-failed", f"Helm cannot load the chart: {_detail(exc)}",
                                          chart / "Chart.yaml"))
        return
    with loaded as c:
        try:
            if c.schema is not None:
                c.validate_schema(c.merge_values(values))
            manifests = c.render(values, name=settings.release_name, namespace=settings.namespace,
                                 is_install=True)
        except Exception as exc:
            _failure(chart, _detail(exc), out)
            return
    for name in sorted(manifests):
        if not name.endswith((".yaml", ".yml", ".json")) or "/templates/" not in f"/{name}":
            continue  # NOTES.txt, partials
        text = normalise_documents(manifests[name])
        if text.strip():
            out.templates.append(RenderedTemplate(name, template_file(chart, name), text))


def _render_binary(chart: Path, settings: HelmSettings, values_files: list[Path], out: ChartRender) -> None:
    helm = shutil.which("helm") or "helm"
    args = [helm, "template", settings.release_name, str(chart), "--namespace", settings.namespace]
    for path in values_files:
        args += ["--values", str(path)]
    for item in settings.set:
        args += ["--set", item]
    with tempfile.TemporaryDirectory(prefix="k8slint-helm-") as home:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("HELM_", "KUBE"))}
        env.update({
            "HELM_PLUGINS": os.path.join(home, "plugins"),  # empty: no plugin can run
            "HELM_CONFIG_HOME": os.path.join(home, "config"), "HELM_CACHE_HOME": os.path.join(home, "cache"),
            "HELM_DATA_HOME": os.path.join(home, "data"), "KUBECONFIG": os.path.join(home, "kubeconfig"),
        })
        try:
            proc = subprocess.run(args, capture_output=True, text=True, timeout=RENDER_TIMEOUT, env=env,
                                  stdin=subprocess.DEVNULL, errors="replace")
        except subprocess.TimeoutExpired:
            out.problems.append(RenderProblem("render-failed", f"helm template took more than {RENDER_TIMEOUT}s",
                                              chart / "Chart.yaml"))
            return
    if proc.returncode != 0:
        message = proc.stderr.strip().removeprefix("Error: ") or f"helm template exited {proc.returncode}"
        if "missing in charts/ directory" in message:
            return  # already reported as a missing dependency
        _failure(chart, message, out)
        return
    for name, text in split_sources(proc.stdout):
        if text.strip():
            out.templates.append(RenderedTemplate(name, template_file(chart, name), text))


_HELM_SEP = re.compile(r"(?:^|\s*\n)---\s*")


def normalise_documents(text: str) -> str:
    """Split a rendered template as Helm does (releaseutil.SplitManifests: `---#` and `---  ` separate
    too) and drop empty documents, so YAML sees what Helm would apply."""
    docs = [d for d in _HELM_SEP.split(text) if d.strip()]
    return "\n---\n".join(d.strip() for d in docs) + "\n" if docs else ""


def split_sources(stream: str) -> list[tuple[str, str]]:
    """`helm template` output as (template name, rendered text), in output order, grouped by template."""
    grouped: dict[str, list[str]] = {}
    for doc in re.split(r"^---[ \t]*$", stream, flags=re.MULTILINE):
        m = _SOURCE.search(doc)
        if m is None:
            continue
        body = doc[m.end():].lstrip("\n")
        grouped.setdefault(m.group(1), []).append(body)
    return [(name, "---\n".join(parts)) for name, parts in grouped.items()]


def _detail(exc: Exception) -> str:
    return str(getattr(exc, "detail", None) or exc)


def _failure(chart: Path, message: str, out: ChartRender) -> None:
    file, line, column = chart / "Chart.yaml", 1, 1
    m = _ERROR_AT.search(message) or _TPL_AT.search(message)
    if m is not None:
        found = template_file(chart, m.group(1))
        if found is not None and found.suffix != ".tgz":
            file, line, column = found, int(m.group(2)), int(m.group(3) or 1)
    out.problems.append(RenderProblem("render-failed", f"Helm could not render the chart: {message}", file, line, column))
