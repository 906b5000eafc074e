"""KS133 privileged-container: `securityContext.privileged: true`."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS133"

FIRES = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: tool}
        spec:
          containers:
            - name: tool
              image: busybox:1.36
              securityContext: {privileged: true}
        """, [8], [37], id="container-privileged"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: tool}
        spec:
          initContainers:
            - name: sysctl
              image: busybox:1.36
              securityContext:
                privileged: true
          containers:
            - name: app
              image: nginx:1.27
        """, [9], [21], id="init-container-privileged"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: tool}
        spec:
          containers:
            - name: a
              image: busybox:1.36
              securityContext: {privileged: true}
            - name: b
              image: busybox:1.36
              securityContext: {privileged: yes}
        """, [8, 11], [37, 37], id="yaml-1-1-yes-is-true-as-for-kubectl"),
]

QUIET = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: tool}
        spec:
          containers:
            - name: tool
              image: busybox:1.36
              securityContext: {privileged: false}
        """, id="privileged-false"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: tool}
        spec:
          containers:
            - name: tool
              image: busybox:1.36
              securityContext: {allowPrivilegeEscalation: true}
        """, id="near-miss-privilege-escalation-is-another-rule"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: tool}
        spec:
          securityContext: {privileged: true}
          containers:
            - name: tool
              image: busybox:1.36
        """, id="pod-level-field-does-not-exist"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: tool}
        spec:
          containers:
            - name: tool
              image: busybox:1.36
              # k8slint ignore=KS133 -- loads a kernel module at start
              securityContext: {privileged: true}
        """, id="suppressed-by-comment-on-the-line-above"),
]

WORKLOADS = for_each_workload("""\
    containers:
      - name: app
        image: nginx:1.27
        securityContext: {privileged: true}
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
    fires(RULE, source, lines=[line_of(source, "securityContext: {privileged: true}")])
