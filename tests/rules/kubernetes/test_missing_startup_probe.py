"""KS114 missing-startup-probe: a long-running container without startupProbe (off by default)."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS114"
ON = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              livenessProbe: {httpGet: {path: /livez, port: 8080}}
        """, [6], [7], id="pod"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              startupProbe: {tcpSocket: {port: 8080}}
            - name: proxy
              image: envoyproxy/envoy:v1.31.0
        """, [9], [7], id="only-the-container-without-it"),
    pytest.param("""\
        apiVersion: v1
        kind: ReplicationController
        metadata: {name: api}
        spec:
          template:
            metadata: {labels: {app: api}}
            spec:
              containers:
                - name: api
                  image: example/api:1.4.0
        """, [9], [11], id="replication-controller"),
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
              startupProbe: {tcpSocket: {port: 8080}}
        """, id="has-it"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          restartPolicy: Never
          containers:
            - name: api
              image: example/api:1.4.0
        """, id="near-miss-run-to-completion-pod"),
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
              startupProbe: {tcpSocket: {port: 8080}}
        """, id="init-container"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api  # k8slint ignore=no-startup-probe
              image: example/api:1.4.0
        """, id="suppressed-by-kube-linter-name"),
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


@pytest.mark.parametrize("kind", ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Pod"])
def test_fires_in_every_long_running_kind(kind):
    source = WORKLOADS[kind]
    fires(RULE, source, lines=[line_of(source, "- name: app")], config=ON)


@pytest.mark.parametrize("kind", ["Job", "CronJob"])
def test_quiet_for_jobs(kind):
    quiet(RULE, WORKLOADS[kind], config=ON)


def test_off_by_default():
    quiet(RULE, WORKLOADS["Deployment"])
