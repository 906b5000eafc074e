"""DF006 secret-in-build-env: a literal credential in ENV or an ARG default."""
from __future__ import annotations

import pytest

from linter.testing import fires, lint, quiet

RULE = "DF006"

FIRES = [
    pytest.param("""\
        FROM alpine:3.20
        ENV DB_PASSWORD=s3cr3t-Passw0rd
        """, [2], [5], id="env-password"),
    pytest.param("""\
        FROM node:20
        ARG NPM_TOKEN=npm_a1b2c3d4e5f6
        """, [2], [5], id="arg-default-token"),
    pytest.param("""\
        ARG REGISTRY_PASSWORD=hunter2-but-longer
        FROM alpine:3.20
        """, [1], [5], id="global-arg-before-from"),
    pytest.param("""\
        FROM alpine:3.20
        ENV API_KEY sk-live-1234567890
        """, [2], [5], id="legacy-env-form"),
    pytest.param("""\
        FROM alpine:3.20
        ENV APP_ENV=prod GITHUB_TOKEN=ghp_abcdefghijklmnop
        """, [2], [18], id="second-pair-of-an-env"),
    pytest.param("""\
        FROM alpine:3.20
        ENV MY_DB_PASSWORD=abcd1234x DB_PASSWORD=hunter2-long
        """, [2, 2], [5, 30], id="points-at-each-name-not-inside-a-longer-one"),
    pytest.param("""\
        FROM alpine:3.20
        ENV APP_ENV=prod \\
            AWS_SECRET_ACCESS_KEY="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
        """, [3], [5], id="quoted-value-on-continuation-line"),
    pytest.param("""\
        FROM alpine:3.20
        ENV clientSecret=Zm9vYmFyYmF6cXV4
        """, [2], [5], id="camel-case-name"),
]

QUIET = [
    pytest.param("""\
        FROM alpine:3.20
        ENV DB_PASSWORD_FILE=/run/secrets/db-password
        """, id="password-file-path"),
    pytest.param("""\
        FROM alpine:3.20
        ENV PASSWORD_FILE=db-password.txt
        """, id="near-miss-name-is-a-file-reference"),
    pytest.param("""\
        FROM alpine:3.20
        ENV TOKEN_TTL=3600s
        """, id="near-miss-name-is-a-setting"),
    pytest.param("""\
        FROM alpine:3.20
        ENV DB_PASSWORD=$DB_PASSWORD
        """, id="variable-reference"),
    pytest.param("""\
        FROM alpine:3.20
        ENV DB_PASSWORD=$(OTHER)
        """, id="kubernetes-style-reference"),
    pytest.param("""\
        FROM alpine:3.20
        ENV DB_PASSWORD=/run/secrets/x
        """, id="path-value"),
    pytest.param("""\
        FROM alpine:3.20
        ENV AUTH_TOKEN=true
        """, id="boolean-value"),
    pytest.param("""\
        FROM alpine:3.20
        ENV DB_PASSWORD=changeme
        """, id="placeholder-value"),
    pytest.param("""\
        FROM alpine:3.20
        ARG NPM_TOKEN
        RUN --mount=type=secret,id=npm_token npm ci
        """, id="arg-without-default"),
    pytest.param("""\
        FROM python:3.12
        ENV TOKENIZER_MODEL=bert-base-uncased JWT_ALGORITHM=RS256
        """, id="near-miss-token-inside-a-longer-word-and-jwt-setting"),
    pytest.param("""\
        FROM alpine:3.20
        LABEL password=hunter2-but-longer
        """, id="near-miss-not-env-or-arg"),
    pytest.param("""\
        FROM alpine:3.20
        # k8slint ignore=DF006 -- test fixture, not a real credential
        ENV DB_PASSWORD=s3cr3t-Passw0rd
        """, id="suppressed-by-id-with-reason"),
    pytest.param("""\
        # k8slint global ignore=secret-in-build-env
        FROM alpine:3.20
        ENV DB_PASSWORD=s3cr3t-Passw0rd
        """, id="suppressed-file-wide-by-name"),
]

SECRETS = [
    pytest.param("""\
        FROM alpine:3.20
        ENV DB_PASSWORD=s3cr3t-Passw0rd
        """, "s3cr3t-Passw0rd", id="env"),
    pytest.param("""\
        FROM alpine:3.20
        ARG GITHUB_TOKEN=ghp_abcdefghijklmnop
        """, "ghp_abcdefghijklmnop", id="arg"),
    pytest.param("""\
        FROM alpine:3.20
        ENV API_KEY sk-live-1234567890
        """, "sk-live-1234567890", id="legacy-env"),
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)


@pytest.mark.parametrize("source, secret", SECRETS)
def test_secret_value_is_never_printed(source, secret):
    found = lint(source)
    mine = [f for f in found if f.rule_id == RULE]
    assert mine, "the case must fire"
    assert all(f.redact for f in mine)
    for f in found:
        assert secret not in f.message


def test_can_be_turned_off():
    source = "FROM alpine:3.20\nENV DB_PASSWORD=s3cr3t-Passw0rd\n"
    fires(RULE, source, lines=[2])
    quiet(RULE, source, config={"rules": {"DF006": "off"}})
