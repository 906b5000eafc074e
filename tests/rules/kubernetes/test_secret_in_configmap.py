from __future__ import annotations

import pytest

from linter.testing import fires, lint, quiet

RULE = "KS207"


def cm(data: str) -> str:
    return f"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: api}}\ndata:\n{data}"


FIRES = [
    pytest.param(cm("  DB_HOST: db.internal\n  DB_PASSWORD: s3cr3t-Pa55\n"), [6], id="password-key"),
    pytest.param(cm("  api-key: 0123456789abcdef\n  clientSecret: q8w7e6r5t4\n"), [5, 6], id="kebab-and-camel-keys"),
    pytest.param(cm("  tls.key: |\n    -----BEGIN RSA PRIVATE KEY-----\n    MIIEow\n    -----END RSA PRIVATE KEY-----\n"), [5],
                 id="pem-private-key"),
]

QUIET = [
    pytest.param(cm("  DB_PASSWORD_FILE: /run/secrets/db\n  TOKEN_TTL: 24h\n"), id="reference-keys"),
    pytest.param(cm("  DB_PASSWORD: ''\n  API_KEY: changeme\n  AUTH_TOKEN: ${AUTH_TOKEN}\n"), id="empty-placeholder-reference"),
    pytest.param(cm("  secret.yaml: |\n    kind: Secret\n    name: x\n"), id="multi-line-file-under-secret-key"),
    pytest.param(cm("  TOKENIZER: bert-base\n  tokens_enabled: 'true'\n"), id="near-miss-names"),
    pytest.param(cm("  password_encryption: scram-sha-256\n  secret_store: vault\n"), id="setting-named-after-secret"),
    pytest.param("apiVersion: v1\nkind: Secret\nmetadata: {name: api}\nstringData:\n  DB_PASSWORD: s3cr3t-Pa55\n", id="secret-not-configmap"),
    pytest.param(cm("  DB_PASSWORD: s3cr3t-Pa55  # k8slint: ignore=configmap-with-credentials\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)


def test_value_never_in_message():
    found = [f for f in lint(cm("  DB_PASSWORD: s3cr3t-Pa55\n")) if f.rule_id == RULE]
    assert found and all("s3cr3t" not in f.message and f.redact for f in found)
