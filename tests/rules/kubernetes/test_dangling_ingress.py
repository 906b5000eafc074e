import pytest

from linter.testing import fires, lint_files, quiet

SVC = """\
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80}]
"""


def ing(backend: str) -> str:
    return f"""\
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {{name: web}}
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend: {backend}
"""


LEGACY = """\
apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: web}
spec:
  backend:
    serviceName: webb
    servicePort: 80
"""

FIRES = [
    pytest.param(ing("{service: {name: web-svc, port: {number: 80}}}") + SVC, [10], [39], id="unknown-service"),
    pytest.param(ing("{service: {name: web, port: {number: 8080}}}") + SVC, [10], [59], id="unknown-port-number"),
    pytest.param(ing("{service: {name: web, port: {name: https}}}") + SVC, [10], [57], id="unknown-port-name"),
    pytest.param(LEGACY + SVC, [6], [18], id="legacy-service-name"),
    pytest.param("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n"
                 "  defaultBackend: {service: {name: nope, port: {number: 80}}}\n" + SVC, [5], [36], id="default-backend"),
]

QUIET = [
    pytest.param(ing("{service: {name: web, port: {number: 80}}}") + SVC, id="service-and-port-exist"),
    pytest.param(ing("{service: {name: web, port: {name: http}}}") + SVC, id="named-port-exists"),
    pytest.param(LEGACY.replace("webb", "web") + SVC, id="legacy-form-exists"),
    pytest.param(ing("{service: {name: web-svc, port: {number: 80}}}"), id="no-service-in-run"),
    pytest.param(ing("{service: {name: web-svc, port: {number: 80}}}") + SVC.replace("name: web}", "name: web, namespace: other}"),
                 id="services-only-in-other-namespace"),
    pytest.param(ing("{resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: assets}}") + SVC, id="resource-backend"),
    pytest.param(ing("{service: {name: web-svc, port: {number: 80}}}  # k8slint: ignore=dangling-ingress") + SVC, id="suppressed"),
]


@pytest.mark.parametrize("src,lines,columns", FIRES)
def test_fires(src, lines, columns):
    fires("dangling-ingress", src, lines=lines, columns=columns)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("dangling-ingress", src)


def test_across_files():
    found = lint_files({"ing.yaml": ing("{service: {name: api, port: {number: 80}}}"), "svc.yaml": SVC})
    assert [(f.path, f.line) for f in found if f.rule_id == "KS302"] == [("ing.yaml", 10)]
