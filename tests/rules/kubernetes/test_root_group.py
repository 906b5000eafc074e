"""KS131 root-group: runAsGroup 0, fsGroup 0 or supplementalGroups with 0."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS131"

FIRES = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsUser: 1000, runAsGroup: 0}
          containers:
            - name: web
              image: nginx:1.27
        """, [5], [50], id="pod-run-as-group-0"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsGroup: 3000}
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {runAsGroup: 0}
        """, [9], [37], id="container-overrides-pod-group-with-0"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext:
            fsGroup: 0
            supplementalGroups: [4000, 0]
          containers:
            - name: web
              image: nginx:1.27
        """, [6, 7], [14, 32], id="fs-group-and-supplemental-group-0"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsGroup: 0}
          containers:
            - name: web
              image: nginx:1.27
            - name: sidecar
              image: envoyproxy/envoy:v1.31.0
        """, [5], [33], id="pod-level-reported-once-for-two-containers"),
]

QUIET = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000}
          containers:
            - name: web
              image: nginx:1.27
        """, id="non-zero-groups"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
        """, id="near-miss-groups-unset"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsGroup: 0}
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {runAsGroup: 1000}
        """, id="container-overrides-pod-root-group"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsGroup: false}
          containers:
            - name: web
              image: nginx:1.27
        """, id="boolean-is-not-zero"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsGroup: 0}  # k8slint ignore=root-group -- legacy volume permissions
          containers:
            - name: web
              image: nginx:1.27
        """, id="suppressed-by-trailing-comment"),
]

WORKLOADS = for_each_workload("""\
    securityContext: {runAsGroup: 3000}
    containers:
      - name: app
        image: nginx:1.27
        securityContext: {runAsGroup: 0}
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
    fires(RULE, source, lines=[line_of(source, "securityContext: {runAsGroup: 0}")])
