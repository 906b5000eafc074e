"""KS006 nodeport-service: a core Service of type NodePort."""
from __future__ import annotations

import pytest

from linter.testing import fires, lint, quiet

RULE = "KS006"

FIRES = [
    pytest.param("""\
        apiVersion: v1
        kind: Service
        metadata: {name: gateway}
        spec:
          type: NodePort
          selector: {app: gateway}
          ports:
            - port: 8080
              nodePort: 31112
        """, [5], [9], id="nodeport"),
    pytest.param("""\
        apiVersion: v1
        kind: Service
        metadata: {name: a}
        spec: {type: ClusterIP, ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cfg}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: b}
        spec:
          ports: [{port: 80}]
          type: NodePort
        """, [15], [9], id="third-document-of-a-multi-document-file"),
    pytest.param("""\
        apiVersion: v1
        kind: Service
        metadata: {name: gateway}
        spec: {selector: {app: gateway}, type: NodePort}
        """, [4], [40], id="flow-style-spec"),
    pytest.param("""\
        apiVersion: v1
        kind: ServiceList
        items:
          - apiVersion: v1
            kind: Service
            metadata: {name: gateway}
            spec:
              type: "NodePort"
        """, [8], [13], id="item-of-a-list-quoted"),
]

QUIET = [
    pytest.param("""\
        apiVersion: v1
        kind: Service
        metadata: {name: gateway}
        spec:
          type: LoadBalancer
          ports: [{port: 443, nodePort: 30443}]
        """, id="near-miss-load-balancer-with-a-node-port"),
    pytest.param("""\
        apiVersion: v1
        kind: Service
        metadata: {name: gateway}
        spec:
          type: ClusterIP
          ports: [{port: 8080}]
        """, id="cluster-ip"),
    pytest.param("""\
        apiVersion: v1
        kind: Service
        metadata: {name: db}
        spec:
          clusterIP: None
          selector: {app: db}
          ports: [{port: 5432}]
        """, id="headless"),
    pytest.param("""\
        apiVersion: v1
        kind: Service
        metadata: {name: default-type}
        spec:
          ports: [{port: 80}]
        """, id="default-type"),
    pytest.param("""\
        apiVersion: serving.knative.dev/v1
        kind: Service
        metadata: {name: hello}
        spec:
          type: NodePort
        """, id="near-miss-service-of-another-api-group"),
    pytest.param("""\
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cfg}
        data:
          type: NodePort
        """, id="near-miss-not-a-service"),
    pytest.param("""\
        apiVersion: v1
        kind: Service
        metadata: {name: gateway}
        spec:
          type: NodePort  # k8slint ignore=KS006 -- bare-metal cluster without a load balancer
        """, id="suppressed-by-trailing-comment"),
    pytest.param("""\
        apiVersion: v1
        kind: Service
        metadata: {name: gateway}
        spec:
          # k8slint ignore=nodeport-service
          type: NodePort
        """, id="suppressed-by-comment-on-the-line-above"),
    pytest.param("""\
        apiVersion: v1
        kind: Service
        metadata:
          name: gateway
          annotations:
            k8slint.io/ignore: "KS006"
        spec:
          type: NodePort
        """, id="suppressed-by-object-annotation"),
    pytest.param("""\
        apiVersion: v1
        kind: Service
        metadata:
          name: gateway
          annotations:
            ignore-check.kube-linter.io/service-type: "exposed to the office LAN on purpose"
        spec:
          type: NodePort
        """, id="suppressed-by-kube-linter-annotation"),
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    assert not [f for f in lint(source) if f.rule_id == "KL001"], "the case must parse"
    quiet(RULE, source)


def test_can_be_turned_off():
    source = "apiVersion: v1\nkind: Service\nmetadata: {name: gateway}\nspec: {type: NodePort}\n"
    fires(RULE, source, lines=[4])
    quiet(RULE, source, config={"rules": {"KS006": "off"}})
