import pytest

from linter.testing import lint_files

RULE = "KS321"
DF = "FROM alpine:3.20\nUSER 10001\nEXPOSE 8080/tcp 9090\n"


def pod(container: str, image: str = "acme/api:1.0") -> str:
    return f"apiVersion: v1\nkind: Pod\nmetadata: {{name: api}}\nspec:\n  containers:\n    - name: api\n      image: {image}\n{container}"


def found(files):
    return [(f.path, f.line, f.column) for f in lint_files(files) if f.rule_id == RULE]


FIRES = [
    pytest.param({"api/Dockerfile": DF, "p.yaml": pod("      ports: [{containerPort: 8081}]\n")}, [("p.yaml", 8, 31)], id="port-not-exposed"),
    pytest.param({"api/Dockerfile": DF, "p.yaml": pod("      ports: [{containerPort: 8080}, {containerPort: 7000}]\n")},
                 [("p.yaml", 8, 54)], id="second-port"),
    pytest.param({"api/Dockerfile": DF, "p.yaml": pod("      livenessProbe: {tcpSocket: {port: 7070}}\n")},
                 [("p.yaml", 8, 41)], id="probe-port"),
    pytest.param({"api/Dockerfile": "FROM alpine AS base\nEXPOSE 80\nFROM base\nUSER 1\n", "p.yaml": pod("      ports: [{containerPort: 8080}]\n")},
                 [("p.yaml", 8, 31)], id="expose-in-parent-stage"),
]
QUIET = [
    pytest.param({"api/Dockerfile": DF, "p.yaml": pod("      ports: [{containerPort: 8080}, {containerPort: 9090}]\n")}, id="all-exposed"),
    pytest.param({"api/Dockerfile": "FROM alpine:3.20\n", "p.yaml": pod("      ports: [{containerPort: 8081}]\n")}, id="no-expose-at-all"),
    pytest.param({"api/Dockerfile": "FROM alpine\nARG PORT=8081\nEXPOSE $PORT\n", "p.yaml": pod("      ports: [{containerPort: 8081}]\n")},
                 id="expose-from-arg-default"),
    pytest.param({"api/Dockerfile": "FROM alpine\nEXPOSE $PORT\n", "p.yaml": pod("      ports: [{containerPort: 8081}]\n")},
                 id="unreadable-expose"),
    pytest.param({"api/Dockerfile": DF, "p.yaml": pod("      livenessProbe: {httpGet: {port: http}}\n")}, id="named-probe-port"),
    pytest.param({"api/Dockerfile": DF, "p.yaml": pod("      ports: [{containerPort: 8081}]\n", image="acme/web:1")}, id="other-image"),
    pytest.param({"api/Dockerfile": DF, "p.yaml": pod("      ports: [{containerPort: 8081}]  # k8slint: ignore=KS321\n")}, id="suppressed"),
]


@pytest.mark.parametrize("files,expected", FIRES)
def test_fires(files, expected):
    assert found(files) == expected


@pytest.mark.parametrize("files", QUIET)
def test_quiet(files):
    assert found(files) == []


def test_images_option():
    files = {"build/backend/Dockerfile": DF, "p.yaml": pod("      ports: [{containerPort: 8081}]\n")}
    assert found(files) == []
    got = [f.line for f in lint_files(files, config={"rules": {RULE: {"images": {"acme/api": "backend/Dockerfile"}}}})
           if f.rule_id == RULE]
    assert got == [8]
