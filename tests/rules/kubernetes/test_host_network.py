"""KS144 host-network: `hostNetwork: true` in the pod spec."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS144"

FIRES = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          hostNetwork: true
          containers:
            - name: agent
              image: example/agent:1.2.0
        """, [5], [16], id="pod"),
    pytest.param("""\
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec:
              containers:
                - name: agent
                  image: example/agent:1.2.0
              hostNetwork: yes
        """, [12], [20], id="daemonset-after-containers-yaml-1-1-yes"),
    pytest.param("""\
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: Pod
            metadata: {name: agent}
            spec:
              hostNetwork: true
              containers: [{name: agent, image: "example/agent:1.2.0"}]
        """, [8], [20], id="item-of-a-list"),
]

QUIET = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          hostNetwork: false
          containers:
            - name: agent
              image: example/agent:1.2.0
        """, id="false"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          containers:
            - name: agent
              image: example/agent:1.2.0
              hostNetwork: true
        """, id="near-miss-misplaced-in-the-container"),
    pytest.param("""\
        apiVersion: example.com/v1
        kind: Agent
        metadata: {name: agent}
        spec:
          hostNetwork: true
        """, id="custom-resource"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          hostNetwork: true  # k8slint ignore=host-network -- node agent
          containers:
            - name: agent
              image: example/agent:1.2.0
        """, id="suppressed-by-trailing-comment"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata:
          name: agent
          annotations: {ignore-check.kube-linter.io/host-network: "node agent"}
        spec:
          hostNetwork: true
          containers:
            - name: agent
              image: example/agent:1.2.0
        """, id="suppressed-by-kube-linter-annotation"),
]

WORKLOADS = for_each_workload("""\
    hostNetwork: true
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
    fires(RULE, source, lines=[line_of(source, "hostNetwork: true")])
