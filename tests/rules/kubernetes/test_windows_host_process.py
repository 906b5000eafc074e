"""KS183 windows-host-process."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, quiet

RULE = "KS183"

FIRES = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          hostNetwork: true
          securityContext:
            windowsOptions:
              hostProcess: true
          containers:
            - name: agent
              image: example/agent:1.2.0
        """, [8], id="pod-level"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          hostNetwork: true
          containers:
            - name: agent
              image: example/agent:1.2.0
              securityContext:
                windowsOptions: {hostProcess: true}
        """, [10], id="container-level"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          securityContext:
            windowsOptions: {hostProcess: true}
          initContainers:
            - name: setup
              image: example/setup:1.0
              securityContext:
                windowsOptions: {hostProcess: true}
          containers:
            - name: agent
              image: example/agent:1.2.0
        """, [6, 11], id="pod-and-init-container"),
]

QUIET = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          securityContext:
            windowsOptions: {hostProcess: false}
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
              securityContext:
                windowsOptions: {runAsUserName: ContainerUser, hostProcess: "true"}
        """, id="near-miss-string-true-is-invalid"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          securityContext: {windowsOptions: null}
          containers:
            - name: agent
              image: example/agent:1.2.0
              securityContext: 5
        """, id="bad-types"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          containers:
            - name: agent
              image: example/agent:1.2.0
              securityContext:
                windowsOptions: {hostProcess: true}  # k8slint: ignore=windows-host-process -- node agent
        """, id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)


@pytest.mark.parametrize("kind, src", sorted(for_each_workload("""\
    securityContext:
      windowsOptions:
        hostProcess: true
    containers:
      - name: app
        image: example/app:1.0
    """).items()))
def test_every_workload_kind(kind, src):
    line = next(n for n, l in enumerate(src.splitlines(), 1) if "hostProcess: true" in l)
    fires(RULE, src, lines=[line])
