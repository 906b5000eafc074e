"""KS110 identical-liveness-readiness-probe: the same handler for liveness and readiness (kube-score)."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS110"

FIRES = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              livenessProbe: {httpGet: {path: /health, port: 8080}}
              readinessProbe: {httpGet: {path: /health, port: 8080}}
        """, [8], [7], id="same-http-get"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              livenessProbe:
                tcpSocket: {port: 8080}
                periodSeconds: 30
              readinessProbe:
                tcpSocket: {port: 8080}
                periodSeconds: 5
        """, [8], [7], id="same-tcp-socket-different-timings"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              livenessProbe: {exec: {command: [pg_isready]}}
              readinessProbe: {exec: {command: [pg_isready]}}
        """, [8], [7], id="same-exec"),
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
              livenessProbe: {httpGet: {path: /livez, port: 8080}}
              readinessProbe: {httpGet: {path: /readyz, port: 8080}}
        """, id="different-paths"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              livenessProbe: {httpGet: {path: /health, port: 8080}}
              readinessProbe: {httpGet: {path: /health, port: 8081}}
        """, id="near-miss-different-port"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              livenessProbe: {tcpSocket: {port: 8080}}
        """, id="liveness-only"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              livenessProbe: {}
              readinessProbe: {}
        """, id="empty-probes-are-invalid-not-identical"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              livenessProbe: {httpGet: {path: /health, port: 8080}}  # k8slint ignore=pod-probes-identical
              readinessProbe: {httpGet: {path: /health, port: 8080}}
        """, id="suppressed-by-kube-score-id"),
]

WORKLOADS = for_each_workload("""\
    containers:
      - name: app
        image: nginx:1.27
        livenessProbe: {httpGet: {path: /, port: 80}}
        readinessProbe: {httpGet: {path: /, port: 80}}
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
    fires(RULE, source, lines=[line_of(source, "livenessProbe: {httpGet: {path: /, port: 80}}")])
