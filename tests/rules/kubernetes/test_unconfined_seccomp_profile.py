"""KS142 unconfined-seccomp-profile: seccompProfile Unconfined, or the legacy annotation `unconfined`."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS142"

FIRES = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext:
            seccompProfile: {type: Unconfined}
          containers:
            - name: web
              image: nginx:1.27
            - name: sidecar
              image: envoyproxy/envoy:v1.31.0
        """, [6], [28], id="pod-level-reported-once"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext:
            seccompProfile: {type: RuntimeDefault}
          containers:
            - name: web
              image: nginx:1.27
              securityContext:
                seccompProfile:
                  type: Unconfined
        """, [12], [17], id="container-overrides-pod"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations:
            seccomp.security.alpha.kubernetes.io/pod: unconfined
        spec:
          containers:
            - name: web
              image: nginx:1.27
        """, [6], [47], id="legacy-annotation"),
]

QUIET = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext:
            seccompProfile: {type: RuntimeDefault}
          containers:
            - name: web
              image: nginx:1.27
        """, id="runtime-default"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext:
            seccompProfile: {type: Unconfined}
          containers:
            - name: web
              image: nginx:1.27
              securityContext:
                seccompProfile: {type: RuntimeDefault}
        """, id="near-miss-every-container-overrides-the-pod"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
        """, id="unset-is-the-strict-rule"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext:
            seccompProfile: {type: Unconfined}  # k8slint ignore=KS142 -- rootless buildkit
          containers:
            - name: web
              image: nginx:1.27
        """, id="suppressed-by-trailing-comment"),
]

WORKLOADS = for_each_workload("""\
    containers:
      - name: app
        image: nginx:1.27
        securityContext:
          seccompProfile: {type: Unconfined}
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
    fires(RULE, source, lines=[line_of(source, "seccompProfile: {type: Unconfined}")])
