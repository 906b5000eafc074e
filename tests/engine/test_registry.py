"""The registry: built-ins and plugins through one entry-point group; broken plugins fail loudly."""
from __future__ import annotations

import pytest

from linter import registry as reg_mod
from linter.registry import PluginError, load_registry


def _with_plugins(monkeypatch, *plugins: tuple[str, str]) -> None:
    real = reg_mod._entry_points

    monkeypatch.setattr(reg_mod, "_entry_points", lambda: real() + list(plugins))


def test_builtin_rules_are_found_through_the_entry_point():
    names = dict(reg_mod._entry_points())
    assert names.get("builtin") == "rules"
    assert load_registry().resolve("DF001") is not None


def test_a_plugin_adds_rules(monkeypatch):
    _with_plugins(monkeypatch, ("acme", "tests.plugins.good_plugin"))
    r = load_registry().resolve("acme-maintainer-label")
    assert r is not None and r.id == "ACME001" and r.origin == "acme"


def test_a_plugins_rule_runs_through_the_harness(monkeypatch):
    from linter.testing import fires, quiet

    _with_plugins(monkeypatch, ("acme", "tests.plugins.good_plugin"))
    registry = load_registry()
    fires("ACME001", "FROM alpine:3.20\nUSER 1\n", lines=[1], registry=registry)
    quiet("ACME001", "FROM alpine:3.20\nLABEL acme.team=x\nUSER 1\n", registry=registry)


def test_a_broken_plugin_stops_the_run_with_its_name(monkeypatch):
    _with_plugins(monkeypatch, ("acme-broken", "tests.plugins.broken_plugin"))
    with pytest.raises(PluginError, match="acme-broken"):
        load_registry()


def test_broken_plugin_exits_2_from_the_cli(monkeypatch, run_cli, write):
    _with_plugins(monkeypatch, ("acme-broken", "tests.plugins.broken_plugin"))
    write("Dockerfile", "FROM alpine:3.20\nUSER 1\n")
    code, _, err = run_cli()
    assert code == 2 and "acme-broken" in err and "ImportError" in err


def test_clashing_rule_ids_fail_loudly(monkeypatch):
    _with_plugins(monkeypatch, ("again", "rules"))
    with pytest.raises(PluginError, match="defined twice"):
        load_registry()


def test_a_plugin_with_no_rules_is_an_error(monkeypatch):
    _with_plugins(monkeypatch, ("empty", "linter.secrets"))
    with pytest.raises(PluginError, match="provides no rules"):
        load_registry()
