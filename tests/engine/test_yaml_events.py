"""The lighter event classes installed into ruamel.yaml.clib's parser (linter/sources/yaml_events.py)."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

_ruamel_yaml = pytest.importorskip("_ruamel_yaml", reason="ruamel.yaml.clib (the C parser) is not installed")
import ruamel.yaml  # noqa: E402
import ruamel.yaml.events as ev  # noqa: E402

from linter.sources import yaml as y  # noqa: E402
from linter.sources import yaml_events  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLE = """\
a: &anchor {b: [1, 2.5, true, null, "q"], c: 'single'}
d: *anchor
e: !!str 12
f: |
  block
---
- [x, {y: z}]
- plain
"""


def _slots(cls: type) -> list[str]:
    return [s for klass in cls.__mro__ for s in klass.__dict__.get("__slots__", ())]


def _events(text: str) -> list[tuple]:
    get = _ruamel_yaml.CParser(text).get_event
    out = []
    while True:
        e = get()
        fields = []
        for name in _slots(type(e)):
            value = getattr(e, name, "<unset>")
            if hasattr(value, "line") and hasattr(value, "column"):
                value = (value.line, value.column, value.index)
            fields.append((name, value))
        out.append((type(e).__name__, tuple(fields)))
        if isinstance(e, ev.StreamEndEvent):
            return out


@pytest.fixture
def ruamels_own_classes(monkeypatch):
    """The parser back on ruamel.yaml's own classes, for the duration of a test."""
    y._ruamel()  # installs the flat classes (once per process)

    def restore():
        for name in yaml_events.FLAT_KINDS:
            monkeypatch.setattr(_ruamel_yaml, name, getattr(ev, name))
        monkeypatch.setattr(y, "_ev", ev)

    return restore


def test_the_parser_makes_the_flat_classes_and_they_are_ruamels_to_isinstance():
    y._ruamel()
    for name in yaml_events.FLAT_KINDS:
        made = getattr(_ruamel_yaml, name)
        assert made is not getattr(ev, name) and issubclass(made, getattr(ev, name))
    kinds = [name for name, _ in _events(SAMPLE)]
    assert kinds.count("ScalarEvent") > 10 and "MappingEndEvent" in kinds and "SequenceStartEvent" in kinds


def test_events_carry_the_same_attributes_as_with_ruamels_classes(ruamels_own_classes):
    flat = _events(SAMPLE)
    ruamels_own_classes()
    assert _events(SAMPLE) == flat


def _texts() -> list[tuple[str, str]]:
    files = sorted((ROOT / "fixtures").rglob("*.y*ml")) + sorted((ROOT / "tests").rglob("*.y*ml"))
    if CORPUS.is_dir():
        files += sorted(CORPUS.rglob("*.yaml"))[::25]  # a sample of real files, kustomize and charts' values
    tricky = [SAMPLE, "a: [1, 2\n", "base: &b {x: 1}\nuse: {<<: *b, y: 2}\n", "- ? complex\n  : key\n",
              "a: 1\na: 2\n", "%YAML 1.1\n---\nk: !custom v\n", "--- |\n  text\n...\n--- x\n", "\ufeffk: v\n"]
    return [(str(p), p.read_text(encoding="utf-8", errors="replace")) for p in files] + [
        (f"tricky #{i}", t) for i, t in enumerate(tricky)]


def _shape(node):
    if isinstance(node, y.YMap):
        return ("map", node.pos, [(k, node.key_pos.get(k), node.value_pos.get(k), _shape(v)) for k, v in node.items()])
    if isinstance(node, y.YSeq):
        return ("seq", node.pos, list(node.item_pos), [_shape(v) for v in node])
    return node


def _parsed(text: str):
    f = y.parse_yaml(text)
    return ([(d.index, d.start_line, d.end_line, _shape(d.root), d.problems) for d in f.documents], f.problems)


def test_parse_yaml_builds_the_same_trees_and_positions(ruamels_own_classes):
    texts = _texts()
    assert len(texts) >= 30  # the fixtures, the tests' data files and the tricky texts, at least
    flat = [_parsed(t) for _, t in texts]
    ruamels_own_classes()
    for (path, text), expected in zip(texts, flat):
        assert _parsed(text) == expected, path


def test_nothing_is_replaced_when_ruamels_classes_have_other_slots():
    class Changed(ev.ScalarEvent):
        __slots__ = ("extra",)

    events = SimpleNamespace(**{n: getattr(ev, n) for n in dir(ev) if n.endswith("Event")})
    events.ScalarEvent = Changed  # a future ruamel.yaml with one more slot
    parser = SimpleNamespace(**{n: getattr(events, n) for n in yaml_events.FLAT_KINDS})
    got = yaml_events.install(parser, events)
    assert got.ScalarEvent is Changed and parser.ScalarEvent is Changed
    assert all(getattr(parser, n) is getattr(events, n) for n in yaml_events.FLAT_KINDS)


def test_ruamels_own_c_loader_still_loads_after_the_install():
    y._ruamel()
    loaded = ruamel.yaml.YAML(typ="safe").load("a: [1, {b: c}]\nd: !!str 2\n")
    assert loaded == {"a": [1, {"b": "c"}], "d": "2"}
