from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, quiet

RULE = "KS162"


def pod(ports: str, section: str = "containers") -> str:
    return f"apiVersion: v1\nkind: Pod\nmetadata: {{name: web}}\nspec:\n  {section}:\n    - name: web\n      image: nginx:1.27\n      ports:\n{ports}"


DUP = "        - {name: http, containerPort: 8080}\n        - {name: http, containerPort: 8443}\n"

FIRES = [
    pytest.param(pod(DUP), [10], id="duplicate-name"),
    pytest.param(pod("        - {name: http, containerPort: 0}\n"), [9], id="port-zero"),
    pytest.param(pod(DUP, "initContainers"), [10], id="init-container"),
    pytest.param(pod(DUP + "        - {name: http, containerPort: 9090}\n"), [10, 11], id="three-times"),
    pytest.param(for_each_workload("containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n"
                                   "      - {name: m, containerPort: 1}\n      - {name: m, containerPort: 2}\n")["StatefulSet"],
                 [17], id="statefulset"),
]

QUIET = [
    pytest.param(pod("        - {name: http, containerPort: 8080}\n        - {name: https, containerPort: 8443}\n"), id="unique-names"),
    pytest.param(pod("        - {containerPort: 8080}\n        - {containerPort: 8443}\n"), id="unnamed-ports"),
    pytest.param("apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n"
                 "    - {name: a, image: a:1, ports: [{name: http, containerPort: 80}]}\n"
                 "    - {name: b, image: b:1, ports: [{name: http, containerPort: 81}]}\n", id="same-name-in-two-containers"),
    pytest.param(pod("        - {name: http, containerPort: 8080, protocol: TCP}\n        - {name: http-udp, containerPort: 8080, protocol: UDP}\n"),
                 id="same-number-two-protocols"),
    pytest.param(pod(DUP.replace("8443}", "8443}  # k8slint: ignore=container-ports-check")), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)
