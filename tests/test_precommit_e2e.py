"""End to end through the real pre-commit framework: `pre-commit try-repo <this checkout> <hook> --files ...`.

pre-commit builds a virtualenv and pip-installs this checkout into it (from the package index), so the first run
takes a while. Marked `e2e`; it runs in the default suite and in CI.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BAD = "FROM alpine:latest\nRUN apk add curl\n"
GOOD = "FROM alpine:3.20\nUSER 1000\nCMD [\"true\"]\n"

pytestmark = pytest.mark.e2e


def _pre_commit() -> list[str]:
    exe = Path(sys.executable).with_name("pre-commit")
    if exe.exists():
        return [str(exe)]
    if shutil.which("pre-commit"):
        return ["pre-commit"]
    pytest.skip("pre-commit is not installed (pip install -e '.[dev]')")


GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory) -> tuple[Path, str]:
    """This checkout's files (committed or not) as one commit, so pre-commit installs its hook env once."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    dest = tmp_path_factory.mktemp("hook-repo")
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for rel in filter(None, listed):
        src = ROOT / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    env = {**os.environ, **GIT_ENV}
    subprocess.run(["git", "init", "-q", str(dest)], check=True)
    subprocess.run(["git", "add", "-A"], cwd=dest, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "--no-gpg-sign", "-m", "snapshot"], cwd=dest, check=True, env=env)
    sha = subprocess.run(["git", "rev-parse", "HEAD"], cwd=dest, capture_output=True, text=True,
                         check=True).stdout.strip()
    return dest, sha


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    return tmp_path


def try_repo(repo: Path, home: Path, hooks: tuple[Path, str], hook: str, *files: str):
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    env.pop("VIRTUAL_ENV", None)
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
    return subprocess.run([*_pre_commit(), "try-repo", str(hooks[0]), hook, "--ref", hooks[1], "--files", *files],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=900)


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    env.pop("VIRTUAL_ENV", None)
    return env


def test_bad_dockerfile_fails_the_commit_and_good_one_passes(repo, pre_commit_home, hook_repo):
    """A user's setup: .pre-commit-config.yaml naming this repo, `pre-commit install`, then `git commit`."""
    env = _env(pre_commit_home)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo[0]}\n    rev: {hook_repo[1]}\n    hooks:\n      - id: k8slint\n")
    subprocess.run([*_pre_commit(), "install"], cwd=repo, env=env, check=True, capture_output=True)
    subprocess.run(["git", "add", ".pre-commit-config.yaml"], cwd=repo, env=env, check=True)
    (repo / "Dockerfile").write_text(BAD)
    subprocess.run(["git", "add", "-A"], cwd=repo, env=env, check=True)
    bad = subprocess.run(["git", "commit", "-m", "bad"], cwd=repo, env=env, capture_output=True, text=True,
                         timeout=900)
    out = bad.stdout + bad.stderr
    assert bad.returncode != 0, out
    assert "DF001" in out and "Failed" in out, out
    (repo / "Dockerfile").write_text(GOOD)
    subprocess.run(["git", "add", "-A"], cwd=repo, env=env, check=True)
    good = subprocess.run(["git", "commit", "-m", "good"], cwd=repo, env=env, capture_output=True, text=True,
                          timeout=900)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout + good.stderr


def test_dockerfile_hook_selects_dockerfiles_only(repo, pre_commit_home, hook_repo):
    (repo / "Dockerfile.prod").write_text(BAD)
    (repo / "notes.yaml").write_text("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n"
                                     "    - {name: a, image: 'nginx:latest'}\n")
    res = try_repo(repo, pre_commit_home, hook_repo, "k8slint-dockerfile", "Dockerfile.prod", "notes.yaml")
    out = res.stdout + res.stderr
    assert res.returncode == 1, out
    assert "Dockerfile.prod" in out and "notes.yaml" not in out
