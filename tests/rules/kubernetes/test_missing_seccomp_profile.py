"""KS141 missing-seccomp-profile: no seccompProfile at pod or container level (off by default)."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS141"
ON = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
        """, [6], [7], id="unset"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {seccompProfile: {type: RuntimeDefault}}
            - name: sidecar
              image: envoyproxy/envoy:v1.31.0
        """, [9], [7], id="only-the-container-without-it"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations: {container.seccomp.security.alpha.kubernetes.io/other: runtime/default}
        spec:
          containers:
            - name: web
              image: nginx:1.27
        """, [8], [7], id="annotation-for-another-container"),
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
        """, id="pod-level-runtime-default"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations: {seccomp.security.alpha.kubernetes.io/pod: runtime/default}
        spec:
          containers:
            - name: web
              image: nginx:1.27
        """, id="legacy-pod-annotation"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {seccompProfile: {type: Unconfined}}
        """, id="near-miss-unconfined-is-the-other-rule"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web  # k8slint ignore=KS141
              image: nginx:1.27
        """, id="suppressed-by-trailing-comment"),
]

WORKLOADS = for_each_workload("""\
    containers:
      - name: app
        image: nginx:1.27
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
    fires(RULE, source, lines=[line_of(source, "- name: app")], config=ON)


@pytest.mark.parametrize("kind", sorted(WORKLOADS))
def test_pod_template_annotation_in_every_workload_kind(kind):
    source = for_each_workload("""\
        securityContext:
          seccompProfile: {type: Localhost, localhostProfile: profiles/app.json}
        containers:
          - name: app
            image: nginx:1.27
        """)[kind]
    quiet(RULE, source, config=ON)


def test_off_by_default():
    quiet(RULE, WORKLOADS["Deployment"])
