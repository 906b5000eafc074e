"""KS151 unmasked-proc-mount: `procMount: Unmasked`."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS151"

FIRES = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          hostUsers: false
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {procMount: Unmasked}
        """, [9], [36], id="unmasked"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
            - name: init
              image: busybox:1.36
              securityContext:
                procMount: Unmasked
          containers:
            - name: web
              image: nginx:1.27
        """, [9], [20], id="init-container"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: a
              image: nginx:1.27
              securityContext: {procMount: Unmasked}
            - name: b
              image: nginx:1.27
              securityContext: {procMount: Unmasked}
        """, [8, 11], [36, 36], id="two-containers"),
]

QUIET = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {procMount: Default}
        """, id="default"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {procMount: unmasked}
        """, id="near-miss-wrong-case-is-not-a-valid-value"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
        """, id="unset"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {procMount: Unmasked}  # k8slint ignore=unsafe-proc-mount
        """, id="suppressed-by-kube-linter-name"),
]

WORKLOADS = for_each_workload("""\
    containers:
      - name: app
        image: nginx:1.27
        securityContext: {procMount: Unmasked}
    """)


def line_of(source: str, text: str) -> int:
    (line,) = [n for n, content in enumerate(source.splitlines(), 1) if content.strip() == text]
    return line


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    assert not [f for f in lint(source) if f.rule_id == "KL001"], "the case must parse"
    quiet(RULE, source)


@pytest.mark.parametrize("kind", sorted(WORKLOADS))
def test_fires_in_every_workload_kind(kind):
    source = WORKLOADS[kind]
    fires(RULE, source, lines=[line_of(source, "securityContext: {procMount: Unmasked}")])
