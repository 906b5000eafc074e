"""KS102 disallowed-image-registry: images outside `allowed-registries` or matching `blocked-images`."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS102"
ALLOW = {"rules": {RULE: {"allowed-registries": ["registry.example.com", "ghcr.io/acme"]}}}


def pod(image: str) -> str:
    return f"""\
apiVersion: v1
kind: Pod
metadata: {{name: api}}
spec:
  containers:
    - name: api
      image: {image}
"""


FIRES = [
    pytest.param(pod("nginx:1.27"), ALLOW, [7], [14], id="docker-hub-by-default"),
    pytest.param(pod("ghcr.io/other/api:1.0.0"), ALLOW, [7], [14], id="near-miss-other-org-on-allowed-host"),
    pytest.param(pod("registry.example.com.evil.io/api:1.0.0"), ALLOW, [7], [14], id="host-prefix-is-not-the-host"),
    pytest.param(pod("example/api:dev"), {"rules": {RULE: {"blocked-images": [":(dev|edge)$"]}}}, [7], [14],
                 id="blocked-pattern"),
]

QUIET = [
    pytest.param(pod("registry.example.com/team/api:1.4.0"), ALLOW, id="allowed-host"),
    pytest.param(pod("ghcr.io/acme/api:1.4.0"), ALLOW, id="allowed-prefix"),
    pytest.param(pod("nginx:1.27"), {}, id="no-lists-no-findings"),
    pytest.param(pod('"{{ .Values.image }}"'), ALLOW, id="templated"),
    pytest.param(pod("example/api:1.4.0"), {"rules": {RULE: {"blocked-images": [":(dev|edge)$"]}}},
                 id="not-blocked"),
    pytest.param(pod("nginx:1.27  # k8slint ignore=KS102 -- mirrored next quarter"), ALLOW,
                 id="suppressed-by-trailing-comment"),
]

WORKLOADS = for_each_workload("""\
    initContainers:
      - name: init
        image: registry.example.com/init:1.0.0
    containers:
      - name: app
        image: quay.io/app/app:1.0.0
    """)


def line_of(source: str, text: str) -> int:
    (line,) = [n for n, content in enumerate(source.splitlines(), 1) if content.strip() == text]
    return line


@pytest.mark.parametrize("source, config, lines, columns", FIRES)
def test_fires(source, config, lines, columns):
    fires(RULE, source, lines=lines, columns=columns, config=config)


@pytest.mark.parametrize("source, config", QUIET)
def test_quiet(source, config):
    assert not [f for f in lint(source) if f.rule_id == "KL001"], "the case must parse"
    quiet(RULE, source, config=config)


@pytest.mark.parametrize("kind", sorted(WORKLOADS))
def test_fires_in_every_workload_kind(kind):
    source = WORKLOADS[kind]
    fires(RULE, source, lines=[line_of(source, "image: quay.io/app/app:1.0.0")], config=ALLOW)
