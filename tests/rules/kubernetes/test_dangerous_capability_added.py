"""KS139 dangerous-capability-added: SYS_ADMIN, NET_ADMIN, ALL... in capabilities.add."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS139"

FIRES = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: vpn}
        spec:
          containers:
            - name: vpn
              image: example/vpn:2.1.0
              securityContext:
                capabilities:
                  add: [NET_ADMIN]
        """, [10], [17], id="net-admin"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: vpn}
        spec:
          containers:
            - name: vpn
              image: example/vpn:2.1.0
              securityContext:
                capabilities:
                  add:
                    - CHOWN
                    - cap_sys_admin
        """, [12], [15], id="sys-admin-with-prefix-in-lower-case"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: vpn}
        spec:
          initContainers:
            - name: init
              image: busybox:1.36
              securityContext:
                capabilities: {add: [ALL]}
          containers:
            - name: app
              image: nginx:1.27
        """, [9], [30], id="all-in-init-container"),
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
                capabilities: {drop: [SYS_ADMIN, NET_ADMIN]}
        """, id="near-miss-dropped-not-added"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext:
                capabilities: {add: [IPC_LOCK]}
        """, id="ordinary-capability"),
    pytest.param("""\
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: node-exporter}
        spec:
          selector: {matchLabels: {app: node-exporter}}
          template:
            metadata: {labels: {app: node-exporter}}
            spec:
              containers:
                - name: node-exporter
                  image: quay.io/prometheus/node-exporter:v1.8.2
                  securityContext:
                    capabilities: {add: [SYS_TIME], drop: [ALL]}
        """, id="near-miss-sys-time-of-node-exporter-is-the-strict-rule"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: vpn}
        spec:
          containers:
            - name: vpn
              image: example/vpn:2.1.0
              securityContext:
                capabilities:
                  add: [NET_ADMIN]  # k8slint ignore=KS139 -- configures the tunnel interface
        """, id="suppressed-by-trailing-comment"),
]

WORKLOADS = for_each_workload("""\
    containers:
      - name: app
        image: nginx:1.27
        securityContext:
          capabilities:
            add: [SYS_ADMIN]
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
    fires(RULE, source, lines=[line_of(source, "add: [SYS_ADMIN]")])
