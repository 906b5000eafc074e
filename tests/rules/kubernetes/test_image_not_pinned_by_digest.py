"""KS103 image-not-pinned-by-digest: a tagged image without a digest (off by default)."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS103"
ON = {"rules": {RULE: "on"}}
DIGEST = "sha256:2d194184b067db3598771b4cf326cfe6ad5051937ba1132b8b7d4b0184e0d0a6"


def pod(image: str) -> str:
    return f"""\
apiVersion: v1
kind: Pod
metadata: {{name: web}}
spec:
  containers:
    - name: web
      image: {image}
"""


FIRES = [
    pytest.param(pod("nginx:1.27.2"), [7], [14], id="tag"),
    pytest.param(pod("registry.example.com:5000/team/api:1.4.0"), [7], [14], id="registry-with-port"),
    pytest.param(pod('"ghcr.io/acme/api:v2"'), [7], [14], id="quoted"),
]

QUIET = [
    pytest.param(pod(f"nginx:1.27.2@{DIGEST}"), id="tag-and-digest"),
    pytest.param(pod(f"nginx@{DIGEST}"), id="digest-only"),
    pytest.param(pod("nginx:latest"), id="near-miss-latest-is-unpinned-container-image"),
    pytest.param(pod('"{{ .Values.image }}"'), id="templated"),
    pytest.param(pod("nginx:1.27.2  # k8slint ignore=image-sha"), id="suppressed-by-kube-linter-alias"),
]

WORKLOADS = for_each_workload("""\
    containers:
      - name: app
        image: nginx:1.27.2
    """)


def line_of(source: str, text: str) -> int:
    (line,) = [n for n, content in enumerate(source.splitlines(), 1) if content.strip() == text]
    return line


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns, config=ON)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    assert not [f for f in lint(source) if f.rule_id == "KL001"], "the case must parse"
    quiet(RULE, source, config=ON)


@pytest.mark.parametrize("kind", sorted(WORKLOADS))
def test_fires_in_every_workload_kind(kind):
    source = WORKLOADS[kind]
    fires(RULE, source, lines=[line_of(source, "image: nginx:1.27.2")], config=ON)


def test_off_by_default():
    quiet(RULE, WORKLOADS["Deployment"])
