"""KS123 missing-memory-limit: no `resources.limits.memory` (or zero) on a container or init container."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS123"
ON = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
        """, [6], [7], id="no-resources"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              resources:
                requests: {memory: 256Mi}
        """, [6], [7], id="only-the-requests"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              resources:
                limits: {memory: "0"}
        """, [9], [26], id="zero-counts-as-unset"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          initContainers:
            - name: migrate
              image: example/migrate:1.0.0
          containers:
            - name: api
              image: example/api:1.4.0
              resources:
                limits: {memory: 256Mi}
        """, [6], [7], id="init-container"),
]

QUIET = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              resources:
                limits: {memory: 256Mi}
        """, id="set"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              resources:
                limits: {memory: "{{ .Values.memory }}"}
        """, id="near-miss-templated-value"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          ephemeralContainers:
            - name: debugger
              image: busybox:1.36
          containers:
            - name: api
              image: example/api:1.4.0
              resources:
                limits: {memory: 256Mi}
        """, id="ephemeral-containers-cannot-set-resources"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api  # k8slint ignore=KS123
              image: example/api:1.4.0
        """, id="suppressed-by-trailing-comment"),
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


def test_on_by_default():
    fires(RULE, WORKLOADS["Deployment"], lines=[line_of(WORKLOADS["Deployment"], "- name: app")])
