from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS193"
ON = {"rules": {RULE: "on"}}


def cm(data: str) -> str:
    return f"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n{data}"


FIRES = [
    pytest.param(cm("  DB_HOST: db\n  DB_USER: shop-admin\n"), [7], id="db-user"),
    pytest.param(cm("  smtpUsername: mailer-prod\n"), [6], id="camel-case-username"),
    pytest.param(cm("  ALERTS_TO: jane.doe@acme-corp.com\n"), [6], id="email-value-any-key"),
    pytest.param(cm("  admin-email: \"ops@shop.io\"\n  notify: bob@shop.io\n"), [6, 7], id="email-key-and-value"),
]

QUIET = [
    pytest.param(cm("  USER_AGENT: shop-client\n  username_claim: preferred_username\n"), id="near-miss-user-words-not-last"),
    pytest.param(cm("  DB_USER: ${DB_USER}\n  RUN_AS_USER: \"1000\"\n  email: \"\"\n"), id="placeholder-number-empty"),
    pytest.param(cm("  ADMIN_EMAIL: admin@example.com\n  CONTACT: ops@cluster.local\n"), id="reserved-domains"),
    pytest.param(cm("  config.ini: |\n    user = shop\n    email = jane@acme-corp.com\n"), id="multi-line-file"),
    pytest.param(cm("  IMAGE: registry.io/shop@sha256:abc\n  GIT_URL: git@github.com:org/repo.git\n"), id="digest-and-git-url"),
    pytest.param(cm("  DB_USER: shop-admin  # k8slint: ignore=KSV01010\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=ON)


def test_off_by_default():
    quiet(RULE, cm("  DB_USER: shop-admin\n"))


def test_value_never_in_message():
    found = fires(RULE, cm("  DB_USER: shop-admin\n  TO: jane.doe@acme-corp.com\n"), lines=[6, 7], config=ON)
    assert all("shop-admin" not in f.message and "jane" not in f.message for f in found)
