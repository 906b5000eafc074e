"""KS002 missing-readiness-probe: a container of a long-running workload without `readinessProbe`."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS002"
LONG_RUNNING = ("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Pod")
RUN_TO_COMPLETION = ("Job", "CronJob")

FIRES = [
    pytest.param("""\
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  livenessProbe: {httpGet: {path: /, port: 8080}}
        """, [10], [11], id="deployment-container"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              readinessProbe: {httpGet: {path: /, port: 8080}}
            - name: sidecar
              image: envoyproxy/envoy:v1.31.0
        """, [9], [7], id="only-the-container-without-it"),
    pytest.param("""\
        apiVersion: v1
        kind: ReplicationController
        metadata: {name: web}
        spec:
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
        """, [9], [11], id="replication-controller"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          restartPolicy: Always
          containers:
            - name: web
              image: nginx:1.27
        """, [7], [7], id="pod-restart-policy-always"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers: [{name: web, image: "nginx:1.27"}]
        """, [5], [16], id="flow-style-container"),
    pytest.param("""\
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: ConfigMap
            metadata: {name: cfg}
          - apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers:
                    - name: db
                      image: postgres:16.4
        """, [16], [15], id="item-of-a-list"),
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
              readinessProbe: {tcpSocket: {port: 8080}}
        """, id="has-the-probe"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
            - name: migrate
              image: example/migrate:1.0.0
          containers:
            - name: web
              image: nginx:1.27
              readinessProbe: {exec: {command: [cat, /tmp/ok]}}
        """, id="init-container-without-it"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata:
          name: web-test
          annotations: {helm.sh/hook: test}
        spec:
          restartPolicy: Never
          containers:
            - name: wget
              image: busybox:1.36
              command: [wget, "web:80"]
        """, id="near-miss-pod-that-runs-to-completion"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: once}
        spec:
          restartPolicy: OnFailure
          containers:
            - name: task
              image: example/task:1.0.0
        """, id="pod-restart-policy-on-failure"),
    pytest.param("""\
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: migrate
                  image: example/migrate:1.0.0
        """, id="job"),
    pytest.param("""\
        apiVersion: example.com/v1
        kind: Deployment
        metadata: {name: not-apps}
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: nginx:1.27
        """, id="near-miss-custom-resource-named-deployment"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web  # k8slint ignore=KS002 -- receives no Service traffic
              image: nginx:1.27
        """, id="suppressed-by-trailing-comment"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            # k8slint ignore=missing-readiness-probe
            - name: web
              image: nginx:1.27
        """, id="suppressed-by-comment-on-the-line-above"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations:
            k8slint.io/ignore: "KS002"
        spec:
          containers:
            - name: web
              image: nginx:1.27
        """, id="suppressed-by-object-annotation"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations:
            ignore-check.kube-linter.io/no-readiness-probe: "receives no Service traffic"
        spec:
          containers:
            - name: web
              image: nginx:1.27
        """, id="suppressed-by-kube-linter-annotation"),
]

# A pod with an init container and a container, neither with the probe.
WORKLOADS = for_each_workload("""\
    initContainers:
      - name: init
        image: busybox:1.36
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


@pytest.mark.parametrize("kind", LONG_RUNNING)
def test_fires_on_the_container_of_every_long_running_kind(kind):
    source = WORKLOADS[kind]
    fires(RULE, source, lines=[line_of(source, "- name: app")])


@pytest.mark.parametrize("kind", RUN_TO_COMPLETION)
def test_quiet_for_jobs_and_cronjobs(kind):
    quiet(RULE, WORKLOADS[kind])


def test_can_be_turned_off():
    source = WORKLOADS["Deployment"]
    fires(RULE, source, lines=[line_of(source, "- name: app")])
    quiet(RULE, source, config={"rules": {"KS002": "off"}})
