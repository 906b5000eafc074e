"""KS004 secret-in-env-value: a credential inlined as a literal container `env` value."""
from __future__ import annotations

import pytest

from linter.testing import WORKLOAD_KINDS, fires, for_each_workload, lint, quiet

RULE = "KS004"


def pod(env: str, annotation: str = "") -> str:
    """A Pod whose one container has `env` (YAML list items, indented 8), with an optional annotation."""
    metadata = f"metadata: {{name: api, annotations: {{{annotation}}}}}\n" if annotation else "metadata: {name: api}\n"
    return (
        "apiVersion: v1\n"
        "kind: Pod\n"
        + metadata +
        "spec:\n"
        "  containers:\n"
        "    - name: api\n"
        "      image: example/api:1.0.0\n"
        "      env:\n" + env
    )


FIRES = [
    pytest.param(pod("""\
        - name: DB_PASSWORD
          value: hunter2-but-longer
"""), [10], [18], id="password"),
    pytest.param(pod("""\
        - name: LOG_LEVEL
          value: debug
        - name: GITHUB_TOKEN
          value: "ghp_abcdefghijklmnop"
"""), [12], [18], id="only-the-secret-entry-quoted-value"),
    pytest.param(pod("""\
        - {name: STRIPE_API_KEY, value: sk_live_1234567890}
"""), [9], [41], id="flow-style-entry"),
    pytest.param(pod("""\
        - name: clientSecret
          value: Zm9vYmFyYmF6cXV4
"""), [10], [18], id="camel-case-name"),
    pytest.param(pod("""\
        - name: REDIS_PASSWORD
          value: "$(ENV)-hunter2-but-longer-$(REGION)"
"""), [10], [18], id="literal-between-references"),
    pytest.param("""\
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: backup}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  initContainers:
                    - name: fetch
                      image: example/fetch:1.0.0
                      env:
                        - name: AWS_SECRET_ACCESS_KEY
                          value: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
                  containers:
                    - name: backup
                      image: example/backup:2.4.1
        """, [16], [26], id="init-container-of-a-cronjob"),
]

QUIET = [
    pytest.param(pod("""\
        - name: DB_PASSWORD
          valueFrom:
            secretKeyRef: {name: api-db, key: password}
"""), id="secret-key-ref"),
    pytest.param(pod("""\
        - name: PASSWORD_FILE
          value: db-password
        - name: TOKEN_TTL
          value: 1h30m
"""), id="near-miss-names-of-settings-not-secrets"),
    pytest.param(pod("""\
        - name: DB_PASSWORD
          value: $DB_PASSWORD
        - name: API_TOKEN
          value: $(OTHER)
        - name: REDIS_CREDENTIALS
          value: $(REDIS_USER):$(REDIS_PASSWORD)
"""), id="variable-references"),
    pytest.param(pod("""\
        - name: DB_PASSWORD
          value: /run/secrets/x
"""), id="path-value"),
    pytest.param(pod("""\
        - name: REQUIRE_TOKEN
          value: "true"
        - name: DB_PASSWORD
          value: changeme
"""), id="boolean-and-placeholder-values"),
    pytest.param(pod("""\
        - name: TOKENIZER_MODEL
          value: bert-base-uncased
        - name: JWT_ALGORITHM
          value: RS256
"""), id="near-miss-token-inside-a-longer-word-and-jwt-setting"),
    pytest.param("""\
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: api}
        data:
          DB_PASSWORD: hunter2-but-longer
        """, id="near-miss-not-a-container-env"),
    pytest.param(pod("""\
        - name: DB_PASSWORD
          value: hunter2-but-longer  # k8slint ignore=KS004 -- throwaway CI database
"""), id="suppressed-by-trailing-comment"),
    pytest.param(pod("""\
        - name: DB_PASSWORD
          # k8slint ignore=secret-in-env-value
          value: hunter2-but-longer
"""), id="suppressed-by-comment-on-the-line-above"),
    pytest.param(pod("""\
        - name: DB_PASSWORD
          value: hunter2-but-longer
""", annotation='k8slint.io/ignore: "KS004"'), id="suppressed-by-object-annotation"),
    pytest.param(pod("""\
        - name: DB_PASSWORD
          value: hunter2-but-longer
""", annotation="ignore-check.kube-linter.io/env-var-secret: local only"),
                 id="suppressed-by-kube-linter-annotation"),
]

SECRETS = [
    pytest.param(pod("""\
        - name: DB_PASSWORD
          value: hunter2-but-longer
"""), "hunter2-but-longer", id="plain"),
    pytest.param(pod("""\
        - name: GITHUB_TOKEN
          value: "ghp_abcdefghijklmnop"
"""), "ghp_abcdefghijklmnop", id="quoted"),
    pytest.param(pod("""\
        - {name: STRIPE_API_KEY, value: sk_live_1234567890}
"""), "sk_live_1234567890", id="flow-style"),
]

WORKLOADS = for_each_workload("""\
    initContainers:
      - name: init
        image: busybox:1.36
        env: [{name: REGISTRY_PASSWORD, value: hunter2-but-longer}]
    containers:
      - name: app
        image: nginx:1.27
        env:
          - name: API_TOKEN
            value: tok_abcdef123456
    """)


def line_of(source: str, text: str) -> int:
    (line,) = [n for n, content in enumerate(source.splitlines(), 1) if text in content]
    return line


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    assert not [f for f in lint(source) if f.rule_id == "KL001"], "the case must parse"
    quiet(RULE, source)


@pytest.mark.parametrize("source, secret", SECRETS)
def test_secret_value_is_never_printed(source, secret):
    found = lint(source)
    mine = [f for f in found if f.rule_id == RULE]
    assert mine, "the case must fire"
    assert all(f.redact for f in mine)
    for f in found:
        assert secret not in f.message


@pytest.mark.parametrize("kind", WORKLOAD_KINDS)
def test_fires_in_every_pod_bearing_kind(kind):
    source = WORKLOADS[kind]
    fires(RULE, source, lines=[line_of(source, "REGISTRY_PASSWORD"), line_of(source, "tok_abcdef123456")])


def test_can_be_turned_off():
    source = WORKLOADS["Deployment"]
    fires(RULE, source, lines=[line_of(source, "REGISTRY_PASSWORD"), line_of(source, "tok_abcdef123456")])
    quiet(RULE, source, config={"rules": {"KS004": "off"}})
