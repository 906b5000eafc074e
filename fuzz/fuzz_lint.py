"""Coverage-guided fuzzing of k8slint's parsers and rules with atheris.

    pip install atheris
    python fuzz/fuzz_lint.py fuzz/corpus -max_total_time=600

Known limit: atheris installs its own SIGALRM handler, which disables k8slint's time bound on
bashlex (linter/sources/shell.py, `_time_limit`), so bashlex's infinite loop on some quoting
(regression test: tests/engine/test_bad_input.py::test_bashlex_hang_found_by_fuzzing_is_bounded)
is reported by the fuzzer as a timeout again. In normal runs the bound applies.

Each input is linted as a Dockerfile and as a YAML manifest through the real engine (all default
rules). A crash is any exception escaping `lint_bytes` or an internal-error (KL005) finding: both
mean a bug. Seeds come from fixtures/; found crashes are written by libFuzzer as crash-* files,
and each becomes a regression test in tests/engine/test_bad_input.py.
"""
from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from linter.config import build_config
    from linter.engine import Linter
    from linter.registry import load_registry

REGISTRY = load_registry()
LINTER = Linter(REGISTRY, build_config(REGISTRY, {}))


def test_one_input(data: bytes) -> None:
    for kind, path in (("dockerfile", "Dockerfile"), ("yaml", "fuzz.yaml")):
        found = LINTER.lint_bytes(data, path, kind, True)
        if found is None:
            raise AssertionError("an explicitly named file must be linted")
        internal = [f for f in found if f.rule_id == "KL005"]
        if internal:
            raise AssertionError(f"internal error: {internal[0].message}")


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else None
    if corpus is not None and not corpus.exists():
        corpus.mkdir(parents=True)
        root = Path(__file__).resolve().parent.parent / "fixtures"
        for i, seed in enumerate(sorted(p for p in root.rglob("*") if p.is_file() and p.suffix != ".md")):
            (corpus / f"seed-{i}").write_bytes(seed.read_bytes())
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
