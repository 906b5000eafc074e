"""A real plugin package, pip-installed into a scratch folder, is discovered through entry points."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLUGIN = ROOT / "tests" / "example_plugin"


@pytest.fixture(scope="session")
def plugin_site(tmp_path_factory) -> Path:
    """`pip install --target` keeps the plugin out of this venv (other tests see built-in rules only)."""
    target = tmp_path_factory.mktemp("plugin-site")
    source = tmp_path_factory.mktemp("plugin-src") / "example_plugin"
    shutil.copytree(PLUGIN, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    res = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                          "--no-deps", "--target", str(target), str(source)], capture_output=True, text=True)
    if res.returncode != 0:
        pytest.fail(f"cannot install the example plugin:\n{res.stderr[-2000:]}")
    assert list(target.glob("k8slint_example_plugin-*.dist-info"))
    return target


def k8slint(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)])}
    return subprocess.run([sys.executable, "-m", "linter", *args], cwd=cwd, env=env, capture_output=True, text=True)


def test_plugin_is_listed(plugin_site, tmp_path):
    res = k8slint(plugin_site, "rules", "--format", "json", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    ids = {r["id"]: r for r in json.loads(res.stdout)}
    assert "XMP001" in ids and "DF001" in ids


def test_plugin_rule_runs(plugin_site, tmp_path):
    (tmp_path / "web.yaml").write_text("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n")
    (tmp_path / "ok.yaml").write_text("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ok, labels: {owner: x}}\n")
    res = k8slint(plugin_site, ".", "--select", "XMP001", "--format", "json", cwd=tmp_path)
    found = [(f["rule"], f["path"], f["line"]) for f in json.loads(res.stdout)["findings"]]
    assert found == [("XMP001", "web.yaml", 1)]


def test_plugin_rule_passes_the_authoring_harness(monkeypatch):
    """Plugin authors test with linter.testing, as the built-in rules do."""
    from linter import registry as reg_mod
    from linter.registry import load_registry
    from linter.testing import fires, quiet

    monkeypatch.syspath_prepend(str(PLUGIN))
    real = reg_mod._entry_points
    extra = [("example", "k8slint_example_plugin")]
    monkeypatch.setattr(reg_mod, "_entry_points", lambda: sorted(set(real()) | set(extra)))
    registry = load_registry()
    fires("XMP001", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n", lines=[1], registry=registry)
    quiet("XMP001", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n", registry=registry)
