"""KS134 privilege-escalation-allowed: `allowPrivilegeEscalation: true`."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS134"

FIRES = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {allowPrivilegeEscalation: true}
        """, [8], [51], id="explicit-true"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
            - name: init
              image: busybox:1.36
              securityContext:
                allowPrivilegeEscalation: true
          containers:
            - name: web
              image: nginx:1.27
        """, [9], [35], id="init-container"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: a
              image: nginx:1.27
              securityContext: {allowPrivilegeEscalation: false}
            - name: b
              image: nginx:1.27
              securityContext: {allowPrivilegeEscalation: true}
        """, [11], [51], id="second-container-only"),
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
              securityContext: {allowPrivilegeEscalation: false}
        """, id="explicit-false"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
        """, id="near-miss-unset-is-the-strict-rule"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {allowPrivilegeEscalation: "{{ .Values.escalate }}"}
        """, id="templated"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {allowPrivilegeEscalation: true}  # k8slint ignore=KS134 -- sudo inside
        """, id="suppressed-by-trailing-comment"),
]

WORKLOADS = for_each_workload("""\
    containers:
      - name: app
        image: nginx:1.27
        securityContext: {allowPrivilegeEscalation: true}
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
    fires(RULE, source, lines=[line_of(source, "securityContext: {allowPrivilegeEscalation: true}")])


def test_kube_linter_e2e_objects_behave_as_documented():
    """kube-linter's tests/checks/privilege-escalation-container.yml: false is quiet, true fires."""
    fires(RULE, """\
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: dont-fire}
        spec:
          replicas: 3
          template:
            spec:
              containers:
                - name: app
                  securityContext:
                    allowPrivilegeEscalation: false
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: app1}
        spec:
          replicas: 3
          template:
            spec:
              containers:
              - name: app
                securityContext:
                  allowPrivilegeEscalation: true
        """, lines=[23])
