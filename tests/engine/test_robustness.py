"""Robustness: secrets never printed, mutated inputs never crash, output is deterministic."""
from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.config import build_config
from linter.engine import Linter
from linter.testing import default_registry

ROOT = Path(__file__).resolve().parents[2]
CANARY = "k8slint-canary-Zq81vX"
FIXTURE_FILES = sorted(p for p in (ROOT / "fixtures").rglob("*") if p.is_file() and p.suffix != ".md")


def _plant(write) -> None:
    write("app/Dockerfile", f"FROM alpine:3.20\nARG API_TOKEN={CANARY}\nENV DB_PASSWORD={CANARY} \\\n    OTHER=1\nUSER 1\n")
    write("app/deploy.yaml", f"""\
        apiVersion: apps/v1
        kind: Deployment
        metadata: {{name: api}}
        spec:
          selector: {{matchLabels: {{app: api}}}}
          template:
            metadata: {{labels: {{app: api}}}}
            spec:
              containers:
                - name: api
                  image: example/api:1.0.0
                  args: ["--password={CANARY}"]
                  env:
                    - name: DB_PASSWORD
                      value: "{CANARY}"
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {{name: cfg}}
        data: {{api_key: "{CANARY}"}}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {{name: s}}
        stringData: {{password: "{CANARY}"}}
        """)
    write("app/broken.yaml", f"apiVersion: v1\nkind: Secret\nmetadata: {{name: s}}\nstringData: {{password: '{CANARY}\n")


def test_canary_secret_is_never_printed(run_cli, write):
    _plant(write)
    outputs = []
    for fmt in ("text", "json"):
        code, out, err = run_cli("--format", fmt, "--no-color", "app")
        assert code == 1
        outputs.append(out + err)
    doc = json.loads(outputs[1])
    assert {f["rule"] for f in doc["findings"]} >= {"DF006", "KS004", "KL001"}
    for out in outputs:
        assert CANARY not in out


def test_output_is_deterministic_regardless_of_order(run_cli, write):
    _plant(write)
    first = run_cli("--format", "json", "app/deploy.yaml", "app/Dockerfile", "app/broken.yaml")[1]
    second = run_cli("--format", "json", "app/broken.yaml", "app/Dockerfile", "app/deploy.yaml", "app")[1]
    assert first == second


_LINTER = None


def _linter() -> Linter:
    global _LINTER
    if _LINTER is None:
        reg = default_registry()
        _LINTER = Linter(reg, build_config(reg, {}))
    return _LINTER


def _mutate(data: bytes, ops: list[tuple[int, int, int]]) -> bytes:
    buf = bytearray(data)
    for op, pos, value in ops:
        if not buf:
            buf = bytearray(b"\x00")
        i = pos % len(buf)
        if op == 0:
            buf[i] = value
        elif op == 1:
            del buf[i]
        elif op == 2:
            buf.insert(i, value)
        else:  # duplicate a slice, as copy-paste does
            buf[i:i] = buf[i:i + value]
    return bytes(buf)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FIXTURE_FILES), st.lists(st.tuples(st.integers(0, 3), st.integers(0, 10**6), st.integers(0, 255)), max_size=8))
def test_mutated_fixtures_never_crash(path, ops):
    data = _mutate(path.read_bytes(), ops)
    kind = "dockerfile" if "Dockerfile" in path.name else "yaml"
    found = _linter().lint_bytes(data, path.name, kind, True)
    assert found is not None
    assert not [f for f in found if f.rule_id == "KL005"], found


TOKENS = list("abc:-[]{}&*!|>'\"# \n\t\\$") + ["FROM ", "RUN ", "USER ", "<<EOF\n", "EOF\n", "apiVersion: v1\n",
                                                  "kind: Pod\n", "spec:\n  containers:\n  - name: a\n", "    image: "]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=120).map("".join))
def test_generated_text_never_crashes(text):
    for kind in ("dockerfile", "yaml"):
        found = _linter().lint_bytes(text.encode(), "x", kind, True)
        assert found is not None
        assert not [f for f in found if f.rule_id == "KL005"], found


def test_canary_secret_is_never_printed_in_any_format_or_baseline(run_cli, write, tmp_path):
    from linter.reporters import FORMATS

    _plant(write)
    for fmt in FORMATS:
        code, out, err = run_cli("--format", fmt, "--no-color", "app")
        assert code == 1, fmt
        assert CANARY not in out + err, f"the canary leaked in --format {fmt}"
    code, out, err = run_cli("--write-baseline", "baseline.json", "app")
    assert code == 0 and CANARY not in (tmp_path / "baseline.json").read_text() + out + err
    code, out, err = run_cli("--diff", "app")
    assert CANARY not in err


def test_device_files_are_never_opened(run_cli):
    code, out, err = run_cli("--format", "json", "/dev/null", "/dev/zero")
    found = [(f["path"], f["rule"]) for f in json.loads(out)["findings"]]
    assert found == [("/dev/null", "KL006"), ("/dev/zero", "KL006")] and code == 0


def test_ten_megabyte_line(run_cli, write):
    write("Dockerfile", "FROM alpine:3.20\nRUN echo " + "x" * 10_000_000 + "\nUSER 1\n")
    write(".k8slint.yaml", "max-file-size: 20000000\n")
    code, out, err = run_cli("--format", "json")
    assert code in (0, 1) and "Traceback" not in err
    assert not [f for f in json.loads(out)["findings"] if f["rule"] in ("KL001", "KL005")]
