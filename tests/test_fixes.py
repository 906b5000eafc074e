"""Autofix: each fixer repairs its case, is idempotent and leaves the rest of the file byte-identical."""
from __future__ import annotations

import textwrap

import pytest

from linter.config import build_config
from linter.engine import Linter
from linter.fixes import fix_text
from linter.fixes import dockerfile as d
from linter.fixes.k8s import deployment_apps_v1
from linter.registry import load_registry
from linter.testing import lint


def dd(s: str) -> str:
    return textwrap.dedent(s)


CASES = [
    pytest.param(d.maintainer_to_label, "DF232",
                 "# c\nFROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\nUSER 1\n",
                 '# c\nFROM alpine:3.20\nLABEL maintainer="Jane Doe <jane@example.com>"\nUSER 1\n',
                 id="maintainer-to-label"),
    pytest.param(d.pip_no_cache_dir, "DF207",
                 "FROM python:3.12\nRUN pip install flask && \\\n    python -m pip install -r req.txt\nUSER 1\n",
                 "FROM python:3.12\nRUN pip install --no-cache-dir flask && \\\n"
                 "    python -m pip install --no-cache-dir -r req.txt\nUSER 1\n",
                 id="pip-no-cache-dir"),
    pytest.param(d.apt_get_install_flags, None,
                 "FROM debian:12\nRUN apt-get update \\\n && apt-get -q install curl \\\n && apt-get install -y git\n",
                 "FROM debian:12\nRUN apt-get update \\\n && apt-get -q install -y --no-install-recommends curl \\\n"
                 " && apt-get install --no-install-recommends -y git\n",
                 id="apt-get-install-flags"),
    pytest.param(d.apk_add_no_cache, None,
                 "FROM alpine:3.20\n# keep\nRUN apk add bash && apk add --no-cache curl\nUSER 1\n",
                 "FROM alpine:3.20\n# keep\nRUN apk add --no-cache bash && apk add --no-cache curl\nUSER 1\n",
                 id="apk-add-no-cache"),
    pytest.param(d.name_build_stages, "DF005",
                 "FROM golang:1.22\nRUN go build -o /app\n\nFROM alpine:3.20\nCOPY --from=0 /app /app\nUSER 1\n",
                 "FROM golang:1.22 AS golang-build\nRUN go build -o /app\n\nFROM alpine:3.20\n"
                 "COPY --from=golang-build /app /app\nUSER 1\n",
                 id="copy-from-number"),
    pytest.param(deployment_apps_v1, "KS005", dd("""\
        # the web tier
        apiVersion: "extensions/v1beta1"   # old API
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 2  # two
          template:
            metadata:
              labels: {app: web, version: "1.0"}
            spec:
              containers: [{name: web, image: 'nginx:1.27'}]
        """), dd("""\
        # the web tier
        apiVersion: "apps/v1"   # old API
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 2  # two
          selector:
            matchLabels:
              app: web
              version: "1.0"
          template:
            metadata:
              labels: {app: web, version: "1.0"}
            spec:
              containers: [{name: web, image: 'nginx:1.27'}]
        """), id="deployment-to-apps-v1"),
]


@pytest.mark.parametrize("fixer, rule, before, after", CASES)
def test_fixer(fixer, rule, before, after):
    assert fixer(before, None) == after
    assert fixer(after, None) == after  # idempotent


@pytest.mark.parametrize("fixer, rule, before, after", [c for c in CASES if c.values[1] is not None])
def test_fix_silences_its_rule(fixer, rule, before, after):
    kind = "dockerfile" if before.lstrip("#c \n").startswith("FROM") else "yaml"
    path = "Dockerfile" if kind == "dockerfile" else "x.yaml"
    assert any(f.rule_id == rule for f in lint(before, kind=kind, path=path))
    registry = load_registry()
    fixed = fix_text(before, kind, path, Linter(registry, build_config(registry, {})))
    assert not any(f.rule_id == rule for f in lint(fixed, kind=kind, path=path))
    assert fix_text(fixed, kind, path, Linter(registry, build_config(registry, {}))) == fixed


@pytest.mark.parametrize("fixer, source", [
    pytest.param(deployment_apps_v1, "apiVersion: apps/v1beta1\nkind: Deployment\nmetadata: {name: x}\n"
                 "spec:\n  template:\n    spec: {containers: []}\n", id="no-template-labels-is-ambiguous"),
    pytest.param(deployment_apps_v1, "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: x}\n",
                 id="other-kinds-untouched"),
    pytest.param(deployment_apps_v1, "a: [unclosed\n", id="broken-yaml"),
    pytest.param(d.apt_get_install_flags, "FROM debian:12\nRUN apt-get install --yes --no-install-recommends x\n",
                 id="apt-already-fine"),
    pytest.param(d.apk_add_no_cache, "FROM alpine:3\nRUN apk add x && rm -rf /var/cache/apk/*\n",
                 id="apk-cache-removed"),
    pytest.param(d.name_build_stages, "FROM a:1 AS build\nFROM b:1\nCOPY --from=build /x /x\n",
                 id="already-named"),
    pytest.param(d.maintainer_to_label, "FROM a:1\nLABEL maintainer=x\n", id="no-maintainer"),
    pytest.param(d.apt_get_install_flags, "FROM debian:12\nRUN if apt-get install -s pg > /dev/null; then :; fi\n",
                 id="apt-simulation-untouched"),
    pytest.param(d.apk_add_no_cache, "FROM alpine:3\nRUN apk add --no-network --virtual .deps $deps\n",
                 id="apk-no-network-has-no-cache"),
])
def test_no_change(fixer, source):
    assert fixer(source, None) == source


def test_daemonset_moves_too():
    src = ("apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata: {name: x}\nspec:\n  template:\n"
           "    metadata:\n      labels:\n        app: x\n")
    assert deployment_apps_v1(src, None) == (
        "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: x}\nspec:\n  selector:\n    matchLabels:\n"
        "      app: x\n  template:\n    metadata:\n      labels:\n        app: x\n")


def test_selector_kept_when_present():
    src = ("apiVersion: apps/v1beta2\nkind: Deployment\nmetadata: {name: x}\nspec:\n"
           "  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n")
    assert deployment_apps_v1(src, None) == src.replace("apps/v1beta2", "apps/v1")


def test_cli_diff_and_fix(run_cli, write, tmp_path):
    before = "FROM alpine:3.20\nMAINTAINER me\nRUN apk add curl\nUSER 1\n"
    write("Dockerfile", before)
    code, out, _ = run_cli("--diff", "Dockerfile")
    assert code == 1 and "+LABEL maintainer=\"me\"" in out and "+RUN apk add --no-cache curl" in out
    assert (tmp_path / "Dockerfile").read_text() == before  # --diff writes nothing
    code, out, _ = run_cli("--fix", "Dockerfile")
    assert code == 0 and "fixed 1 file" in out
    assert (tmp_path / "Dockerfile").read_text() == "FROM alpine:3.20\nLABEL maintainer=\"me\"\nRUN apk add --no-cache curl\nUSER 1\n"
    code, out, _ = run_cli("--diff", "Dockerfile")
    assert code == 0 and out == ""


def test_fix_respects_disabled_rules(run_cli, write, tmp_path):
    write("Dockerfile", "FROM alpine:3.20\nMAINTAINER me\nUSER 1\n")
    run_cli("--fix", "--ignore", "DF232", "Dockerfile")
    assert "MAINTAINER me" in (tmp_path / "Dockerfile").read_text()
