"""KS003 unpinned-container-image: a container image tagged `latest` or untagged, without digest."""
from __future__ import annotations

import pytest

from linter.testing import WORKLOAD_KINDS, fires, for_each_workload, lint, quiet

RULE = "KS003"
DIGEST = "sha256:" + "0123456789abcdef" * 4

FIRES = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx
        """, [7], [14], id="untagged"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:latest
        """, [7], [14], id="latest-tag"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: localhost:5000/app
        """, [7], [14], id="registry-port-is-not-a-tag"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: "ghcr.io/example/web:latest"
        """, [7], [14], id="quoted-image-points-at-the-value"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: debug}
        spec:
          initContainers:
            - name: init
              image: busybox
          containers:
            - name: app
              image: example/app:1.0.0
          ephemeralContainers:
            - name: debugger
              image: nicolaka/netshoot:latest
        """, [7, 13], [14, 14], id="init-and-ephemeral-containers"),
    pytest.param("""\
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: backup}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: backup
                      image: example/backup:latest
        """, [13], [22], id="cronjob"),
    pytest.param("""\
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cfg}
        ---
        apiVersion: v1
        kind: ReplicationController
        metadata: {name: web}
        spec:
          template:
            spec:
              containers: [{name: web, image: nginx}]
        """, [11], [39], id="second-document-flow-style"),
]

QUIET = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27.2
        """, id="version-tag"),
    pytest.param(f"""\
        apiVersion: v1
        kind: Pod
        metadata: {{name: web}}
        spec:
          containers:
            - name: web
              image: nginx@{DIGEST}
        """, id="digest"),
    pytest.param(f"""\
        apiVersion: v1
        kind: Pod
        metadata: {{name: web}}
        spec:
          containers:
            - name: web
              image: nginx:latest@{DIGEST}
        """, id="near-miss-latest-pinned-by-digest"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: localhost:5000/app:1.4
        """, id="near-miss-registry-port-and-tag"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: "{{ .Values.image }}"
            - name: sidecar
              image: ${SIDECAR_IMAGE}
        """, id="templated-images"),
    pytest.param("""\
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cfg}
        data:
          image: nginx:latest
        """, id="near-miss-image-key-outside-a-pod"),
    pytest.param("""\
        apiVersion: example.com/v1
        kind: Deployment
        metadata: {name: not-apps}
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: nginx
        """, id="near-miss-custom-resource-named-deployment"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:latest  # k8slint ignore=KS003 -- dev overlay only
        """, id="suppressed-by-trailing-comment"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              # k8slint ignore=unpinned-container-image
              image: nginx:latest
        """, id="suppressed-by-comment-on-the-line-above"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations:
            k8slint.io/ignore: "KS003"
        spec:
          containers:
            - name: web
              image: nginx
        """, id="suppressed-by-object-annotation"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations:
            ignore-check.kube-linter.io/latest-tag: "tag moves with the dev branch"
        spec:
          containers:
            - name: web
              image: nginx:latest
        """, id="suppressed-by-kube-linter-annotation"),
]

# Both an init container and a container are unpinned.
WORKLOADS = for_each_workload("""\
    initContainers:
      - name: init
        image: busybox
    containers:
      - name: app
        image: nginx:latest
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


@pytest.mark.parametrize("kind", WORKLOAD_KINDS)
def test_fires_in_every_pod_bearing_kind_and_init_containers(kind):
    source = WORKLOADS[kind]
    fires(RULE, source, lines=[line_of(source, "image: busybox"), line_of(source, "image: nginx:latest")])


def test_message_says_latest_or_no_tag():
    source = WORKLOADS["Deployment"]
    found = fires(RULE, source, lines=[line_of(source, "image: busybox"), line_of(source, "image: nginx:latest")])
    assert "no tag" in found[0].message and "`busybox`" in found[0].message
    assert "the `latest` tag" in found[1].message


def test_can_be_turned_off():
    source = WORKLOADS["Job"]
    fires(RULE, source, lines=[line_of(source, "image: busybox"), line_of(source, "image: nginx:latest")])
    quiet(RULE, source, config={"rules": {"KS003": "off"}})
