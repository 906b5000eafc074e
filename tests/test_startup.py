"""What keeps `k8slint FILE` (the pre-commit case) fast: each file kind imports only what it needs,
lazy names and lazily compiled patterns give what the eager ones gave, and a lone Dockerfile's
ShellCheck runs beside the other rules without changing what they find."""
from __future__ import annotations

import fnmatch
import inspect
import itertools
import threading
import time

import pytest

import linter.api as api
from linter.config import build_config
from linter.discovery import DOCKERFILE_GLOBS, classify
from linter.engine import Linter
from linter.model import Context, Report, Severity, Target
from linter.registry import Registry, load_partial_registry, load_registry

from tests.test_fastcli import DEPLOY, _imported_modules

# modules a kind of file must never import (each costs a single-file call several milliseconds)
DOCKERFILE_ONLY = ("linter.sources.dockerfile", "dockerfile_parse", "bashlex", "linter.sources.shell",
                   "linter.sources.buildsteps", "linter.sources.shellcheck", "linter.instructions",
                   "linter.sources.labels")
YAML_ONLY = ("linter.sources.yaml", "linter.sources.k8s", "linter.sources.k8s_compact", "ruamel",
             "linter.sources.crossref", "linter.sources.schema", "linter.sources.workload")
RENDERING = ("linter.rendered", "linter.sources.helm", "linter.sources.kustomize", "linter.sources.template_map",
             "linter.custom_rules", "importlib.resources")


def _under(modules: set[str], prefixes: tuple[str, ...]) -> set[str]:
    return {m for m in modules if any(m == p or m.startswith(p + ".") for p in prefixes)}


@pytest.mark.parametrize("name", ["Dockerfile", "deploy.yaml"])
def test_a_single_file_imports_only_its_own_kind(name, tmp_path):
    (tmp_path / "Dockerfile").write_text("FROM alpine:3.20\nRUN apt-get update\nUSER 1000\n")
    (tmp_path / "deploy.yaml").write_text(DEPLOY.replace("  # k8slint: ignore=DF003", "")
                                          .replace("  # k8slint: ignore=KS999-unknown", ""))
    modules = _imported_modules([name], tmp_path)
    other = YAML_ONLY if name == "Dockerfile" else DOCKERFILE_ONLY
    assert not _under(modules, other + RENDERING)
    assert "linter.cache" not in modules  # a few named files never open the result cache
    if name == "deploy.yaml":
        assert "hashlib" not in modules  # stored schema parts are found without the cache's hashing
    # and its own kind's machinery is what did the work
    assert _under(modules, DOCKERFILE_ONLY if name == "Dockerfile" else YAML_ONLY)


def test_lazy_api_names_are_the_source_modules_objects():
    import importlib

    for name, (module, attr) in api._LAZY.items():
        source = importlib.import_module(module)
        assert getattr(api, name) is (getattr(source, attr) if attr else source), name
    assert set(api.__all__) <= set(dir(api))
    with pytest.raises(AttributeError):
        api.no_such_name  # noqa: B018


def test_classify_matches_the_dockerfile_globs():
    parts = ["Dockerfile", "Containerfile", "dockerfile", ".", "*", "a", ".Dockerfile", ".dockerfile", "x.y", "\n"]
    for n in range(1, 4):
        for combo in itertools.product(parts, repeat=n):
            name = "".join(combo)
            expected = any(fnmatch.fnmatchcase(name, g) for g in DOCKERFILE_GLOBS)
            assert (classify(name) == "dockerfile") == expected, name


def test_rule_docs_are_the_cleaned_docstrings():
    for r in load_registry():
        if r.origin in ("builtin", "engine"):
            assert r.meta.doc == inspect.cleandoc(r.check.__doc__ or ""), r.id


def test_lone_dockerfile_prefetch_runs_beside_the_other_rules_and_is_joined(tmp_path):
    """A rule's `check.prefetch` gets a lone Dockerfile in a background thread; the engine waits for
    it before that rule's check, and the findings are those of a run without prefetch."""
    seen: dict[str, object] = {}

    def check(df, ctx: Context):
        seen["done_before_check"] = seen.get("prefetched", False)
        yield Report(df.instructions[0], "slow tool says hi")

    def prefetch(dockerfiles, options):
        seen["thread"] = threading.current_thread() is not threading.main_thread()
        time.sleep(0.2)
        seen["prefetched"] = True

    check.__doc__ = "## What it checks\nA test rule."
    api.rule(id="ZZ900", name="slow-tool", target=Target.DOCKERFILE, severity=Severity.INFO,
             summary="s", remediation="r")(check)
    check.prefetch = prefetch  # type: ignore[attr-defined]
    slow = getattr(check, api.RULE_ATTR)
    base = load_partial_registry("dockerfile")
    registry = Registry([*base.rules, slow])
    path = tmp_path / "Dockerfile"
    path.write_text("FROM alpine:latest\nRUN cd /tmp && echo $X\n")
    linter = Linter(registry, build_config(registry, {}))
    found = linter.lint_paths([str(path)]).findings
    assert seen == {"thread": True, "prefetched": True, "done_before_check": True}
    assert not linter._prefetching
    without = Linter(registry, build_config(registry, {})).lint_text(path.read_text(), str(path), "dockerfile")
    assert found == without
    assert any(f.rule_id == "ZZ900" for f in found)


def test_shellcheck_findings_do_not_depend_on_the_background_run(tmp_path):
    from linter.sources import shellcheck

    if shellcheck.binary() is None:
        pytest.skip("no shellcheck binary")
    path = tmp_path / "Dockerfile"
    path.write_text("FROM debian:12\nRUN for f in $(ls /etc/*.conf); do cp $f /tmp; done\nRUN echo $FOO && cd /x\n")
    registry = load_partial_registry("dockerfile")
    shellcheck._CACHE.clear()
    background = Linter(registry, build_config(registry, {})).lint_paths([str(path)]).findings
    shellcheck._CACHE.clear()
    inline = Linter(registry, build_config(registry, {})).lint_text(path.read_text(), str(path), "dockerfile")
    assert [f for f in background if f.code] and background == inline


def test_records_compare_and_copy_like_the_dataclasses_they_were():
    from linter.model import Finding, Position

    f = Finding("DF001", "x", Severity.ERROR, "m", "p", 1, 2)
    assert f == Finding("DF001", "x", Severity.ERROR, "m", "p", 1, 2) and len({f, f._replace()}) == 1
    assert f._replace(line=3).line == 3 and f.line == 1
    assert repr(Position(1, 2)) == "Position(line=1, column=2, end_line=None, end_column=None)"
    with pytest.raises(AttributeError):
        f.line = 5  # type: ignore[misc]


def test_registry_is_sorted_and_resolves_names():
    registry = load_registry()
    assert [r.id for r in registry] == sorted(r.id for r in registry)
    assert registry.resolve("latest-base-image") is registry.resolve("DF001")


def test_in_process_main_leaves_the_cycle_collector_on(tmp_path, monkeypatch, capsys):
    """The fast path turns the collector off for a few named files; called in-process it turns it back on."""
    import gc

    from linter import fastcli

    (tmp_path / "Dockerfile").write_text("FROM alpine:3.20\nUSER 1000\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("K8SLINT_CACHE_DIR", str(tmp_path / "cache"))
    assert gc.isenabled()
    with pytest.raises(SystemExit):
        fastcli.main(["Dockerfile"])
    assert gc.isenabled()
