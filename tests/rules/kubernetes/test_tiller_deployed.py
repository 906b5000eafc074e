"""KS180 tiller-deployed: Helm v2's Tiller Deployment or Service."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, quiet

RULE = "KS180"

DEPLOY = """\
    apiVersion: apps/v1
    kind: Deployment
    metadata: {{name: tiller-deploy, namespace: kube-system}}
    spec:
      selector: {{matchLabels: {{app: helm, name: tiller}}}}
      template:
        metadata: {{labels: {{app: helm, name: tiller}}}}
        spec:
          containers:
            - name: tiller
              image: {image}
    """

SERVICE = """\
    apiVersion: v1
    kind: Service
    metadata: {{name: tiller-deploy, namespace: kube-system}}
    spec:
      {body}
    """

FIRES = [
    pytest.param(DEPLOY.format(image="gcr.io/kubernetes-helm/tiller:v2.16.12"), [11], [18], id="gcr-tiller-image"),
    pytest.param(DEPLOY.format(image="ghcr.io/helm/tiller@sha256:" + "a" * 64), [11], [18], id="tiller-by-digest"),
    pytest.param(SERVICE.format(body="selector: {app: helm, name: tiller}\n      ports: [{port: 44134}]"), [5], [13],
                 id="service-selecting-tiller"),
    pytest.param(SERVICE.format(body="selector: {app: helm-v2}\n      ports: [{name: grpc, port: 44134, targetPort: tiller}]"), [6], [11],
                 id="service-on-tiller-port"),
]

QUIET = [
    pytest.param(DEPLOY.format(image="alpine/helm:3.15.2"), id="helm-3-client"),
    pytest.param(DEPLOY.format(image="example/distiller:1.0"), id="near-miss-tiller-substring"),
    pytest.param(DEPLOY.format(image="example/tiller-proxy:1.0"), id="near-miss-other-image-named-like-tiller"),
    pytest.param(SERVICE.format(body="selector: {app: helm}\n      ports: [{port: 8080}]"), id="service-selecting-other-helm-app"),
    pytest.param(DEPLOY.format(image="gcr.io/kubernetes-helm/tiller:v2.16.12  # k8slint: ignore=tiller-deployed -- legacy"),
                 id="suppressed"),
]


@pytest.mark.parametrize("src, lines, columns", FIRES)
def test_fires(src, lines, columns):
    fires(RULE, src, lines=lines, columns=columns)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)


@pytest.mark.parametrize("kind, src", sorted(for_each_workload("""\
    containers:
      - name: tiller
        image: gcr.io/kubernetes-helm/tiller:v2.17.0
    """).items()))
def test_every_workload_kind(kind, src):
    line = next(n for n, l in enumerate(src.splitlines(), 1) if "tiller:v2.17.0" in l)
    fires(RULE, src, lines=[line])
