"""KS143 unconfined-apparmor-profile: appArmorProfile Unconfined, or the beta annotation `unconfined`."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS143"

FIRES = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations:
            container.apparmor.security.beta.kubernetes.io/web: unconfined
        spec:
          containers:
            - name: web
              image: nginx:1.27
        """, [6], [57], id="beta-annotation"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext:
            appArmorProfile: {type: Unconfined}
          containers:
            - name: web
              image: nginx:1.27
        """, [6], [29], id="pod-level-field"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext:
            appArmorProfile: {type: RuntimeDefault}
          containers:
            - name: web
              image: nginx:1.27
              securityContext:
                appArmorProfile: {type: Unconfined}
        """, [11], [33], id="container-overrides-pod"),
]

QUIET = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations:
            container.apparmor.security.beta.kubernetes.io/web: runtime/default
        spec:
          containers:
            - name: web
              image: nginx:1.27
        """, id="runtime-default-annotation"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext:
                appArmorProfile: {type: Localhost, localhostProfile: k8s-web}
        """, id="near-miss-localhost-profile"),
    pytest.param("""\
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: web
          annotations:
            container.apparmor.security.beta.kubernetes.io/web: unconfined
        data: {}
        """, id="not-a-workload"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations:
            container.apparmor.security.beta.kubernetes.io/web: unconfined  # k8slint ignore=KS143
        spec:
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
          appArmorProfile: {type: Unconfined}
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
    fires(RULE, source, lines=[line_of(source, "appArmorProfile: {type: Unconfined}")])


def test_annotation_on_the_pod_template_of_a_deployment():
    fires(RULE, """\
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          annotations:
            container.apparmor.security.beta.kubernetes.io/web: runtime/default
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata:
              labels: {app: web}
              annotations:
                container.apparmor.security.beta.kubernetes.io/web: unconfined
            spec:
              containers:
                - name: web
                  image: nginx:1.27
        """, lines=[13])
