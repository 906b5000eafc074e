"""KS149 writable-host-mount: a hostPath volumeMount without readOnly (off by default)."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS149"
ON = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          containers:
            - name: agent
              image: example/agent:1.2.0
              volumeMounts:
                - {name: logs, mountPath: /host/var/log}
          volumes:
            - name: logs
              hostPath: {path: /var/log}
        """, [9], [11], id="read-write-mount"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          containers:
            - name: agent
              image: example/agent:1.2.0
              volumeMounts:
                - {name: logs, mountPath: /host/var/log, readOnly: true}
            - name: shipper
              image: example/shipper:1.0.0
              volumeMounts:
                - {name: logs, mountPath: /logs, readOnly: false}
          volumes:
            - name: logs
              hostPath: {path: /var/log}
        """, [13], [11], id="second-container-read-only-false"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          initContainers:
            - name: chown
              image: busybox:1.36
              volumeMounts: [{name: data, mountPath: /data}]
          containers:
            - name: agent
              image: example/agent:1.2.0
          volumes:
            - name: data
              hostPath: {path: /srv/data}
        """, [8], [22], id="init-container"),
]

QUIET = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          containers:
            - name: agent
              image: example/agent:1.2.0
              volumeMounts:
                - {name: logs, mountPath: /host/var/log, readOnly: true}
          volumes:
            - name: logs
              hostPath: {path: /var/log}
        """, id="read-only"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          containers:
            - name: agent
              image: example/agent:1.2.0
              volumeMounts:
                - {name: cache, mountPath: /cache}
          volumes:
            - name: cache
              emptyDir: {}
        """, id="near-miss-empty-dir"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          containers:
            - name: agent
              image: example/agent:1.2.0
          volumes:
            - name: logs
              hostPath: {path: /var/log}
        """, id="host-path-not-mounted"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          containers:
            - name: agent
              image: example/agent:1.2.0
              volumeMounts:
                - {name: logs, mountPath: /host/var/log}  # k8slint ignore=KS149 -- rotates logs
          volumes:
            - name: logs
              hostPath: {path: /var/log}
        """, id="suppressed-by-trailing-comment"),
]

WORKLOADS = for_each_workload("""\
    containers:
      - name: app
        image: nginx:1.27
        volumeMounts:
          - {name: data, mountPath: /data}
    volumes:
      - name: data
        hostPath: {path: /srv/data}
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
    fires(RULE, source, lines=[line_of(source, "- {name: data, mountPath: /data}")], config=ON)


def test_off_by_default():
    quiet(RULE, WORKLOADS["Deployment"])
