"""The typer-free fast path of `k8slint` (linter.fastcli) and the partial registry behind it.

The fast path must be invisible: for every call, its stdout, stderr, exit code and written
files are those of the typer app (`linter.cli.app`). `test_both_paths_agree` runs a matrix of
calls - every option of `check`, several file kinds, errors, help - through both.
"""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from linter import fastcli
from linter.config import build_config
from linter.engine import Linter
from linter.model import Target
from linter.registry import PartialRegistry, load_partial_registry, load_registry

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
HELM_DATA = ROOT / "tests" / "helm" / "data"

DOCKERFILE = """\
FROM alpine:latest
# k8slint ignore=KS006,no-such-rule
RUN apt-get update && apt-get install -y curl
# k8slint ignore=DF001
RUN cd /tmp && echo hi
"""
DEPLOY = """\
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - name: web  # k8slint: ignore=DF003
          image: nginx:latest
---
apiVersion: v1
kind: Service
metadata: {name: a}  # k8slint: ignore=KS999-unknown
spec: {type: NodePort}
"""
FILES = {
    "Dockerfile": DOCKERFILE,
    "deploy.yaml": DEPLOY,
    "svc.json": '{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "j"}, "spec": {"type": "NodePort"}}\n',
    "fixme/Dockerfile": "FROM alpine:3.20\nRUN apt-get install curl\nUSER 1000\n",
    "good.yaml": "fail-on: error\nrules:\n  DF003: off\n",
    "cross.yaml": "rules:\n  KS006: off\n  DF001: error\n",
    "bad.yaml": "no-such-key: 1\n",
    "badrule.yaml": "rules:\n  NOPE123: off\n",
    "hl/.hadolint.yaml": "ignored: [DL3008]\n",
    "values-extra.yaml": "replicaCount: 3\n",
}


def _make_tree(root: Path) -> None:
    for rel, text in FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    shutil.copytree(HELM_DATA / "gateway", root / "chart")


# (argv, stdin, fast): fast=True means the fast path must handle it itself (not defer to typer)
MATRIX = [
    ([], None, True),
    (["Dockerfile"], None, True),
    (["deploy.yaml"], None, True),
    (["svc.json"], None, True),
    (["check", "Dockerfile", "deploy.yaml"], None, True),
    (["Dockerfile", "--format", "json"], None, True),
    (["deploy.yaml", "-f", "sarif"], None, True),
    (["--format=github", "Dockerfile"], None, True),
    (["deploy.yaml", "-f", "junit"], None, True),
    (["deploy.yaml", "-f", "codeclimate"], None, True),
    (["Dockerfile", "-f", "checkstyle"], None, True),
    (["Dockerfile", "--format", "xml"], None, True),
    (["Dockerfile", "-o", "out.txt"], None, True),
    (["deploy.yaml", "--output", "out.json", "-f", "json"], None, True),
    (["--select", "DF001", "Dockerfile"], None, True),
    (["--select", "DF001,DF003", "--select=DF105", "--ignore", "DF003", "Dockerfile"], None, True),
    (["--select", "KS006", "Dockerfile"], None, True),
    (["--ignore", "KS006", "deploy.yaml"], None, True),
    (["--ignore", "latest-base-image", "Dockerfile"], None, True),
    (["--ignore", "NOPE", "Dockerfile"], None, True),
    (["--select", "DL3008", "Dockerfile"], None, True),
    (["--fail-on", "error", "Dockerfile"], None, True),
    (["--fail-on", "never", "deploy.yaml"], None, True),
    (["--fail-on", "info", "Dockerfile"], None, True),
    (["--fail-on", "bogus", "Dockerfile"], None, True),
    (["--config", "good.yaml", "Dockerfile"], None, True),
    (["-c", "cross.yaml", "Dockerfile", "deploy.yaml"], None, True),
    (["-c", "cross.yaml", "Dockerfile"], None, True),
    (["--config", "missing.yaml", "Dockerfile"], None, True),
    (["--config", "bad.yaml", "Dockerfile"], None, True),
    (["--config", "badrule.yaml", "deploy.yaml"], None, True),
    (["--config", "hl/.hadolint.yaml", "Dockerfile"], None, True),
    (["--preview", "Dockerfile"], None, True),
    (["--no-color", "deploy.yaml"], None, True),
    (["--quiet", "Dockerfile"], None, True),
    (["-q", "--fail-on", "error", "Dockerfile"], None, True),
    (["--jobs", "1", "Dockerfile", "deploy.yaml"], None, True),
    (["-j", "0", "deploy.yaml"], None, True),
    (["--jobs=2", "."], None, True),
    (["--jobs", "-1", "Dockerfile"], None, False),
    (["--jobs", "two", "Dockerfile"], None, False),
    (["--no-cache", "."], None, True),
    (["."], None, True),
    (["--kubernetes-version", "1.20", "deploy.yaml"], None, True),
    (["--kubernetes-version", "banana", "deploy.yaml"], None, True),
    (["--no-shellcheck", "Dockerfile"], None, True),
    (["--no-shellcheck", "deploy.yaml"], None, True),
    (["chart", "--values", "values-extra.yaml", "--set", "image.tag=latest", "--set", "x=1",
      "--release-name", "rel", "--namespace", "ns", "--helm-ci-values", "-f", "json"], None, True),
    (["chart", "--values", "missing-values.yaml"], None, True),
    (["--write-baseline", "bl.json", "Dockerfile", "deploy.yaml"], None, True),
    (["--baseline", "missing.json", "Dockerfile"], None, True),
    (["--baseline", "good.yaml", "Dockerfile"], None, True),
    (["--diff", "fixme/Dockerfile"], None, True),
    (["--fix", "fixme"], None, True),
    (["-", "--stdin-filename", "Dockerfile"], DOCKERFILE, True),
    (["-", "deploy.yaml"], DEPLOY, True),
    (["-"], DEPLOY, True),
    (["--progress", "Dockerfile"], None, True),
    (["--no-progress", "deploy.yaml"], None, True),
    (["--", "-odd-name", "Dockerfile"], None, True),
    (["missing-file"], None, True),
    (["Dockerfile", "missing-file", "-f", "json"], None, True),
    (["-h"], None, False),
    (["--help"], None, False),
    (["check", "--help"], None, False),
    (["Dockerfile", "-h"], None, False),
    (["--version"], None, False),
    (["rules", "--format", "json"], None, False),
    (["explain", "DF001"], None, False),
    (["--no-such-flag", "Dockerfile"], None, False),
    (["-qf", "json", "Dockerfile"], None, False),
    (["-fjson", "Dockerfile"], None, False),
    (["Dockerfile", "--format"], None, False),
    (["--quiet=yes", "Dockerfile"], None, False),
    (["--format", "--quiet", "Dockerfile"], None, False),
]
WRITTEN = ("out.txt", "out.json", "bl.json", "fixme/Dockerfile")


def _run(entry, argv: list[str], stdin: str | None, root: Path, monkeypatch, capsys) -> tuple:  # type: ignore[no-untyped-def]
    _make_tree(root)
    monkeypatch.chdir(root)
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8"))
    capsys.readouterr()
    with pytest.raises(SystemExit) as exc:
        entry(list(argv))
    captured = capsys.readouterr()
    written = {rel: (root / rel).read_text(encoding="utf-8") for rel in WRITTEN if (root / rel).exists()}
    code = exc.value.code if isinstance(exc.value.code, int) else (0 if exc.value.code is None else 1)
    shown = [captured.out, captured.err, written]
    return (code, *(repr(x).replace(str(root), "<root>") for x in shown))


def _typer(argv: list[str]) -> None:
    from linter.cli import app

    app(args=argv, prog_name="k8slint")


@pytest.mark.parametrize("argv,stdin,fast", MATRIX, ids=[" ".join(a) or "(no args)" for a, _, _ in MATRIX])
def test_both_paths_agree(argv, stdin, fast, tmp_path, monkeypatch, capsys):
    assert (fastcli.parse_check_args(argv) is not None) == fast
    monkeypatch.setenv("K8SLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    typer_result = _run(_typer, argv, stdin, tmp_path / "typer", monkeypatch, capsys)
    fast_result = _run(fastcli.main, argv, stdin, tmp_path / "fast", monkeypatch, capsys)
    assert fast_result == typer_result
    if fast and "-h" not in argv:
        assert typer_result[0] in (0, 1, 2)


def test_matrix_covers_every_option_of_check():
    """Every option of the typer `check` command is known to the fast path with the same shape, and
    the matrix above uses it: a new option needs both (or it silently takes the typer path)."""
    import typer.main

    from linter.cli import app

    command = typer.main.get_command(app).commands["check"]  # type: ignore[attr-defined]
    used = {a.split("=")[0] for argv, _, fast in MATRIX if fast for a in argv if a.startswith("-")}
    for param in command.params:
        if not getattr(param, "param_type_name", "") == "option":
            continue
        if param.is_flag:
            for opt in [*param.opts, *param.secondary_opts]:
                assert opt in fastcli.FLAG_OPTIONS, opt
                assert fastcli.FLAG_OPTIONS[opt][0] == param.name, opt
        else:
            for opt in param.opts:
                assert opt in fastcli.VALUE_OPTIONS, opt
                key, repeatable, _ = fastcli.VALUE_OPTIONS[opt]
                assert (key, repeatable) == (param.name, param.multiple), opt
        assert any(opt in used for opt in [*param.opts, *param.secondary_opts]), f"{param.name} not in MATRIX"
    known = {*fastcli.FLAG_OPTIONS, *fastcli.VALUE_OPTIONS}
    declared = {o for p in command.params if getattr(p, "param_type_name", "") == "option" for o in [*p.opts, *p.secondary_opts]}
    assert known == declared


def test_plain_calls_are_parsed_like_click():
    kw = fastcli.parse_check_args(["check", "a", "--format=json", "-o", "out.json", "--select", "DF001",
                                   "--select=DF002", "-q", "--no-progress", "-j", "3", "--", "-b", "-"])
    assert kw is not None
    assert kw["paths"] == ["a", "-b", "-"] and kw["format"] == "json" and kw["quiet"] is True
    assert kw["select"] == ["DF001", "DF002"] and str(kw["output"]) == "out.json"
    assert kw["progress"] is False and kw["jobs"] == 3


def _imported_modules(args: list[str], cwd: Path) -> set[str]:
    code = ("import sys, atexit\n"
            "atexit.register(lambda: sys.stderr.write('\\nMODULES ' + ' '.join(sorted(sys.modules)) + '\\n'))\n"
            "from linter.fastcli import main\nmain()\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=120)
    line = [ln for ln in proc.stderr.splitlines() if ln.startswith("MODULES ")][-1]
    return set(line.split()[1:])


@pytest.mark.parametrize("name", ["Dockerfile", "deploy.yaml"])
def test_single_file_call_imports_no_cli_framework_and_one_rule_family(name, tmp_path):
    (tmp_path / "Dockerfile").write_text("FROM alpine:3.20\nRUN apt-get update\nUSER 1000\n")
    (tmp_path / "deploy.yaml").write_text(DEPLOY.replace("  # k8slint: ignore=DF003", "")
                                          .replace("  # k8slint: ignore=KS999-unknown", ""))
    modules = _imported_modules([name], tmp_path)
    heavy = {"typer", "click", "rich", "pydantic", "jsonschema", "kubernetes_validate", "importlib.metadata"}
    assert not heavy & {m.split(".")[0] for m in modules} - {"importlib"}
    assert "importlib.metadata" not in modules
    other = "rules.kubernetes" if name == "Dockerfile" else "rules.dockerfile"
    assert not any(m.startswith(other) for m in modules)


# -- partial registry -------------------------------------------------------------------------
def test_partial_registry_loads_one_family_and_resolves_everything():
    full = load_registry()
    for kind, wanted in (("dockerfile", lambda r: r.meta.target in (Target.DOCKERFILE, Target.ENGINE)),
                         ("yaml", lambda r: r.meta.target is not Target.DOCKERFILE)):
        part = load_partial_registry(kind)
        assert isinstance(part, PartialRegistry)
        assert {r.id for r in part} == {r.id for r in full if wanted(r)}
        for r in full:  # lookups by id, name or alias answer as the full registry does
            for token in (r.id, r.name, *r.meta.aliases):
                assert part.resolve(token) is not None and part.resolve(token).id == full.resolve(token).id
        assert part.resolve("no-such-rule") is None


def test_dockerfile_rules_live_in_their_folder():
    """The partial registries rely on it: every built-in Dockerfile rule is in rules/dockerfile/,
    and nothing else is."""
    full = load_registry()
    in_folder = {r.id for r in full if r.check.__module__.startswith("rules.dockerfile.")}
    of_target = {r.id for r in full if r.meta.target is Target.DOCKERFILE and r.origin == "builtin"}
    assert in_folder == of_target


def test_settings_naming_another_family_need_the_full_registry():
    part = load_partial_registry("dockerfile")
    assert part.covers_settings({"rules": {"DF001": "off", "latest-base-image": "error"}}, ["DL3007"], [])
    assert not part.covers_settings({"rules": {"KS006": "off"}})
    assert not part.covers_settings({}, ["KS006"], [])
    assert not part.covers_settings({}, [], ["nodeport-service"])
    assert not part.covers_settings({}, [], ["NOPE"])  # unknown: the full registry gives the error
    assert not part.covers_settings({"custom-rules": [{"id": "X"}]})


def _fixture_files() -> list[Path]:
    return sorted(p for p in FIXTURES.rglob("*") if p.is_file() and p.suffix != ".md")


def _lint_with(registry, path: Path) -> list[tuple]:  # type: ignore[no-untyped-def]
    result = Linter(registry, build_config(registry, {})).lint_paths([str(path)])
    return [(f.path, f.line, f.column, f.rule_id, f.severity, f.message) for f in result.findings]


@pytest.mark.parametrize("path", _fixture_files(), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_partial_registry_finds_what_the_full_one_finds(path):
    from linter.discovery import discover

    kind = "dockerfile" if discover([str(path)])[0][0].kind == "dockerfile" else "yaml"
    assert _lint_with(load_partial_registry(kind), path) == _lint_with(load_registry(), path)


@pytest.mark.parametrize("name,text", [("Dockerfile", DOCKERFILE), ("deploy.yaml", DEPLOY)])
def test_suppressions_naming_the_other_family_are_not_unknown(name, text, tmp_path):
    """KL002 (unknown rule in a suppression) must not fire for a rule of the family not loaded,
    and must still fire for a rule that exists nowhere."""
    path = tmp_path / name
    path.write_text(text)
    kind = "dockerfile" if name == "Dockerfile" else "yaml"
    partial = _lint_with(load_partial_registry(kind), path)
    assert partial == _lint_with(load_registry(), path)
    unknown = [f for f in partial if f[3] == "KL002"]
    assert len(unknown) == 1 and ("no-such-rule" in unknown[0][5] or "KS999-unknown" in unknown[0][5])


def test_partial_kind():
    with_dir = FIXTURES / "clean"
    assert fastcli.partial_kind([str(FIXTURES / "clean" / "gateway" / "Dockerfile")]) == "dockerfile"
    assert fastcli.partial_kind([str(FIXTURES / "bad" / "suppressed.yaml")]) == "yaml"
    assert fastcli.partial_kind(["-"], "Dockerfile") == "dockerfile"
    assert fastcli.partial_kind(["-"]) == "yaml"
    assert fastcli.partial_kind([str(with_dir)]) is None
    assert fastcli.partial_kind([str(FIXTURES / "clean" / "gateway" / "Dockerfile"),
                                 str(FIXTURES / "bad" / "suppressed.yaml")]) is None
    assert fastcli.partial_kind(["no-such-file"]) is None


# -- bashlex tables ------------------------------------------------------------------------
def test_cached_bashlex_tables_equal_the_built_ones(tmp_path):
    """The parse tables loaded from k8slint's cache are bashlex's own (first run builds and stores
    them, the second loads them), after bashlex's corrections, and parse the same. (The shipped
    tables are turned off here: tests/engine/test_bashlex_parsetab.py covers them.)"""
    code = textwrap.dedent("""
        import sys
        from linter.sources import bashlex_tables
        bashlex_tables._shipped = lambda folder: None
        from linter.sources.bashlex_tables import import_bashlex
        b = import_bashlex()
        p = b.parser.yaccparser
        print(repr((sorted((k, sorted(v.items())) for k, v in p.action.items()),
                    sorted((k, sorted(v.items())) for k, v in p.goto.items()),
                    [(x.name, x.len, x.func) for x in p.productions],
                    b.parse("a=1 apt-get update && cd /x || { echo $(id -u) | tee f; }")[0].dump())))
    """)
    plain = textwrap.dedent("""
        import bashlex
        p = bashlex.parser.yaccparser
        print(repr((sorted((k, sorted(v.items())) for k, v in p.action.items()),
                    sorted((k, sorted(v.items())) for k, v in p.goto.items()),
                    [(x.name, x.len, x.func) for x in p.productions],
                    bashlex.parse("a=1 apt-get update && cd /x || { echo $(id -u) | tee f; }")[0].dump())))
    """)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "K8SLINT_CACHE_DIR": str(tmp_path / "c")}
    outs = [subprocess.run([sys.executable, "-c", src], capture_output=True, text=True, env=env, check=True).stdout
            for src in (code, code, plain)]
    assert list((tmp_path / "c").glob("bashlex-tables-*"))
    assert outs[0] == outs[1] == outs[2] and outs[0]
    # a corrupt cache file is ignored (and rewritten)
    for f in (tmp_path / "c").glob("bashlex-tables-*"):
        f.write_bytes(b"garbage")
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
    assert again == outs[2]


@pytest.mark.parametrize("exc,code", [(KeyboardInterrupt(), 130), (BrokenPipeError(32, "Broken pipe"), 1)])
def test_interrupt_and_closed_pipe_exit_like_typer(exc, code, tmp_path, monkeypatch, capsys):
    """Ctrl-C and `k8slint . | head` end both paths the same way (typer: 130 and a quiet 1)."""
    def boom(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise exc

    monkeypatch.setattr(fastcli, "run_check", boom)
    monkeypatch.setattr(fastcli, "_silence_broken_pipe", lambda: None)
    saved = sys.stdout, sys.stderr
    results = []
    for entry in (_typer, fastcli.main):
        with pytest.raises(SystemExit) as info:
            entry(["Dockerfile"])
        sys.stdout, sys.stderr = saved  # typer wraps them after a broken pipe
        captured = capsys.readouterr()
        results.append((info.value.code, captured.out, captured.err))
    assert results[0] == results[1] == [(code, "", "")][0]
