"""KS137 net-raw-not-dropped: capabilities declared without dropping NET_RAW (kube-linter semantics)."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS137"

FIRES = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext:
                capabilities: {drop: [SYS_ADMIN]}
        """, [9], [30], id="drops-something-else"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext:
                capabilities:
                  add: [CAP_NET_RAW]
        """, [10], [17], id="adds-net-raw-with-cap-prefix"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext:
                capabilities: {}
        """, [9], [9], id="empty-capabilities"),
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
                capabilities: {drop: [NET_RAW]}
        """, id="drops-net-raw"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext:
                capabilities: {drop: [all]}
        """, id="drops-all-in-lower-case"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
        """, id="near-miss-no-capabilities-section-as-kube-linter"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext:
                capabilities: {drop: [SYS_ADMIN]}  # k8slint ignore=drop-net-raw-capability
        """, id="suppressed-by-alias"),
]

WORKLOADS = for_each_workload("""\
    containers:
      - name: app
        image: nginx:1.27
        securityContext:
          capabilities: {drop: [SYS_ADMIN]}
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
    fires(RULE, source, lines=[line_of(source, "capabilities: {drop: [SYS_ADMIN]}")])
