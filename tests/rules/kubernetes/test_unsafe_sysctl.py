"""KS152 unsafe-sysctl: a pod sysctl outside Kubernetes' safe set."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS152"

FIRES = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: db}
        spec:
          securityContext:
            sysctls:
              - {name: kernel.msgmax, value: "65536"}
          containers:
            - name: db
              image: postgres:16.4
        """, [7], [16], id="kernel-msgmax"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: db}
        spec:
          securityContext:
            sysctls:
              - name: net.ipv4.ip_local_port_range
                value: "1024 65535"
              - name: net.core.somaxconn
                value: "1024"
          containers:
            - name: db
              image: postgres:16.4
        """, [9], [15], id="second-of-two"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: db}
        spec:
          securityContext:
            sysctls:
              - {name: vm.max_map_count, value: "262144"}
          containers:
            - name: db
              image: postgres:16.4
        """, [7], [16], id="vm-max-map-count"),
]

QUIET = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: db}
        spec:
          securityContext:
            sysctls:
              - {name: kernel.shm_rmid_forced, value: "1"}
              - {name: net.ipv4.ping_group_range, value: "0 2147483647"}
          containers:
            - name: db
              image: postgres:16.4
        """, id="safe-sysctls"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: db}
        spec:
          securityContext:
            sysctls:
              - {name: net/ipv4/ip_unprivileged_port_start, value: "0"}
          containers:
            - name: db
              image: postgres:16.4
        """, id="near-miss-slash-separated-safe-sysctl"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: db}
        spec:
          containers:
            - name: db
              image: postgres:16.4
        """, id="no-sysctls"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: db}
        spec:
          securityContext:
            sysctls:
              - {name: kernel.msgmax, value: "65536"}  # k8slint ignore=KS152 -- allow-listed on db nodes
          containers:
            - name: db
              image: postgres:16.4
        """, id="suppressed-by-trailing-comment"),
]

WORKLOADS = for_each_workload("""\
    securityContext:
      sysctls:
        - name: kernel.sem
          value: "250 32000 100 128"
    containers:
      - name: app
        image: postgres:16.4
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
    fires(RULE, source, lines=[line_of(source, "- name: kernel.sem")])


def test_kube_linter_e2e_object_fires_as_documented():
    """kube-linter's tests/checks/unsafe-sysctls.yml: kernel.sem in the pod securityContext."""
    fires(RULE, """\
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
                sysctls:
                - name: kernel.sem
        """, lines=[12])
