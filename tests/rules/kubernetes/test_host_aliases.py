"""KS184 host-aliases (off by default)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS184"
CONFIG = {"rules": {RULE: "on"}}

POD = """\
    apiVersion: v1
    kind: Pod
    metadata: {{name: app}}
    spec:
      {aliases}
      containers:
        - name: app
          image: example/app:1.2.0
    """

FIRES = [
    pytest.param(POD.format(aliases="hostAliases: [{ip: 10.1.2.3, hostnames: [db.internal]}]"), [5], id="one-alias"),
    pytest.param(POD.format(aliases="hostAliases:\n      - {ip: 127.0.0.1, hostnames: [a, b, c, d]}"), [5], id="many-hostnames"),
    pytest.param(POD.format(aliases="hostAliases: [{ip: 10.0.0.1}]"), [5], id="alias-without-hostnames"),
]

QUIET = [
    pytest.param(POD.format(aliases="hostAliases: []"), id="empty-list"),
    pytest.param(POD.format(aliases="dnsConfig: {nameservers: [10.0.0.10]}"), id="near-miss-dns-config"),
    pytest.param(POD.format(aliases="hostAliases: not-a-list"), id="wrong-type"),
    pytest.param(POD.format(aliases="hostAliases: [{ip: 10.1.2.3, hostnames: [db]}]  # k8slint: ignore=KSV007 -- legacy"),
                 id="suppressed-by-trivy-id"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=CONFIG)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=CONFIG)


def test_off_by_default():
    quiet(RULE, POD.format(aliases="hostAliases: [{ip: 10.1.2.3, hostnames: [db.internal]}]"))
