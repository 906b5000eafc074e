"""KS148 sensitive-host-mount: hostPath of /, /etc, /proc, /var/lib/kubelet..."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS148"


def pod(path: str, extra: str = "") -> str:
    return f"""\
apiVersion: v1
kind: Pod
metadata: {{name: agent}}
spec:
  containers:
    - name: agent
      image: example/agent:1.2.0
      volumeMounts: [{{name: host, mountPath: /host}}]
  volumes:
    - name: host
      hostPath: {{path: {path}{extra}}}
"""


FIRES = [
    pytest.param(pod("/"), [11], [24], id="root"),
    pytest.param(pod("/etc/"), [11], [24], id="etc-with-trailing-slash"),
    pytest.param(pod("/var/lib/kubelet", ", type: Directory"), [11], [24], id="kubelet-state"),
    pytest.param(pod("/proc"), [11], [24], id="proc"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          containers:
            - name: agent
              image: example/agent:1.2.0
          volumes:
            - name: sys
              hostPath:
                path: /sys
            - name: data
              hostPath:
                path: /data
        """, [11], [15], id="only-the-sensitive-one-even-if-unmounted"),
]

QUIET = [
    pytest.param(pod("/var/log"), id="var-log"),
    pytest.param(pod("/etc/ssl/certs"), id="near-miss-sub-directory-of-etc"),
    pytest.param(pod("/var/run/docker.sock"), id="runtime-socket-is-the-other-rule"),
    pytest.param(pod('"{{ .Values.hostDir }}"'), id="templated"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          containers:
            - name: agent
              image: example/agent:1.2.0
          volumes:
            - name: root
              hostPath: {path: /}  # k8slint ignore=KS148 -- node exporter reads the root fs
        """, id="suppressed-by-trailing-comment"),
]

WORKLOADS = for_each_workload("""\
    containers:
      - name: app
        image: nginx:1.27
    volumes:
      - name: etc
        hostPath:
          path: /etc
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
    fires(RULE, source, lines=[line_of(source, "path: /etc")])


def test_paths_option():
    config = {"rules": {RULE: {"paths": ["/data"]}}}
    fires(RULE, pod("/data/"), lines=[11], config=config)
    quiet(RULE, pod("/etc"), config=config)
