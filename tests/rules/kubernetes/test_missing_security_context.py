"""KS156 missing-security-context: no securityContext at pod or container level (off by default)."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS156"
ON = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
        """, [6], [7], id="none"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {}
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {}
        """, [7], [7], id="empty-mappings"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
            - name: init
              image: busybox:1.36
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {runAsNonRoot: true}
        """, [6], [7], id="init-container-without-one"),
]

QUIET = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsNonRoot: true}
          containers:
            - name: web
              image: nginx:1.27
        """, id="pod-level"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {readOnlyRootFilesystem: true}
        """, id="near-miss-container-level-only"),
    pytest.param("""\
        apiVersion: v1
        kind: Secret
        metadata: {name: web}
        stringData: {a: b}
        """, id="not-a-workload"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web  # k8slint ignore=CKV_K8S_30
              image: nginx:1.27
        """, id="suppressed-by-checkov-id"),
]

WORKLOADS = for_each_workload("""\
    containers:
      - name: app
        image: nginx:1.27
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
    fires(RULE, source, lines=[line_of(source, "- name: app")], config=ON)


def test_off_by_default():
    quiet(RULE, WORKLOADS["Deployment"])
