from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS215"


def ing(annotations: str, api: str = "networking.k8s.io/v1") -> str:
    return f"apiVersion: {api}\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n{annotations}spec:\n  rules: [{{host: web.example.com}}]\n"


FIRES = [
    pytest.param(ing("    nginx.ingress.kubernetes.io/configuration-snippet: |\n      more_set_headers 'X: y';\n"), [6],
                 id="configuration-snippet"),
    pytest.param(ing("    nginx.ingress.kubernetes.io/ssl-redirect: 'true'\n    nginx.ingress.kubernetes.io/server-snippet: 'location /x {}'\n"),
                 [7], id="server-snippet-second"),
    pytest.param(ing("    nginx.org/server-snippets: x\n    custom.io/auth-snippet: y\n", "extensions/v1beta1"), [6, 7],
                 id="other-prefixes-old-api"),
]

QUIET = [
    pytest.param(ing("    nginx.ingress.kubernetes.io/ssl-redirect: 'true'\n"), id="ordinary-annotation"),
    pytest.param(ing("    description: uses a snippet-free config\n".replace("snippet-free", "plain")), id="no-snippet-key"),
    pytest.param("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    x/configuration-snippet: y\n",
                 id="not-an-ingress"),
    pytest.param(ing("    nginx.ingress.kubernetes.io/server-snippet: x  # k8slint: ignore=CKV_K8S_153\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)
