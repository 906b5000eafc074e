"""KS140 capability-added: any added capability but NET_BIND_SERVICE and the dangerous ones (off by default)."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS140"
ON = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: es}
        spec:
          containers:
            - name: es
              image: elasticsearch:8.15.0
              securityContext:
                capabilities:
                  add: [IPC_LOCK]
        """, [10], [17], id="ipc-lock"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: es}
        spec:
          containers:
            - name: es
              image: elasticsearch:8.15.0
              securityContext:
                capabilities:
                  add: [NET_BIND_SERVICE, CHOWN]
        """, [10], [35], id="second-of-two"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: es}
        spec:
          initContainers:
            - name: init
              image: busybox:1.36
              securityContext:
                capabilities:
                  add: [SYS_RESOURCE]
          containers:
            - name: es
              image: elasticsearch:8.15.0
        """, [10], [17], id="init-container"),
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
              securityContext:
                capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
        """, id="net-bind-service"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext:
                capabilities: {add: [SYS_ADMIN]}
        """, id="near-miss-dangerous-one-is-the-other-rule"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext:
                capabilities: {drop: [CHOWN]}
        """, id="dropped"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: es}
        spec:
          containers:
            - name: es
              image: elasticsearch:8.15.0
              securityContext:
                capabilities:
                  add: [IPC_LOCK]  # k8slint ignore=KS140 -- mlockall
        """, id="suppressed-by-trailing-comment"),
]

WORKLOADS = for_each_workload("""\
    containers:
      - name: app
        image: nginx:1.27
        securityContext:
          capabilities:
            add: [CHOWN]
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
    fires(RULE, source, lines=[line_of(source, "add: [CHOWN]")], config=ON)


def test_off_by_default():
    quiet(RULE, WORKLOADS["Deployment"])
