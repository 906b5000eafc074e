import pytest

from linter.testing import fires, lint_files, quiet


def deploy(ports: str = "[{name: http, containerPort: 8080}]") -> str:
    return f"""\
---
apiVersion: apps/v1
kind: Deployment
metadata: {{name: api}}
spec:
  selector: {{matchLabels: {{app: api}}}}
  template:
    metadata: {{labels: {{app: api}}}}
    spec:
      containers:
        - name: api
          image: "example/api:1.2.0"
          ports: {ports}
"""


def svc(ports: str, selector: str = "{app: api}") -> str:
    return f"apiVersion: v1\nkind: Service\nmetadata: {{name: api}}\nspec:\n  selector: {selector}\n  ports:\n{ports}"


FIRES = [
    pytest.param(svc("    - {port: 80, targetPort: web}\n") + deploy(), [7], [30], id="unknown-port-name"),
    pytest.param(svc("    - {port: 80, targetPort: 9090}\n") + deploy(), [7], [30], id="number-not-declared"),
    pytest.param(svc("    - port: 8081\n") + deploy(), [7], [13], id="port-used-as-target-not-declared"),
    pytest.param(svc("    - {port: 80, targetPort: http}\n    - {port: 81, targetPort: metrics}\n") + deploy(), [8], [30],
                 id="second-port-wrong"),
    pytest.param(svc("    - {port: 80, targetPort: http}\n") + deploy("[{containerPort: 8080}]"), [7], [30],
                 id="name-used-but-ports-unnamed"),
]

QUIET = [
    pytest.param(svc("    - {port: 80, targetPort: http}\n") + deploy(), id="named-port-exists"),
    pytest.param(svc("    - {port: 80, targetPort: 8080}\n") + deploy(), id="numeric-port-declared"),
    pytest.param(svc("    - {port: 80, targetPort: \"8080\"}\n") + deploy(), id="numeric-string-declared"),
    pytest.param(svc("    - {port: 80, targetPort: 9090}\n") + deploy("[]"), id="no-ports-declared-numeric-near-miss"),
    pytest.param(svc("    - {port: 80, targetPort: web}\n", selector="{app: other}") + deploy(), id="selects-nothing"),
    pytest.param(svc("    - {port: 80, targetPort: 9090}\n") + deploy().replace("          ports:", "          args: [--metrics-port=9090]\n          ports:"),
                 id="undeclared-port-named-in-args"),
    pytest.param(svc("    - {port: 80, targetPort: web}  # k8slint: ignore=unexposed-service-target-port\n") + deploy(),
                 id="suppressed"),
]


@pytest.mark.parametrize("src,lines,columns", FIRES)
def test_fires(src, lines, columns):
    fires("unexposed-service-target-port", src, lines=lines, columns=columns)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("unexposed-service-target-port", src)


def test_across_files():
    found = lint_files({"a/svc.yaml": svc("    - {port: 80, targetPort: web}\n"), "b/deploy.yaml": deploy()})
    assert [(f.path, f.line) for f in found if f.rule_id == "KS301"] == [("a/svc.yaml", 7)]
