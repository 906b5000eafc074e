"""The command line: default command, exit codes, JSON contract, rules/explain, stdin."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LATEST = "FROM alpine:latest\nUSER 1000\n"
CLEAN = "FROM alpine:3.20\nUSER 1000\n"


def test_default_command_lints_current_directory(run_cli, write):
    write("Dockerfile", LATEST)
    code, out, _ = run_cli("--format", "json")
    assert code == 1
    doc = json.loads(out)
    assert [f["rule"] for f in doc["findings"]] == ["DF001"]


def test_json_contract(run_cli, write):
    write("Dockerfile", LATEST)
    code, out, _ = run_cli("Dockerfile", "--format", "json")
    doc = json.loads(out)
    assert doc["version"] == 1
    f = doc["findings"][0]
    assert {k: f[k] for k in ("rule", "name", "severity", "path", "line", "column")} == {
        "rule": "DF001", "name": "latest-base-image", "severity": "warning", "path": "Dockerfile",
        "line": 1, "column": 6,
    }
    assert "DL3007" in f["aliases"] and isinstance(f["message"], str)
    assert doc["summary"] == {"files": 1, "findings": 1, "errors": 0, "warnings": 1, "info": 0}


def test_exit_codes_follow_fail_on(run_cli, write):
    write("Dockerfile", LATEST)
    assert run_cli("Dockerfile")[0] == 1
    assert run_cli("Dockerfile", "--fail-on", "error")[0] == 0
    assert run_cli("Dockerfile", "--fail-on", "never")[0] == 0
    write("ok/Dockerfile", CLEAN)
    assert run_cli("ok")[0] == 0


def test_usage_errors_exit_2(run_cli, write):
    write("Dockerfile", CLEAN)
    assert run_cli("--format", "xml")[0] == 2
    assert run_cli("--fail-on", "sometimes")[0] == 2
    assert run_cli("--select", "NO999")[0] == 2
    assert run_cli("--config", "missing.yaml")[0] == 2
    assert run_cli("--no-such-flag")[0] == 2


def test_config_error_names_the_key(run_cli, write):
    write("Dockerfile", CLEAN)
    write(".k8slint.yaml", "rules:\n  latest-base-image: {severity: error, bogus: 1}\n")
    code, _, err = run_cli()
    assert code == 2 and "bogus" in err


def test_select_and_ignore(run_cli, write):
    write("Dockerfile", "FROM alpine:latest\n")  # DF001 and DF003
    _, out, _ = run_cli("--format", "json", "--select", "DF003")
    assert {f["rule"] for f in json.loads(out)["findings"]} == {"DF003"}
    _, out, _ = run_cli("--format", "json", "--ignore", "DL3007,root-final-user")
    assert json.loads(out)["findings"] == []


def test_text_report_lines_and_summary(run_cli, write):
    write("Dockerfile", LATEST)
    code, out, _ = run_cli("--no-color")
    assert "Dockerfile:1:6" in out and "DF001 latest-base-image" in out
    assert "1 problem" in out and "\x1b[" not in out


def test_quiet_shows_only_failing_findings(run_cli, write):
    write("Dockerfile", LATEST)
    code, out, _ = run_cli("--quiet", "--fail-on", "error")
    assert code == 0 and out == ""


def test_stdin_with_filename(run_cli):
    code, out, _ = run_cli("-", "--stdin-filename", "Dockerfile", "--format", "json", input=LATEST)
    doc = json.loads(out)
    assert code == 1 and doc["findings"][0]["path"] == "Dockerfile"


def test_rules_and_explain(run_cli):
    code, out, _ = run_cli("rules", "--format", "json")
    ids = {r["id"] for r in json.loads(out)}
    assert code == 0 and {"DF001", "KS001", "KL001"} <= ids
    code, out, _ = run_cli("explain", "DL3007")
    assert code == 0 and "DF001 latest-base-image" in out and "alias" in out and "## Why it matters" in out
    assert run_cli("explain", "no-such-rule")[0] == 2


def test_output_file(run_cli, write, tmp_path):
    write("Dockerfile", LATEST)
    code, out, _ = run_cli("--format", "json", "--output", "report.json")
    assert code == 1 and out == ""
    assert json.loads((tmp_path / "report.json").read_text())["findings"][0]["rule"] == "DF001"


def test_python_dash_m_and_console_script(tmp_path):
    (tmp_path / "Dockerfile").write_text(LATEST)
    proc = subprocess.run([sys.executable, "-m", "linter", "--format", "json", str(tmp_path / "Dockerfile")],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["findings"][0]["rule"] == "DF001"


def test_readme_rules_block_is_current():
    from linter.docs import README_BEGIN, README_END, markdown_table
    from linter.testing import default_registry

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split(README_BEGIN, 1)[1].split(README_END, 1)[0]
    assert block.strip() == markdown_table(default_registry()).strip(), \
        "README rules table is stale: regenerate it with `k8slint rules --format markdown`"
