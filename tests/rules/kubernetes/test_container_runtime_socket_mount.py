"""KS150 container-runtime-socket-mount: hostPath of docker.sock, containerd.sock, crio.sock."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS150"


def pod(path: str) -> str:
    return f"""\
apiVersion: v1
kind: Pod
metadata: {{name: ci}}
spec:
  containers:
    - name: ci
      image: docker:27.3
      volumeMounts: [{{name: sock, mountPath: /var/run/docker.sock}}]
  volumes:
    - name: sock
      hostPath: {{path: {path}, type: Socket}}
"""


FIRES = [
    pytest.param(pod("/var/run/docker.sock"), [11], [24], id="docker-socket"),
    pytest.param(pod("/run/containerd/containerd.sock"), [11], [24], id="containerd-socket"),
    pytest.param(pod("/var/run/crio/crio.sock"), [11], [24], id="crio-socket"),
    pytest.param(pod("//var/run//docker.sock"), [11], [24], id="doubled-slashes"),
]

QUIET = [
    pytest.param(pod("/var/run/docker"), id="near-miss-docker-directory"),
    pytest.param(pod("/var/run/app.sock"), id="other-socket"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: ci}
        spec:
          containers:
            - name: ci
              image: docker:27.3
          volumes:
            - name: sock
              emptyDir: {}
        """, id="dind-with-empty-dir"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata:
          name: ci
          annotations: {ignore-check.kube-linter.io/docker-sock: "legacy CI runner"}
        spec:
          containers:
            - name: ci
              image: docker:27.3
          volumes:
            - name: sock
              hostPath: {path: /var/run/docker.sock}
        """, id="suppressed-by-kube-linter-annotation"),
]

WORKLOADS = for_each_workload("""\
    containers:
      - name: app
        image: docker:27.3
    volumes:
      - name: sock
        hostPath:
          path: /var/run/docker.sock
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
    fires(RULE, source, lines=[line_of(source, "path: /var/run/docker.sock")])
