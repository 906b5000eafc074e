"""KS136 writable-root-filesystem: readOnlyRootFilesystem not true."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS136"

FIRES = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
        """, [6], [7], id="unset"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              securityContext: {readOnlyRootFilesystem: false}
        """, [8], [49], id="explicit-false"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          initContainers:
            - name: init
              image: busybox:1.36
          containers:
            - name: api
              image: example/api:1.4.0
              securityContext: {readOnlyRootFilesystem: true}
        """, [6], [7], id="init-container"),
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
              securityContext: {readOnlyRootFilesystem: true}
        """, id="read-only"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          securityContext: {readOnlyRootFilesystem: false}
          containers:
            - name: api
              image: example/api:1.4.0
              securityContext: {readOnlyRootFilesystem: true}
        """, id="near-miss-pod-level-field-is-not-a-pod-field"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          ephemeralContainers:
            - name: debugger
              image: busybox:1.36
          containers:
            - name: api
              image: example/api:1.4.0
              securityContext: {readOnlyRootFilesystem: true}
        """, id="ephemeral-debug-container"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
          annotations: {ignore-check.kube-linter.io/no-read-only-root-fs: "writes its cache"}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
        """, id="suppressed-by-kube-linter-annotation"),
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
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    assert not [f for f in lint(source) if f.rule_id == "KL001"], "the case must parse"
    quiet(RULE, source)


@pytest.mark.parametrize("kind", sorted(WORKLOADS))
def test_fires_in_every_workload_kind(kind):
    source = WORKLOADS[kind]
    fires(RULE, source, lines=[line_of(source, "- name: app")])


@pytest.mark.parametrize("selector", ["os: {name: windows}", "nodeSelector: {kubernetes.io/os: windows}"])
def test_quiet_for_windows_pods(selector):
    quiet(RULE, f"""\
apiVersion: v1
kind: Pod
metadata: {{name: iis}}
spec:
  {selector}
  containers:
    - name: iis
      image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022
""")
