from __future__ import annotations

import pytest

from linter.testing import for_each_workload, fires, quiet

RULE = "KS214"


def svc(ports: str) -> str:
    return f"apiVersion: v1\nkind: Service\nmetadata: {{name: api}}\nspec:\n  selector: {{app: api}}\n  ports:\n{ports}"


def pod(ports: str, kind: str = "Pod") -> str:
    return for_each_workload(f"containers:\n  - name: api\n    image: example/api:1.0.0\n    ports:\n{ports}")[kind]


FIRES = [
    pytest.param(svc("    - port: 80\n      targetPort: '8080'\n"), [8], id="quoted-number-is-a-name"),
    pytest.param(svc("    - port: 80\n      targetPort: 70000\n"), [8], id="number-out-of-range"),
    pytest.param(svc("    - port: 80\n      targetPort: http-metrics-port\n"), [8], id="name-too-long"),
    pytest.param(svc("    - port: 80\n      targetPort: HTTP\n"), [8], id="uppercase-name"),
    pytest.param(pod("      - containerPort: 8080\n        name: web_port\n"), [11], id="container-port-underscore"),
    pytest.param(pod("      - containerPort: 8080\n        name: my--port\n", "Deployment"), [17], id="double-dash-in-deployment"),
]

QUIET = [
    pytest.param(svc("    - port: 80\n      targetPort: 8080\n"), id="number"),
    pytest.param(svc("    - port: 80\n      targetPort: http\n    - port: 9090\n"), id="valid-name-and-default"),
    pytest.param(svc("    - port: 80\n      targetPort: '{{ .Values.port }}'\n"), id="templated"),
    pytest.param(pod("      - containerPort: 8080\n        name: http-metrics\n"), id="valid-container-port-name"),
    pytest.param(svc("    - port: 80\n      targetPort: '8080'  # k8slint: ignore=invalid-target-ports\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)
