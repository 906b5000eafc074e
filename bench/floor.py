"""The floors k8slint's corpus run is compared with: the least work any linter must do.

    python bench/floor.py parse FILE_LIST    # parse floor
    python bench/floor.py render FILE_LIST   # render floor [--no-parse: render only]

FILE_LIST holds `kind<TAB>path` lines, as k8slint's own discovery classifies the corpus.

parse: every `dockerfile`, `yaml`, `json` and `helm-values` file read and parsed, no rules,
one process: YAML/JSON through libyaml (PyYAML's CSafeLoader when installed, else
ruamel.yaml.clib's C parser events), Dockerfiles through dockerfile-parse.

render: every `helm-chart` rendered with its default values (what `helm template` does: the
`helm` binary when on PATH, else Helm's Go SDK through helm-python-sdk, in-process) and every
`kustomization` built (`kustomize build`, else `kubectl kustomize`), all of them in parallel
(one worker per core: SDK renders release the GIL, builds are separate processes) - the fastest
way to get the same rendered YAML k8slint then lints - and that YAML parsed as the parse floor
parses files (libyaml). The rendered text is not small: 28.7 MB on the corpus, next to its 54.9
MB of plain files (stop 11's floor left its parse out, ~4.6 s CPU; `--no-parse` still does).

Prints how many files/documents/renders it did and how many failed (failures are timed too:
k8slint also attempts them).
"""
from __future__ import annotations

import gc
import io
import os
import shutil
import subprocess
import sys


def _yaml_loader():  # type: ignore[no-untyped-def]
    try:
        import yaml

        loader = yaml.CSafeLoader

        def load(text: str) -> int:
            return sum(1 for _ in yaml.load_all(text, Loader=loader))

        return "pyyaml-CSafeLoader", load
    except (ImportError, AttributeError):
        from _ruamel_yaml import CParser
        import ruamel.yaml.events as ev

        def load(text: str) -> int:
            parser = CParser(text)
            docs = 0
            while True:
                event = parser.get_event()
                if isinstance(event, ev.DocumentEndEvent):
                    docs += 1
                if isinstance(event, ev.StreamEndEvent):
                    return docs

        return "ruamel-CParser-events", load


PARSED_KINDS = ("dockerfile", "yaml", "json", "helm-values")
_LOADER = _yaml_loader()


def parse_floor(entries: list[tuple[str, str]]) -> str:
    from dockerfile_parse import DockerfileParser

    name, load_yaml = _LOADER
    files = docs = errors = 0
    for kind, path in entries:
        if kind not in PARSED_KINDS:
            continue
        try:
            with open(path, "rb") as fh:
                data = fh.read()
            text = data.decode("utf-8-sig")
            if kind == "dockerfile":
                parser = DockerfileParser(fileobj=io.BytesIO(text.encode("utf-8")))
                docs += len(parser.structure)
            else:
                docs += load_yaml(text)
            files += 1
        except Exception:
            errors += 1
    return f"parse floor ({name} + dockerfile-parse): {files} files, {docs} documents/instructions, {errors} errors"


_PARSE = {"on": True}


def _parse_rendered(texts: list[str]) -> int:
    """Documents in the rendered texts, parsed as the parse floor parses a file (errors count 0)."""
    if not _PARSE["on"]:
        return 0
    _, load_yaml = _LOADER
    docs = 0
    for text in texts:
        try:
            docs += load_yaml(text)
        except Exception:
            pass
    return docs


def _render_chart_binary(helm: str, chart: str) -> bool:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KUBE", "HELM_"))}
    env["KUBECONFIG"] = os.devnull
    proc = subprocess.run([helm, "template", "release-name", chart, "--namespace", "default"],
                          capture_output=True, env=env, stdin=subprocess.DEVNULL, timeout=300)
    _parse_rendered([proc.stdout.decode("utf-8", "replace")])
    return proc.returncode == 0


def _render_chart_sdk(chart: str) -> bool:
    import helm_python

    try:
        with helm_python.Chart.load(chart) as c:
            manifests = c.render({}, name="release-name", namespace="default", is_install=True)
    except Exception:
        return False
    _parse_rendered([text for name, text in sorted(manifests.items()) if name.endswith((".yaml", ".yml", ".json"))])
    return True


def _build_kustomization(cmd: list[str], folder: str) -> bool:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KUBE")}
    env["KUBECONFIG"] = os.devnull
    proc = subprocess.run([*cmd, folder], capture_output=True, env=env, stdin=subprocess.DEVNULL, timeout=300)
    _parse_rendered([proc.stdout.decode("utf-8", "replace")])
    return proc.returncode == 0


def render_floor(entries: list[tuple[str, str]]) -> str:
    from concurrent.futures import ThreadPoolExecutor

    charts = [p for k, p in entries if k == "helm-chart"]
    kustomizations = [p for k, p in entries if k == "kustomization"]
    jobs = max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
    helm = shutil.which("helm")
    tasks = []
    engine = "none"
    if charts:
        if helm:
            engine = "helm template"
            tasks += [(_render_chart_binary, (helm, c)) for c in charts]
        else:
            try:
                import helm_python

                helm_python.helm_sdk_version()
                engine = "helm-python-sdk"
                tasks += [(_render_chart_sdk, (c,)) for c in charts]
            except Exception:
                engine = "unavailable"
    kcmd = (["kustomize", "build"] if shutil.which("kustomize") else
            ["kubectl", "kustomize"] if shutil.which("kubectl") else None)
    if kustomizations and kcmd:
        tasks += [(_build_kustomization, (kcmd, k)) for k in kustomizations]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(lambda t: t[0](*t[1]), tasks))
    failed = results.count(False)
    parsed = f", output parsed with {_LOADER[0]}" if _PARSE["on"] else ", output not parsed"
    return (f"render floor ({engine} for {len(charts)} charts, {' '.join(kcmd) if kcmd else 'no kustomize'} for "
            f"{len(kustomizations)} kustomizations, {jobs} workers{parsed}): {len(results)} renders, {failed} failed")


def main(argv: list[str]) -> int:
    # No cycle collection, as k8slint's command line runs (linter.memory.collect_by_input): the
    # collector walking every parsed container is no part of the least work (~1 s of the parse floor).
    gc.disable()
    if "--no-parse" in argv:
        _PARSE["on"] = False
        argv = [a for a in argv if a != "--no-parse"]
    mode, listing = (argv[0], argv[1]) if len(argv) == 2 else ("parse", argv[0])
    with open(listing, encoding="utf-8") as fh:
        entries = [tuple(line.rstrip("\n").split("\t", 1)) for line in fh if line.strip()]
    print(render_floor(entries) if mode == "render" else parse_floor(entries))  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
