"""KS007 host-path-volume: a hostPath volume in the pod spec of a pod-bearing kind."""
from __future__ import annotations

import pytest

from linter.testing import WORKLOAD_KINDS, fires, for_each_workload, lint, quiet

RULE = "KS007"

FIRES = [
    pytest.param("""\
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: prometheus}
        spec:
          selector: {matchLabels: {app: prometheus}}
          template:
            metadata: {labels: {app: prometheus}}
            spec:
              containers:
                - name: prometheus
                  image: prom/prometheus:v2.53.0
                  volumeMounts: [{name: config, mountPath: /etc/prometheus}]
              volumes:
                - name: config
                  hostPath: {path: /etc/prometheus}
        """, [15], [11], id="deployment-config-from-the-node"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: dind}
        spec:
          containers:
            - name: docker
              image: docker:27.1
          volumes:
            - name: sock
              hostPath:
                path: /var/run/docker.sock
                type: Socket
        """, [10], [7], id="docker-socket"),
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
                  image: example/agent:1.0.0
              volumes:
                - name: tmp
                  emptyDir: {}
                - name: logs
                  hostPath: {path: /var/log}
                - {name: root, hostPath: {path: /}}
        """, [16, 17], [11, 24], id="only-the-host-path-volumes"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: odd}
        spec:
          containers: [{name: c, image: "busybox:1.36"}]
          volumes:
            - name: host
              hostPath:
        """, [8], [7], id="host-path-without-a-path"),
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
          volumes:
            - name: config
              configMap: {name: web-config}
            - name: cache
              emptyDir: {}
            - name: tls
              secret: {secretName: web-tls}
        """, id="configmap-emptydir-and-secret-volumes"),
    pytest.param("""\
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: local-pv}
        spec:
          capacity: {storage: 1Gi}
          accessModes: [ReadWriteOnce]
          hostPath: {path: /mnt/data}
        """, id="near-miss-persistent-volume-host-path"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              volumeMounts: [{name: hostpath, mountPath: /data}]
          volumes:
            - name: hostpath
              persistentVolumeClaim: {claimName: data}
        """, id="near-miss-volume-named-hostpath"),
    pytest.param("""\
        apiVersion: example.com/v1
        kind: Deployment
        metadata: {name: custom}
        spec:
          template:
            spec:
              volumes: [{name: h, hostPath: {path: /}}]
        """, id="near-miss-custom-resource-named-deployment"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: dind}
        spec:
          containers: [{name: docker, image: "docker:27.1"}]
          volumes:
            - name: sock
              hostPath: {path: /var/run/docker.sock}  # k8slint ignore=KS007 -- CI runner
        """, id="suppressed-by-trailing-comment"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: dind}
        spec:
          containers: [{name: docker, image: "docker:27.1"}]
          volumes:
            - name: sock
              # k8slint ignore=host-path-volume
              hostPath: {path: /var/run/docker.sock}
        """, id="suppressed-by-comment-on-the-line-above"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata:
          name: dind
          annotations:
            k8slint.io/ignore: "KS007"
        spec:
          containers: [{name: docker, image: "docker:27.1"}]
          volumes: [{name: sock, hostPath: {path: /var/run/docker.sock}}]
        """, id="suppressed-by-object-annotation"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata:
          name: dind
          annotations:
            polaris.fairwinds.com/hostPathSet-exempt: "true"
        spec:
          containers: [{name: docker, image: "docker:27.1"}]
          volumes: [{name: sock, hostPath: {path: /var/run/docker.sock}}]
        """, id="suppressed-by-polaris-exemption-alias"),
]

WORKLOADS = for_each_workload("""\
    containers:
      - name: app
        image: nginx:1.27
    volumes:
      - name: config
        configMap: {name: app}
      - name: data
        hostPath: {path: /srv/data}
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
def test_fires_in_every_pod_bearing_kind(kind):
    source = WORKLOADS[kind]
    fires(RULE, source, lines=[line_of(source, "hostPath: {path: /srv/data}")])


def test_message_names_the_volume_and_the_node_path():
    (finding,) = fires(RULE, WORKLOADS["Pod"], lines=[line_of(WORKLOADS["Pod"], "hostPath: {path: /srv/data}")])
    assert "`data`" in finding.message and "`/srv/data`" in finding.message


def test_can_be_turned_off():
    source = WORKLOADS["CronJob"]
    fires(RULE, source, lines=[line_of(source, "hostPath: {path: /srv/data}")])
    quiet(RULE, source, config={"rules": {"KS007": "off"}})
