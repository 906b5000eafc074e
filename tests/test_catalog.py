"""The rule catalogue: ids, names, aliases, docs, executable examples, one test module per rule."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from linter.docs import code_blocks, doc_sections
from linter.model import Target
from linter.testing import default_registry, lint, lint_files

REGISTRY = default_registry()
RULES = list(REGISTRY)
ROOT = Path(__file__).resolve().parent.parent
REQUIRED_SECTIONS = ("What it checks", "Why it matters", "Example", "Use instead")
# Engine findings whose trigger is the file system or a bug, not text: no snippet can show them.
NO_SNIPPET = {"KL005", "KL006"}
# Chart and kustomization findings: their trigger is a folder (tests/helm/ renders real ones).
NO_SNIPPET |= {"HC001", "HC002", "HC003", "HC004", "HC005", "HC006"}


def test_ids_names_and_aliases_are_unique_and_well_formed():
    seen: dict[str, str] = {}
    for r in RULES:
        assert re.fullmatch(r"(DF|KS|HC|KL)\d{3}", r.id), r.id
        assert re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", r.name), r.name
        for key in (r.id, r.name, *r.meta.aliases):
            assert key.lower() not in seen, f"{key} used by {seen[key.lower()]} and {r.id}"
            seen[key.lower()] = r.id


def test_builtin_rules_package_is_ours():
    import rules

    assert Path(rules.__file__).resolve().parent == ROOT / "rules"


@pytest.mark.parametrize("r", RULES, ids=[r.id for r in RULES])
def test_doc_sections_present(r):
    sections = doc_sections(r.meta.doc)
    for title in REQUIRED_SECTIONS:
        assert sections.get(title, "").strip(), f"{r.id} docs lack a '## {title}' section"
    if r.meta.options is not None:
        assert "Options" in sections, f"{r.id} takes options but documents none"
    assert r.meta.summary and r.meta.remediation


def _named(blocks: list[tuple[str, str]]) -> dict[str, str]:
    """Blocks whose info string names a file (```yaml deploy.yaml) as {path: code}."""
    out = {}
    for i, (lang, code) in enumerate(blocks):
        kind, _, name = lang.partition(" ")
        out[name.strip() or (f"Dockerfile{i}" if kind == "dockerfile" else f"manifest{i}.yaml")] = code
    return out


def _kind(lang: str) -> str:
    return "dockerfile" if lang == "dockerfile" else "yaml"


def _example_config(r):
    """`{"rules": {id: "on"}}`, or the ```yaml config block of the rule's Options section (rules whose
    examples need options, e.g. a label schema)."""
    from ruamel.yaml import YAML

    for lang, code in code_blocks(doc_sections(r.meta.doc).get("Options", "")):
        if lang == "yaml":
            data = YAML(typ="safe").load(code)
            if isinstance(data, dict) and isinstance(data.get("rules"), dict):
                return data
    return {"rules": {r.id: "on"}}


def _lint_example(r, code: str, lang: str, config: dict):  # type: ignore[no-untyped-def]
    if r.meta.target is Target.HELM_VALUES:  # a chart's values.yaml
        return lint(code, kind="helm-values", path="values.yaml", config=config)
    return lint(code, kind=_kind(lang), config=config)


@pytest.mark.parametrize("r", [r for r in RULES if r.id not in NO_SNIPPET], ids=lambda r: r.id)
def test_example_fires_and_use_instead_is_quiet(r):
    sections = doc_sections(r.meta.doc)
    examples = code_blocks(sections["Example"])
    fixes = code_blocks(sections["Use instead"])
    assert examples and fixes, f"{r.id}: Example and Use instead need a fenced code block"
    config = _example_config(r)
    if any(" " in lang for lang, _ in examples + fixes):  # named files (```dockerfile api/Dockerfile): one run
        assert [f for f in lint_files(_named(examples), config=config) if f.rule_id == r.id], f"{r.id}: its Example does not fire"
        found = [f for f in lint_files(_named(fixes), config=config) if f.rule_id == r.id]
        assert not found, f"{r.id}: its 'Use instead' fires: {found}"
        return
    for lang, code in examples:
        found = [f for f in _lint_example(r, code, lang, config) if f.rule_id == r.id]
        assert found, f"{r.id}: its Example does not fire"
    for lang, code in fixes:
        found = [f for f in _lint_example(r, code, lang, config) if f.rule_id == r.id]
        assert not found, f"{r.id}: its 'Use instead' fires: {found}"


@pytest.mark.parametrize("r", [r for r in RULES if r.meta.target is not Target.ENGINE], ids=lambda r: r.id)
def test_every_rule_has_a_test_module(r):
    folder = {"dockerfile": "dockerfile", "k8s-object": "kubernetes", "k8s-project": "kubernetes",
              "helm-values": "helm"}[r.meta.target.value]
    module = r.check.__module__.rsplit(".", 1)[-1]
    assert (ROOT / "tests" / "rules" / folder / f"test_{module}.py").is_file(), f"{r.id} has no test module"
