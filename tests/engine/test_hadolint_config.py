"""`.hadolint.yaml` read as k8slint configuration when no k8slint configuration exists."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from linter import hadolint_config
from linter.api import Dockerfile, Severity, Target, rule
from linter.config import build_config
from linter.model import Rule
from linter.registry import Registry
from linter.testing import default_registry

REG = default_registry()


def test_ignored_override_threshold_map_through_aliases():
    data = {"ignored": ["DL3007", "SC2086", "DL9999", "sc1091"], "override": {"info": ["DL3006"], "style": ["DL3002"]},
            "failure-threshold": "style"}
    raw = hadolint_config.to_k8slint(data, REG)
    latest, untagged, root = REG.resolve("DL3007"), REG.resolve("DL3006"), REG.resolve("DL3002")
    assert raw["rules"][latest.id] == "off"
    assert raw["rules"][untagged.id] == {"severity": "info"}
    assert raw["rules"][root.id] == {"severity": "info"}
    assert raw["rules"]["DF300"] == {"ignored": ["SC1091", "SC2086"]}
    assert raw["fail-on"] == "info"
    cfg = build_config(REG, raw, ".hadolint.yaml")  # the result is a valid k8slint configuration
    assert not cfg.rules[latest.id].enabled and cfg.rules[untagged.id].severity is Severity.INFO


def test_thresholds_and_no_fail():
    assert hadolint_config.to_k8slint({"failure-threshold": "none"}, REG)["fail-on"] == "never"
    assert hadolint_config.to_k8slint({"failure-threshold": "error"}, REG)["fail-on"] == "error"
    assert hadolint_config.to_k8slint({"no-fail": True}, REG)["fail-on"] == "never"


def test_bad_shapes_are_skipped_not_fatal():
    raw = hadolint_config.to_k8slint({"ignored": "DL3007", "override": ["x"], "label-schema": "x",
                                      "trustedRegistries": 5, "failure-threshold": 3}, REG)
    assert raw["rules"] == {REG.resolve("DL3007").id: "off"}
    build_config(REG, raw)


@dataclass(frozen=True)
class _RegistryOptions:
    allowed_registries: tuple[str, ...] = ()


@dataclass(frozen=True)
class _LabelOptions:
    label_schema: dict = None  # type: ignore[assignment]
    strict_labels: bool = False


@rule(id="DF399", name="fake-trusted-registry", target=Target.DOCKERFILE, severity=Severity.WARNING,
      summary="s", remediation="r", aliases=("DL3026",), options=_RegistryOptions, enabled_by_default=False)
def _fake_registry(df: Dockerfile, ctx):  # pragma: no cover - never run
    yield from ()


@rule(id="DF398", name="fake-label-schema", target=Target.DOCKERFILE, severity=Severity.WARNING,
      summary="s", remediation="r", aliases=("DL3049",), options=_LabelOptions)
def _fake_labels(df: Dockerfile, ctx):  # pragma: no cover - never run
    yield from ()


def test_rule_options_pass_through_only_to_rules_that_take_them():
    data = {"trustedRegistries": ["docker.io", "my.registry:5000"], "label-schema": {"author": "text"},
            "strict-labels": True}
    assert hadolint_config.to_k8slint(data, REG)["rules"].get("DF399") is None
    reg = Registry([getattr(_fake_registry, "__k8slint_rule__"), getattr(_fake_labels, "__k8slint_rule__")])
    raw = hadolint_config.to_k8slint(data, reg)
    assert raw["rules"]["DF399"] == {"allowed-registries": ["docker.io", "my.registry:5000"], "enabled": True}
    assert raw["rules"]["DF398"] == {"label-schema": {"author": "text"}, "strict-labels": True}
    cfg = build_config(reg, raw)
    assert cfg.rules["DF399"].enabled and cfg.rules["DF399"].options.allowed_registries == ("docker.io", "my.registry:5000")


def test_search_order(tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    work = tmp_path / "work"
    work.mkdir()
    assert hadolint_config.find(work) is None
    (home / ".hadolint.yaml").write_text("ignored: []\n")
    assert hadolint_config.find(work) == home / ".hadolint.yaml"
    (home / ".config" / "hadolint.yml").write_text("ignored: []\n")
    assert hadolint_config.find(work) == home / ".config" / "hadolint.yml"
    (work / ".hadolint.yml").write_text("ignored: []\n")
    assert hadolint_config.find(work) == work / ".hadolint.yml"


def test_cli_uses_hadolint_config_without_k8slint_config(tmp_path, monkeypatch):
    from linter.cli import app

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "Dockerfile").write_text("FROM alpine:latest AS app\nUSER app\n")
    runner = CliRunner()
    first = runner.invoke(app, ["Dockerfile", "--no-shellcheck", "--format", "json"])
    assert '"DL3007"' in first.stdout
    (tmp_path / ".hadolint.yaml").write_text("ignored:\n  - DL3007\n")
    second = runner.invoke(app, ["Dockerfile", "--no-shellcheck", "--format", "json"])
    assert '"DL3007"' not in second.stdout and second.exit_code == 0
    (tmp_path / ".k8slint.yaml").write_text("fail-on: warning\n")  # a k8slint config wins
    third = runner.invoke(app, ["Dockerfile", "--no-shellcheck", "--format", "json"])
    assert '"DL3007"' in third.stdout
