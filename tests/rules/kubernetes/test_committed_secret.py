from __future__ import annotations

import pytest

from linter.testing import fires, lint, quiet

RULE = "KS208"


def secret(body: str, extra: str = "") -> str:
    return f"apiVersion: v1\nkind: Secret\nmetadata: {{name: db}}\n{extra}{body}"


FIRES = [
    pytest.param(secret("data:\n  password: aHVudGVyMi1idXQtbG9uZ2Vy\n"), [4], id="base64-data"),
    pytest.param(secret("stringData:\n  password: hunter2-but-longer\n"), [4], id="string-data"),
    pytest.param(secret("data:\n  user: ''\n  tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2UUlCQURBTkJna3Foa2lHOXcwQkFRRUZBQVNDCi0tLS0tRU5EIFBSSVZBVEUgS0VZLS0tLS0K\n",
                        "type: kubernetes.io/tls\n"), [5], id="tls-secret-one-real-value"),
]

QUIET = [
    pytest.param(secret("data:\n  password: ''\n  token: ''\n"), id="empty-values"),
    pytest.param(secret("stringData:\n  password: '{{ .Values.password }}'\n  token: <token>\n"), id="templated-and-placeholder"),
    pytest.param(secret("data:\n  password: Y2hhbmdlbWU=\n"), id="base64-placeholder"),
    pytest.param(secret("", "type: kubernetes.io/service-account-token\n"), id="service-account-token"),
    pytest.param(secret("data:\n  ca.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUMKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=\n"),
                 id="public-ca-certificate"),
    pytest.param(secret("data:\n  ca.crt: VEVTVFJPT1RDQVMz\n  tls.ca: VEVTVFJPT1RDQVMz\n  tls.crt: VEVTVFJPT1RDQVMz\n"), id="certificate-key-names"),
    pytest.param("apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata: {name: db}\nspec:\n  encryptedData:\n    password: AgBy8hCi\n",
                 id="sealed-secret"),
    pytest.param(secret("data:  # k8slint: ignore=KS208\n  password: aHVudGVyMi1idXQtbG9uZ2Vy\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)


def test_names_keys_not_values():
    found = [f for f in lint(secret("stringData:\n  password: hunter2-but-longer\n")) if f.rule_id == RULE]
    assert found and "`password`" in found[0].message and "hunter2" not in found[0].message and found[0].redact
