"""Bad input never crashes k8slint: every file becomes findings or a clear error line."""
from __future__ import annotations

import json
import os

import pytest

from linter.testing import lint

GOOD = "FROM alpine:latest\nUSER 1\n"


def _rules(out: str) -> list[tuple[str, str]]:
    return [(f["path"], f["rule"]) for f in json.loads(out)["findings"]]


@pytest.mark.parametrize("name, data", [
    ("tabs.yaml", b"apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n"),
    ("quote.yaml", b"apiVersion: v1\nkind: Pod\nmetadata: {name: 'x}\n"),
    ("latin1.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: caf\u00e9}\n".encode("latin-1")),
    ("nul.yaml", b"apiVersion: v1\nkind: Pod\x00\n"),
])
def test_broken_yaml_is_one_parse_error_and_the_rest_goes_on(run_cli, write, name, data):
    write(name, data)
    write("Dockerfile", GOOD)
    code, out, _ = run_cli("--format", "json")
    found = _rules(out)
    assert (name, "KL001") in found
    assert ("Dockerfile", "DF001") in found
    assert code == 1


@pytest.mark.parametrize("data", [
    b"", b"   \n\n", b"# just a comment\n", b"---\n---\n", os.urandom(2048), b"\xff\xfe\x00\x00garbage",
    b"apiVersion: v1\r\nkind: Service\r\nmetadata: {name: a}\r\nspec: {type: NodePort}\r\n",
])
def test_odd_files_never_crash(run_cli, write, data):
    write("x.yaml", data)
    write("Dockerfile.odd", data)
    code, out, err = run_cli("--format", "json", "x.yaml", "Dockerfile.odd")
    assert code in (0, 1)
    json.loads(out)
    assert "Traceback" not in err


def test_utf16_with_bom_is_read(run_cli, write):
    write("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {type: NodePort}\n".encode("utf-16"))
    code, out, _ = run_cli("--format", "json")
    assert ("svc.yaml", "KS006") in _rules(out)


def test_crlf_positions_are_exact():
    found = lint("apiVersion: v1\r\nkind: Service\r\nmetadata: {name: a}\r\nspec: {type: NodePort}\r\n")
    assert [(f.rule_id, f.line, f.column) for f in found] == [("KS006", 4, 14)]


def test_alias_bomb_is_reported_not_expanded():
    bomb = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n  a: &a [x,x,x,x,x,x,x,x,x,x]\n"
    prev = "a"
    for name in "bcdefghij":
        bomb += f"  {name}: &{name} [" + ",".join([f"*{prev}"] * 10) + "]\n"
        prev = name
    found = lint(bomb)
    assert [f.rule_id for f in found] == ["KL004"]


def test_deep_nesting_does_not_hit_the_recursion_limit():
    deep = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: " + "[" * 10000 + "]" * 10000 + "\n"
    assert [f.rule_id for f in lint(deep)] in ([], ["KS340"])  # ConfigMap data must be a mapping: a schema finding, no crash


def test_duplicate_keys_are_a_finding():
    found = lint("apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  type: ClusterIP\n  type: NodePort\n")
    assert [(f.rule_id, f.line) for f in found] == [("KL003", 6), ("KS006", 6)]


def test_directory_named_dockerfile_fifo_and_dangling_symlink(run_cli, write, tmp_path):
    (tmp_path / "Dockerfile").mkdir()
    write("Dockerfile/Dockerfile", GOOD)
    os.mkfifo(tmp_path / "fifo.yaml")
    os.symlink(tmp_path / "missing", tmp_path / "dangling.yaml")
    code, out, err = run_cli("--format", "json")
    found = _rules(out)
    assert ("Dockerfile/Dockerfile", "DF001") in found
    assert ("fifo.yaml", "KL006") in found and ("dangling.yaml", "KL006") in found
    assert code == 1 and "Traceback" not in err


def test_symlink_loop_is_not_followed(run_cli, write, tmp_path):
    write("a/Dockerfile", GOOD)
    os.symlink(tmp_path / "a", tmp_path / "a" / "loop")
    code, out, _ = run_cli("--format", "json")
    assert _rules(out) == [("a/Dockerfile", "DF001")]


def test_unreadable_file(run_cli, write, monkeypatch):
    # chmod 0 does not stop root (CI runs as root), so the read itself is made to fail
    import builtins

    write("Dockerfile", GOOD)
    write("b/Dockerfile", GOOD)
    real_open = builtins.open

    def deny(path, *args, **kwargs):
        if str(path).endswith("b/Dockerfile"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", deny)
    code, out, _ = run_cli("--format", "json")
    found = _rules(out)
    assert ("b/Dockerfile", "KL001") in found and ("Dockerfile", "DF001") in found
    assert "Permission denied" in json.loads(out)["findings"][1]["message"]


def test_file_over_the_size_limit_is_skipped_with_a_notice(run_cli, write):
    write("big.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {a: '" + "x" * 5000 + "'}\n")
    write(".k8slint.yaml", "max-file-size: 1000\n")
    code, out, _ = run_cli("--format", "json", "--fail-on", "warning")
    assert _rules(out) == [("big.yaml", "KL006")] and code == 0


def test_missing_path_is_a_notice_not_a_crash(run_cli):
    code, out, _ = run_cli("--format", "json", "nope/Dockerfile")
    assert _rules(out) == [("nope/Dockerfile", "KL006")]


def test_helm_templates_are_not_parsed_as_yaml(run_cli, write):
    write("chart/Chart.yaml", "apiVersion: v2\nname: c\nversion: 0.1.0\n")
    write("chart/templates/svc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n{{- if .Values.x }}\n")
    code, out, _ = run_cli("--format", "json")
    # never a YAML parse error (KL001/KL007): the chart is rendered, and this template does not render
    assert {r for _, r in _rules(out)} <= {"HC001", "HC003"} and code in (0, 1)


def test_non_kubernetes_yaml_is_skipped_silently(run_cli, write):
    write(".github/workflows/ci.yml", "on: [push]\njobs: {a: {runs-on: x}}\n")
    write("compose.yaml", "services:\n  web:\n    image: nginx:latest\n")
    write("broken-but-not-k8s.yaml", "a: [\n")
    code, out, _ = run_cli("--format", "json")
    assert _rules(out) == [] and code == 0 and json.loads(out)["summary"]["files"] == 0


def test_a_rule_that_raises_becomes_an_internal_error(monkeypatch):
    from linter.testing import default_registry

    r = default_registry().resolve("DF001")

    def boom(df, ctx):
        raise RuntimeError("bug")

    from linter.config import build_config
    from linter.engine import Linter
    from linter.registry import Registry

    broken = r._replace(check=boom)
    reg = Registry([broken if x.id == "DF001" else x for x in default_registry()])
    found = Linter(reg, build_config(reg, {})).lint_text(GOOD, "Dockerfile", "dockerfile")
    assert [(f.rule_id, f.message) for f in found if f.rule_id == "KL005"] == [
        ("KL005", "rule DF001 (latest-base-image) failed: RuntimeError")]


def test_huge_run_continuation_is_linear():
    import time

    from linter.sources.dockerfile import parse_dockerfile

    src = "FROM alpine:3.20\nRUN echo a \\\n" + "".join(f"    && echo {i} \\\n" for i in range(100_000)) + "    && true\nUSER 1\n"
    start = time.perf_counter()
    df = parse_dockerfile(src)
    assert [(i.keyword, i.line, i.end_line) for i in df.instructions] == [
        ("FROM", 1, 1), ("RUN", 2, 100_003), ("USER", 100_004, 100_004)]
    assert df.instructions[1].value.endswith("&& true")
    # not a timing test: a quadratic parser takes minutes here, a linear one about a second
    assert time.perf_counter() - start < 60


def test_chunked_continuations_parse_like_dockerfile_parse(monkeypatch):
    import linter.sources.dockerfile as dfmod

    src = "FROM alpine:3.20\nRUN echo a \\\n" + "".join(
        ("    # note\n" if i % 37 == 0 else "") + f"    && echo {i} \\\n" for i in range(1000)) + "    && true\nUSER 1\n"
    chunked = dfmod.parse_dockerfile(src)
    monkeypatch.setattr(dfmod, "CHUNK", 10**9)
    whole = dfmod.parse_dockerfile(src)
    assert [(i.keyword, i.line, i.end_line, i.value) for i in chunked.instructions] == \
        [(i.keyword, i.line, i.end_line, i.value) for i in whole.instructions]
    assert [c.line for c in chunked.comments] == [c.line for c in whole.comments]


def test_twenty_thousand_documents():
    docs = "".join(f"---\napiVersion: v1\nkind: Service\nmetadata: {{name: s{i}}}\nspec: {{type: NodePort}}\n" for i in range(20_000))
    found = lint(docs)
    assert len(found) == 20_000 and found[-1].line == 20_000 * 5


def test_bashlex_hang_found_by_fuzzing_is_bounded():
    # bashlex loops forever on this script (found by fuzz/fuzz_lint.py); the parse is cut off
    # and the fallback tokenizer takes over
    import time

    from linter.sources.shell import parse_commands

    start = time.perf_counter()
    parse_commands("'''${''''''''''':")
    assert time.perf_counter() - start < 30
    found = lint("FROM alpine:3.20\nRUN '''${''''''''''':\nUSER 1\n")
    assert not [f for f in found if f.rule_id == "KL005"]
