"""KS111 probe-port-not-exposed: a numeric probe port no containerPort declares (off by default)."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS111"
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
              ports: [{name: http, containerPort: 8080}]
              livenessProbe: {httpGet: {path: /livez, port: 9999}}
        """, [9], [53], id="kube-linter-mismatched-port"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              readinessProbe:
                tcpSocket: {port: 5432}
        """, [9], [27], id="no-ports-declared-tcp"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              ports: [{containerPort: 8080}]
              startupProbe:
                grpc: {port: 9090}
        """, [10], [22], id="startup-grpc"),
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
              ports: [{name: http, containerPort: 8080}]
              livenessProbe: {httpGet: {path: /livez, port: 8080}}
        """, id="kube-linter-matching-port-int"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              ports: [{name: http, containerPort: 8080}]
              livenessProbe: {httpGet: {path: /livez, port: http}}
        """, id="kube-linter-matching-port-name"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              ports: [{name: http, containerPort: 8080}]
              livenessProbe: {httpGet: {path: /livez, port: healthcheck}}
        """, id="near-miss-named-port-is-the-other-rule"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              livenessProbe: {exec: {command: [true]}}
        """, id="exec-probe"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              livenessProbe: {httpGet: {path: /livez, port: 9999}}  # k8slint ignore=liveness-port
        """, id="suppressed-by-kube-linter-name"),
]

WORKLOADS = for_each_workload("""\
    containers:
      - name: app
        image: nginx:1.27
        ports: [{containerPort: 80}]
        readinessProbe:
          httpGet: {path: /, port: 8080}
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
    fires(RULE, source, lines=[line_of(source, "httpGet: {path: /, port: 8080}")], config=ON)


def test_init_container_probes_are_not_checked():
    quiet(RULE, """\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          initContainers:
            - name: init
              image: busybox:1.36
              readinessProbe: {tcpSocket: {port: 1}}
          containers:
            - name: api
              image: example/api:1.4.0
        """, config=ON)


def test_off_by_default():
    quiet(RULE, WORKLOADS["Deployment"])
