import pytest

from linter.testing import lint_files

RULE = "KS322"
DF = "FROM alpine:3.20\nUSER 10001\nHEALTHCHECK --interval=30s CMD wget -qO- localhost:8080/healthz || exit 1\n"


def pod(container: str = "", image: str = "acme/api:1.0", init: str = "") -> str:
    return (f"apiVersion: v1\nkind: Pod\nmetadata: {{name: api}}\nspec:\n{init}  containers:\n    - name: api\n"
            f"      image: {image}\n{container}")


def found(files):
    return [(f.path, f.line) for f in lint_files(files) if f.rule_id == RULE]


FIRES = [
    pytest.param({"api/Dockerfile": DF, "p.yaml": pod()}, [("p.yaml", 6)], id="no-probe"),
    pytest.param({"Dockerfile.api": "FROM alpine AS base\nHEALTHCHECK CMD true\nFROM base\n", "p.yaml": pod()}, [("p.yaml", 6)],
                 id="healthcheck-in-parent-stage"),
    pytest.param({"api/Dockerfile": DF, "p.yaml": pod(init="  initContainers: [{name: api-init, image: \"acme/api:1.0\"}]\n")},
                 [("p.yaml", 7)], id="init-container-skipped-main-reported"),
]
QUIET = [
    pytest.param({"api/Dockerfile": DF, "p.yaml": pod("      livenessProbe: {httpGet: {path: /healthz, port: 8080}}\n")}, id="liveness"),
    pytest.param({"api/Dockerfile": DF, "p.yaml": pod("      readinessProbe: {tcpSocket: {port: 8080}}\n")}, id="readiness-only"),
    pytest.param({"api/Dockerfile": "FROM alpine\nHEALTHCHECK NONE\n", "p.yaml": pod()}, id="healthcheck-none"),
    pytest.param({"api/Dockerfile": "FROM alpine\n", "p.yaml": pod()}, id="no-healthcheck"),
    pytest.param({"api/Dockerfile": DF, "p.yaml": pod(image="acme/worker:1")}, id="other-image"),
    pytest.param({"api/Dockerfile": DF, "p.yaml": pod().replace("- name: api", "- name: api  # k8slint: ignore=KS322")}, id="suppressed"),
]


@pytest.mark.parametrize("files,expected", FIRES)
def test_fires(files, expected):
    assert found(files) == expected


@pytest.mark.parametrize("files", QUIET)
def test_quiet(files):
    assert found(files) == []


def test_images_option():
    files = {"build/backend/Dockerfile": DF, "p.yaml": pod()}
    assert found(files) == []
    got = [f.line for f in lint_files(files, config={"rules": {RULE: {"images": {"acme/api": "build/backend/Dockerfile"}}}})
           if f.rule_id == RULE]
    assert got == [6]
