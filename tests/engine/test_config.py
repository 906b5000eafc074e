"""Configuration: discovery, validation with exact errors, severities, options, excludes."""
from __future__ import annotations

import dataclasses
import json

import pytest

from linter.config import ConfigError, build_config, find_config
from linter.testing import default_registry, lint

REG = default_registry()


def test_defaults():
    cfg = build_config(REG, {})
    assert cfg.fail_on == "warning"
    assert cfg.rules["DF001"].enabled and cfg.rules["DF001"].severity.value == "warning"


@pytest.mark.parametrize("raw, message", [
    ({"bogus": 1}, "unknown key 'bogus'"),
    ({"rules": {"NO999": "off"}}, "unknown rule 'NO999'"),
    ({"rules": {"DF001": {"level": "error"}}}, "unknown option 'level'"),
    ({"rules": {"DF001": {"severity": "fatal"}}}, "'severity' must be"),
    ({"rules": {"DF001": 42}}, "expected off, on"),
    ({"fail-on": "sometimes"}, "'fail-on' must be"),
    ({"extends": "lax"}, "'extends'"),
    ({"exclude": "vendor/**", "max-file-size": -1}, "max-file-size"),
    ({"rules": []}, "'rules' must be a mapping"),
])
def test_invalid_config_names_the_culprit(raw, message):
    with pytest.raises(ConfigError, match=message):
        build_config(REG, raw, "x.yaml")


def test_rule_by_name_alias_and_severity():
    cfg = build_config(REG, {"rules": {"latest-base-image": "error", "DL3006": "off", "KS001": {"severity": "info"}}})
    assert cfg.rules["DF001"].severity.value == "error"
    assert not cfg.rules["DF002"].enabled
    assert cfg.rules["KS001"].severity.value == "info"


def test_severity_override_reaches_findings():
    found = lint("FROM alpine:latest\nUSER 1\n", config={"rules": {"DF001": "error"}})
    assert [(f.rule_id, f.severity.value) for f in found] == [("DF001", "error")]


def test_rule_off_silences_it():
    assert lint("FROM alpine:latest\nUSER 1\n", config={"rules": {"DF001": "off"}}) == []


def test_per_rule_exclude_globs():
    cfg = {"rules": {"DF001": {"exclude": ["legacy/**"]}}}
    assert lint("FROM alpine:latest\nUSER 1\n", path="legacy/Dockerfile", config=cfg) == []
    assert lint("FROM alpine:latest\nUSER 1\n", path="app/Dockerfile", config=cfg)


def test_find_config_in_parents_and_pyproject(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    assert find_config(tmp_path / "a" / "b") is None or not str(find_config(tmp_path / "a" / "b")).startswith(str(tmp_path))
    (tmp_path / "pyproject.toml").write_text("[tool.k8slint]\nfail-on = 'error'\n")
    assert find_config(tmp_path / "a" / "b") == tmp_path / "pyproject.toml"
    (tmp_path / "a" / ".k8slint.yaml").write_text("fail-on: info\n")
    assert find_config(tmp_path / "a" / "b") == tmp_path / "a" / ".k8slint.yaml"


def test_cli_reads_nearest_config_and_global_exclude(run_cli, write):
    write("vendor/Dockerfile", "FROM alpine:latest\nUSER 1\n")
    write("app/Dockerfile", "FROM alpine:latest\nUSER 1\n")
    write(".k8slint.yaml", "exclude: ['vendor/']\nfail-on: error\n")
    code, out, _ = run_cli("--format", "json")
    doc = json.loads(out)
    assert [f["path"] for f in doc["findings"]] == ["app/Dockerfile"]
    assert code == 0  # warnings only, fail-on error


def test_pyproject_section(run_cli, write):
    write("Dockerfile", "FROM alpine:latest\nUSER 1\n")
    write("pyproject.toml", "[tool.k8slint]\n[tool.k8slint.rules]\nDF001 = 'off'\n")
    code, out, _ = run_cli("--format", "json")
    assert code == 0 and json.loads(out)["findings"] == []


def test_rule_options_are_typed():
    from linter.config import _make_options
    from linter.model import Rule

    @dataclasses.dataclass(frozen=True)
    class Opts:
        allowed_registries: tuple[str, ...] = ()
        strict: bool = False

    base = REG.resolve("DF001")
    r = Rule(base.meta._replace(options=Opts), base.check)
    assert _make_options(r, {"allowed-registries": ["ghcr.io"]}, "x").allowed_registries == ("ghcr.io",)
    with pytest.raises(ConfigError, match="must be true or false"):
        _make_options(r, {"strict": "yes"}, "x")
    with pytest.raises(ConfigError, match="unknown option 'nope'"):
        _make_options(r, {"nope": 1}, "x")
