"""KS147 host-port: a non-zero hostPort in a container's ports."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS147"

FIRES = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              ports:
                - {containerPort: 8080, hostPort: 8080}
        """, [9], [43], id="host-port"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              ports:
                - containerPort: 8080
                - containerPort: 9090
                  hostPort: 9090
        """, [11], [21], id="second-port"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              ports: [{containerPort: 53, hostPort: 53, protocol: UDP}, {containerPort: 53, hostPort: 53}]
        """, [8, 8], [45, 95], id="two-ports-on-one-line"),
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
              ports:
                - {containerPort: 8080}
        """, id="container-port-only"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              ports:
                - {containerPort: 8080, hostPort: 0}
        """, id="near-miss-host-port-zero"),
    pytest.param("""\
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          ports:
            - {port: 80, targetPort: 8080, nodePort: 30080}
        """, id="service-node-port-is-not-a-host-port"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          hostNetwork: true
          containers:
            - name: agent
              image: example/agent:1.2.0
              ports:
                - {containerPort: 9100, hostPort: 9100}
        """, id="host-network-pod-is-the-other-rule"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              ports:
                - {containerPort: 8080, hostPort: 8080}  # k8slint ignore=hostPortSet
        """, id="suppressed-by-polaris-alias"),
]

WORKLOADS = for_each_workload("""\
    containers:
      - name: app
        image: nginx:1.27
        ports:
          - containerPort: 80
            hostPort: 80
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
    fires(RULE, source, lines=[line_of(source, "hostPort: 80")])
