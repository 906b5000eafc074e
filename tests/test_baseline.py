"""--write-baseline / --baseline: only new findings; line shifts keep old ones baselined; no secrets stored."""
from __future__ import annotations

import json

from tests.reporters.conftest import SELECT, project  # noqa: F401 (fixture)


def lint(run_cli, project, *extra):
    code, out, err = run_cli("app", "deploy", "--select", SELECT, "--format", "json", *extra, cwd=project)
    return code, json.loads(out) if out.strip() else None, err


def test_baseline_hides_known_findings(project, run_cli):
    code, _, err = run_cli("app", "deploy", "--select", SELECT, "--write-baseline", "base.json", cwd=project)
    assert code == 0 and "6 finding" in err
    code, doc, _ = lint(run_cli, project, "--baseline", "base.json")
    assert code == 0 and doc["findings"] == []


def test_line_shifts_stay_baselined(project, run_cli):
    run_cli("app", "deploy", "--select", SELECT, "--write-baseline", "base.json", cwd=project)
    df = project / "app" / "Dockerfile"
    df.write_text("# syntax comment\n# another\n" + df.read_text().replace("\n", "\n# note\n", 1))
    web = project / "deploy" / "web.yaml"
    web.write_text("# header\n---\n" + web.read_text().replace("spec:\n", "spec:\n  # replicas later\n", 1))
    code, doc, _ = lint(run_cli, project, "--baseline", "base.json")
    assert code == 0 and doc["findings"] == []


def test_new_violation_is_reported(project, run_cli):
    run_cli("app", "deploy", "--select", SELECT, "--write-baseline", "base.json", cwd=project)
    (project / "app" / "Dockerfile.worker").write_text("FROM python:latest\nUSER 1000\n")
    code, doc, _ = lint(run_cli, project, "--baseline", "base.json")
    assert code == 1
    assert [(f["rule"], f["path"]) for f in doc["findings"]] == [("DF001", "app/Dockerfile.worker")]


def test_changed_instruction_is_new(project, run_cli):
    run_cli("app", "deploy", "--select", SELECT, "--write-baseline", "base.json", cwd=project)
    df = project / "app" / "Dockerfile"
    df.write_text(df.read_text().replace("FROM alpine:latest", "FROM debian:latest"))
    _, doc, _ = lint(run_cli, project, "--baseline", "base.json")
    assert {f["rule"] for f in doc["findings"]} >= {"DF001"}


def test_identical_findings_count_as_a_multiset(tmp_path, run_cli):
    (tmp_path / "Dockerfile").write_text("FROM alpine:latest\nUSER 1000\n")
    run_cli("Dockerfile", "--select", "DF001", "--write-baseline", "base.json")
    # a second identical stage: the same fingerprint twice, the baseline covers one
    (tmp_path / "Dockerfile").write_text("FROM alpine:latest\nUSER 1000\nFROM alpine:latest\nUSER 1000\n")
    code, out, _ = run_cli("Dockerfile", "--select", "DF001", "--baseline", "base.json", "--format", "json")
    assert code == 1 and len(json.loads(out)["findings"]) == 1


def test_baseline_holds_no_source_text(project, run_cli):
    run_cli("app", "deploy", "--select", SELECT, "--write-baseline", "base.json", cwd=project)
    text = (project / "base.json").read_text()
    assert "s3cr3t" not in text and "Zq8x" not in text and "alpine" not in text and "nginx" not in text
    doc = json.loads(text)
    assert doc["version"] == 1 and all(len(e["fingerprint"]) == 64 for e in doc["findings"])


def test_bad_baseline_is_a_usage_error(project, run_cli):
    (project / "base.json").write_text("[1, 2]")
    code, _, err = run_cli("app", "--baseline", "base.json", cwd=project)
    assert code == 2 and "baseline" in err
