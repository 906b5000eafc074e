from __future__ import annotations

import pytest

from linter.testing import for_each_workload, fires, lint, quiet

RULE = "KS206"


def pod(body: str) -> str:
    return for_each_workload("containers:\n  - name: app\n    image: example/app:1.0.0\n" + body)["Pod"]


FIRES = [
    pytest.param(pod('    args: ["--host=db", "--password=s3cr3t-Pa55"]\n'), [9], id="inline-flag-value"),
    pytest.param(pod("    args:\n      - --api-key\n      - abcdef123456\n"), [11], id="flag-then-value"),
    pytest.param(pod("    command:\n      - sh\n      - -c\n      - MYSQL_ROOT_PASSWORD=hunter22 mysqld --user=mysql\n"), [12],
                 id="assignment-in-shell-script"),
    pytest.param(pod("    command: [/app, '--db-token=tok_live_1234']\n    args: ['--client-secret', 'xyzzy-1234']\n"), [9, 10],
                 id="command-and-args"),
    pytest.param(for_each_workload("initContainers:\n  - name: init\n    image: example/init:1.0\n    args: ['--auth-token=abcd1234']\n"
                                   "containers: []\n")["CronJob"], [14], id="init-container-in-cronjob"),
    pytest.param(pod("    args: ['--db-url=postgres://app:s3cr3t-pw@db:5432/app']\n"), [9], id="password-in-url"),
]

QUIET = [
    pytest.param(pod('    args: ["--password=$(DB_PASSWORD)"]\n'), id="env-reference"),
    pytest.param(pod('    args: ["--password-file=/run/secrets/db", "--token-ttl=24h"]\n'), id="file-and-setting-flags"),
    pytest.param(pod('    args: ["--secret-name=db-creds", "--enable-bearer-token-auth=true"]\n'), id="reference-and-boolean"),
    pytest.param(pod("    args: ['--password', '$(DB_PASSWORD)']\n"), id="separate-reference"),
    pytest.param(pod("    command: [sh, -c, 'echo $PASSWORD | login --password-stdin']\n"), id="stdin-flag"),
    pytest.param(pod("    args: ['--password=changeme']\n"), id="placeholder"),
    pytest.param(pod("    args: ['--db-url=postgres://app:$(DB_PASSWORD)@db/app', 'http://user@host:8080/x']\n"), id="url-with-reference"),
    pytest.param(pod("    args: ['--password=s3cr3t-Pa55']  # k8slint: ignore=KS206\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)


def test_value_never_in_message_and_redacted():
    found = [f for f in lint(pod('    args: ["--password=s3cr3t-Pa55"]\n')) if f.rule_id == RULE]
    assert found and all("s3cr3t" not in f.message and f.redact for f in found)
