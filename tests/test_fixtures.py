"""The annotated fixtures: every `# expect:` is found, nothing else is, and clean/ is silent."""
from __future__ import annotations

import re
from pathlib import Path

from linter.config import build_config
from linter.engine import Linter
from linter.testing import default_registry

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
EXPECT = re.compile(r"#\s*expect:\s*([A-Z]{2}\d{3}(?:\s*,\s*[A-Z]{2}\d{3})*)")


def _expected() -> set[tuple[str, int, str]]:
    expected = set()
    for path in sorted(FIXTURES.rglob("*")):
        if not path.is_file() or path.suffix == ".md":
            continue
        rel = path.relative_to(ROOT).as_posix()
        lines = path.read_text(encoding="utf-8").split("\n")
        is_dockerfile = "Dockerfile" in path.name
        for idx, line in enumerate(lines):
            m = EXPECT.search(line)
            if not m:
                continue
            ids = [t.strip() for t in m.group(1).split(",")]
            if is_dockerfile:
                # the marker stands on its own line, above the instruction it describes
                target = next(i for i in range(idx + 1, len(lines)) if lines[i].strip() and not lines[i].lstrip().startswith("#"))
            else:
                target = idx
            expected.update((rel, target + 1, rule) for rule in ids)
    return expected


def _found(monkeypatch) -> set[tuple[str, int, str]]:
    monkeypatch.chdir(ROOT)
    registry = default_registry()
    result = Linter(registry, build_config(registry, {})).lint_paths(["fixtures"])
    return {(f.path, f.line, f.rule_id) for f in result.findings}


def test_annotations_and_findings_agree(monkeypatch):
    expected, found = _expected(), _found(monkeypatch)
    assert expected, "the fixtures carry no # expect: annotations"
    missing = sorted(expected - found)
    extra = sorted(found - expected)
    assert not missing, f"false negatives (annotated, not found): {missing}"
    assert not extra, f"false positives (found, not annotated): {extra}"


def test_clean_fixtures_are_silent(monkeypatch):
    found = _found(monkeypatch)
    assert not [f for f in found if f[0].startswith("fixtures/clean/")]
    assert any(f[0].startswith("fixtures/bad/") for f in found)


def test_every_core_rule_is_shown_by_the_fixtures(monkeypatch):
    rules = {rule for _, _, rule in _found(monkeypatch)}
    for rule in ("DF001", "DF002", "DF003", "DF004", "DF005", "DF006",
                 "KS001", "KS002", "KS003", "KS004", "KS005", "KS006", "KS007"):
        assert rule in rules, f"{rule} is not demonstrated by fixtures/bad"
