from __future__ import annotations

import pytest

from linter.testing import fires, lint, quiet

RULE = "values-literal-secret"
KW = dict(kind="helm-values", path="values.yaml")

FIRES = [
    pytest.param("auth:\n  adminPassword: s3cr3t-Pa55\n", [2], id="password-key"),
    pytest.param("slack:\n  apiToken: xoxb-1234-abcd\n", [2], id="token-key"),
    pytest.param("oidc:\n  clientSecret: 9f8e7d6c5b4a\n", [2], id="client-secret"),
    pytest.param("env:\n  - name: DB_PASSWORD\n    value: hunter2hunter2\n", [3], id="env-style-item"),
    pytest.param("minio:\n  secretKey: minio-secret-key-123\n", [2], id="secret-key"),
    pytest.param("webhook:\n  hmacSecret: 7c1e9a0b44d2\n", [2], id="secret-suffix-with-literal"),
]
QUIET = [
    pytest.param("auth:\n  adminPassword: ''\n", id="empty"),
    pytest.param("auth:\n  existingSecret: grafana-admin\n", id="existing-secret-reference"),
    pytest.param("auth:\n  passwordKey: admin-password\n", id="key-inside-a-secret-near-miss"),
    pytest.param("auth:\n  adminPassword: changeme\n", id="placeholder"),
    pytest.param("auth:\n  adminPassword: '{{ .Release.Name }}-pw'\n", id="template"),
    pytest.param("tls:\n  secretName: gateway-tls\n", id="secret-name"),
    pytest.param("auth:\n  passwordEnabled: true\n", id="flag"),
    pytest.param("auth:\n  adminPassword: s3cr3t-Pa55  # k8slint ignore=HC011 -- demo chart\n", id="suppressed"),
    pytest.param("brokerPasswordSecret: kafka-broker-password\n", id="secret-object-name"),
    pytest.param("clusterSecretKey: cluster\n", id="key-within-a-secret"),
    pytest.param("license:\n  secretName: ''\n  secretKey: license\n", id="mapping-describes-a-secret"),
    pytest.param("tls:\n  privateKey: private.key\n", id="file-name"),
    pytest.param("env:\n  - name: OPENAI_API_KEY\n    value: $(API_KEY)\n", id="env-var-reference"),
    pytest.param("redis:\n  authKey: auth\n", id="value-is-the-key-name"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, **KW)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, **KW)


def test_value_is_never_in_the_message():
    [f] = [f for f in lint("auth:\n  adminPassword: s3cr3t-Pa55\n", **KW) if f.rule_id == "HC011"]
    assert "s3cr3t" not in f.message and f.redact
