"""KS124 requests-not-equal-limits: request and limit both set and different (off by default)."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS124"
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
              resources:
                requests: {cpu: 250m, memory: 512Mi}
                limits: {cpu: "1", memory: 512Mi}
        """, [9], [25], id="cpu-differs"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              resources:
                requests:
                  cpu: "1"
                  memory: 256Mi
                  ephemeral-storage: 1Gi
                limits:
                  cpu: 1000m
                  memory: 512Mi
                  ephemeral-storage: 2Gi
        """, [11, 12], [19, 30], id="memory-and-ephemeral-storage-differ"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          initContainers:
            - name: init
              image: busybox:1.36
              resources:
                requests: {memory: 1G}
                limits: {memory: 1Gi}
          containers:
            - name: api
              image: example/api:1.4.0
        """, [9], [28], id="decimal-and-binary-units-differ"),
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
              resources:
                requests: {cpu: "0.5", memory: 1024Mi}
                limits: {cpu: 500m, memory: 1Gi}
        """, id="near-miss-equal-quantities-in-other-units"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              resources:
                requests: {cpu: 250m}
        """, id="missing-limit-is-another-rule"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              resources:
                requests: {cpu: "{{ .Values.cpu }}"}
                limits: {cpu: "2"}
        """, id="templated"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              resources:
                requests: {cpu: 250m}  # k8slint ignore=KS124 -- burstable on purpose
                limits: {cpu: "1"}
        """, id="suppressed-by-trailing-comment"),
]

WORKLOADS = for_each_workload("""\
    containers:
      - name: app
        image: nginx:1.27
        resources:
          requests: {memory: 128Mi}
          limits: {memory: 256Mi}
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
    fires(RULE, source, lines=[line_of(source, "requests: {memory: 128Mi}")], config=ON)


def test_off_by_default():
    quiet(RULE, WORKLOADS["Deployment"])
