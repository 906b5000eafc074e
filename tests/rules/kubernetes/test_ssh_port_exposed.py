"""KS155 ssh-port-exposed: a TCP containerPort 22 (kube-linter's default ssh-port)."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS155"


def pod(ports: str) -> str:
    return f"""\
apiVersion: v1
kind: Pod
metadata: {{name: box}}
spec:
  containers:
    - name: box
      image: example/box:1.0.0
      ports: {ports}
"""


FIRES = [
    pytest.param(pod("[{containerPort: 22}]"), [8], [31], id="port-22"),
    pytest.param(pod("[{containerPort: 8080}, {containerPort: 22, protocol: TCP, name: ssh}]"), [8], [54],
                 id="second-port-explicit-tcp"),
    pytest.param(pod('[{containerPort: "22"}]'), [8], [31], id="quoted-number"),
]

QUIET = [
    pytest.param(pod("[{containerPort: 2222}]"), id="port-2222"),
    pytest.param(pod("[{containerPort: 22, protocol: UDP}]"), id="near-miss-udp"),
    pytest.param(pod("[{containerPort: 8080, hostPort: 22}]"), id="host-port-22-is-host-port"),
    pytest.param(pod("[{containerPort: 22}]  # k8slint ignore=ssh-port"), id="suppressed-by-kube-linter-name"),
]

WORKLOADS = for_each_workload("""\
    containers:
      - name: app
        image: example/box:1.0.0
        ports:
          - containerPort: 22
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
    fires(RULE, source, lines=[line_of(source, "- containerPort: 22")])
