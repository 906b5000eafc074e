"""The floors k8slint's corpus run is compared with: the least work any linter must do.

    python bench/floor.py parse FILE_LIST    # parse floor
    python bench/floor.py render FILE_LIST   # render floor

FILE_LIST holds `kind<TAB>path` lines, as k8slint's own discovery classifies the corpus.

parse: every `dockerfile`, `yaml`, `json` and `helm-values` file read and parsed, no rules,
one process: YAML/JSON through libyaml (PyYAML's CSafeLoader when installed, else
ruamel.yaml.clib's C parser events), Dockerfiles through dockerfile-parse.

render: every `helm-chart` rendered with its default values (what `helm template` does: the
`helm` binary when on PATH, else Helm's Go SDK through helm-python-sdk, in-process) and every
`kustomization` built (`kustomize build`, else `kubectl kustomize`), all of them in parallel
(one worker per core: SDK renders release the GIL, builds are separate processes) - the fastest
way to get the same rendered YAML k8slint then lints. The rendered text is not parsed here (the
parse floor covers parsing cost per byte; rendered output is a few percent of the corpus).

Prints how many files/documents/renders it did and how many failed (failures are timed too:
k8slint also attempts them).
"""
from __future__ import annotations

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


def parse_floor(entries: list[tuple[str, str]]) -> str:
    from dockerfile_parse import DockerfileParser

    name, load_yaml = _yaml_loader()
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


def _render_chart_binary(helm: str, chart: str) -> bool:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KUBE", "HELM_"))}
    env["KUBECONFIG"] = os.devnull
    proc = subprocess.run([helm, "template", "release-name", chart, "--namespace", "default"],
                          capture_output=True, env=env, stdin=subprocess.DEVNULL, timeout=300)
    return proc.returncode == 0


def _render_chart_sdk(chart: str) -> bool:
    import helm_python

    try:
        with helm_python.Chart.load(chart) as c:
            c.render({}, name="release-name", namespace="default", is_install=True)
        return True
    except Exception:
        return False


def _build_kustomization(cmd: list[str], folder: str) -> bool:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KUBE")}
    env["KUBECONFIG"] = os.devnull
    proc = subprocess.run([*cmd, folder], capture_output=True, env=env, stdin=subprocess.DEVNULL, timeout=300)
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
    return (f"render floor ({engine} for {len(charts)} charts, {' '.join(kcmd) if kcmd else 'no kustomize'} for "
            f"{len(kustomizations)} kustomizations, {jobs} workers): {len(results)} renders, {failed} failed")


def main(argv: list[str]) -> int:
    mode, listing = (argv[0], argv[1]) if len(argv) == 2 else ("parse", argv[0])
    with open(listing, encoding="utf-8") as fh:
        entries = [tuple(line.rstrip("\n").split("\t", 1)) for line in fh if line.strip()]
    print(render_floor(entries) if mode == "render" else parse_floor(entries))  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
