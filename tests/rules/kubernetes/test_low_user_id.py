"""KS132 low-user-id: UID unset or below 10000, GID below 10000 (off by default)."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS132"
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
              securityContext: {runAsUser: 1000}
        """, [8], [36], id="uid-1000"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
        """, [6], [7], id="uid-unset"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsUser: 20000, runAsGroup: 100}
          containers:
            - name: web
              image: nginx:1.27
        """, [5], [51], id="pod-level-low-gid"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsUser: 20000}
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {runAsUser: 33}
        """, [9], [36], id="container-overrides-pod-with-low-uid"),
]

QUIET = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: app}
        spec:
          hostUsers: false
          containers:
            - name: app
              image: example/app:1.0
        """, id="user-namespace-remaps-uids"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsUser: 10001, runAsGroup: 10001}
          containers:
            - name: web
              image: nginx:1.27
        """, id="pod-level-high-ids"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {runAsUser: 10000}
        """, id="near-miss-exactly-10000"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsUser: 1000}
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {runAsUser: 65534}
        """, id="container-overrides-low-pod-uid"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {runAsUser: 1000}  # k8slint ignore=KS132
        """, id="suppressed-by-trailing-comment"),
]

WORKLOADS = for_each_workload("""\
    containers:
      - name: app
        image: nginx:1.27
        securityContext: {runAsUser: 1000}
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
    fires(RULE, source, lines=[line_of(source, "securityContext: {runAsUser: 1000}")], config=ON)


def test_off_by_default():
    quiet(RULE, WORKLOADS["Deployment"])


def test_min_id_option():
    source = WORKLOADS["Pod"]
    quiet(RULE, source, config={"rules": {RULE: {"min-id": 1000}}})
    fires(RULE, source, lines=[line_of(source, "securityContext: {runAsUser: 1000}")],
          config={"rules": {RULE: {"min-id": 1001}}})
