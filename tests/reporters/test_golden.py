"""Golden files for every output format. Regenerate with K8SLINT_UPDATE_GOLDEN=1 pytest tests/reporters."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from linter import __version__
from linter.reporters import FORMATS
from tests.reporters.conftest import SELECT

GOLDEN = Path(__file__).parent / "golden"
EXTENSIONS = {"text": "txt", "json": "json", "sarif": "sarif", "github": "txt", "junit": "xml",
              "codeclimate": "json", "checkstyle": "xml"}


DOC_FIELDS = ("shortDescription", "fullDescription", "help")


def normalise(text: str, fmt: str = "") -> str:
    text = text.replace(__version__, "<VERSION>")
    if fmt == "sarif":
        # rule docs are checked against the metadata below; rewording a doc must not churn the golden
        doc = json.loads(text)
        for r in doc["runs"][0]["tool"]["driver"]["rules"]:
            for key in DOC_FIELDS:
                r[key] = "<from rule metadata>"
        text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    return text


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden(fmt, project, run_cli):
    code, out, _ = run_cli("app", "deploy", "--select", SELECT, "--format", fmt, "--no-color", cwd=project)
    assert code == 1
    assert "s3cr3t-Value" not in out and "Zq8x-Very" not in out, "a secret value leaked into the report"
    out = normalise(out, fmt)
    assert "s3cr3t-Value" not in out and "Zq8x-Very" not in out, "a secret value leaked into the report"
    golden = GOLDEN / f"{fmt}.{EXTENSIONS[fmt]}"
    if os.environ.get("K8SLINT_UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert golden.is_file(), f"missing {golden}; run with K8SLINT_UPDATE_GOLDEN=1"
    assert out == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_file_matches_stdout(fmt, project, run_cli):
    _, out, _ = run_cli("app", "deploy", "--select", SELECT, "--format", fmt, cwd=project)
    run_cli("app", "deploy", "--select", SELECT, "--format", fmt, "--output", "report.out", cwd=project)
    assert (project / "report.out").read_text(encoding="utf-8") == out


def test_goldens_have_no_machine_paths():
    for golden in GOLDEN.iterdir():
        text = golden.read_text(encoding="utf-8")
        assert not re.search(r"/tmp/|pytest-of|/work/", text), golden.name
