"""KS125 missing-ephemeral-storage: no ephemeral-storage request or limit (off by default)."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS125"
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
        """, [6, 6], [7, 7], id="neither-request-nor-limit"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              resources:
                requests: {ephemeral-storage: 1Gi}
        """, [6], [7], id="request-only"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              resources:
                requests: {ephemeral-storage: 1Gi}
                limits: {ephemeral-storage: 0}
        """, [10], [37], id="zero-limit"),
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
                requests: {ephemeral-storage: 1Gi}
                limits: {ephemeral-storage: 2Gi}
        """, id="both-set"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              resources:
                requests: {ephemeral-storage: 1Gi, cpu: 100m}
                limits: {ephemeral-storage: 1Gi}
        """, id="near-miss-other-resources-missing"),
    pytest.param("""\
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: api}
        data: {a: b}
        """, id="not-a-workload"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api  # k8slint ignore=KS125
              image: example/api:1.4.0
        """, id="suppressed-by-trailing-comment"),
]

WORKLOADS = for_each_workload("""\
    containers:
      - name: app
        image: nginx:1.27
        resources:
          limits: {ephemeral-storage: 1Gi}
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
