"""KS154 custom-selinux-options: seLinuxOptions user/role, or a type outside container_t & co."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS154"

FIRES = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          containers:
            - name: agent
              image: example/agent:1.2.0
              securityContext:
                seLinuxOptions: {type: spc_t}
        """, [9], [32], id="spc-t"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          securityContext:
            seLinuxOptions:
              user: system_u
              role: system_r
          containers:
            - name: agent
              image: example/agent:1.2.0
        """, [7, 8], [13, 13], id="pod-level-user-and-role"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          securityContext:
            seLinuxOptions: {type: container_t}
          containers:
            - name: agent
              image: example/agent:1.2.0
              securityContext:
                seLinuxOptions: {type: unconfined_t}
        """, [11], [32], id="container-overrides-pod"),
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
              securityContext:
                seLinuxOptions: {level: "s0:c123,c456"}
        """, id="level-only"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          securityContext:
            seLinuxOptions: {type: container_init_t}
          containers:
            - name: agent
              image: example/agent:1.2.0
        """, id="near-miss-allowed-type"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          securityContext:
            seLinuxOptions: {type: spc_t}
          containers:
            - name: agent
              image: example/agent:1.2.0
              securityContext:
                seLinuxOptions: {type: container_t}
        """, id="container-overrides-custom-pod-type"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          containers:
            - name: agent
              image: example/agent:1.2.0
              securityContext:
                seLinuxOptions: {type: spc_t}  # k8slint ignore=KS154 -- reads all container logs
        """, id="suppressed-by-trailing-comment"),
]

WORKLOADS = for_each_workload("""\
    containers:
      - name: app
        image: nginx:1.27
        securityContext:
          seLinuxOptions: {type: spc_t}
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
    fires(RULE, source, lines=[line_of(source, "seLinuxOptions: {type: spc_t}")])
