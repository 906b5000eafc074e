from __future__ import annotations

import pytest

from linter.testing import for_each_workload, fires, quiet

RULE = "KS246"


def pod(exp: str, kind: str = "Pod") -> str:
    return for_each_workload("containers: []\nvolumes:\n  - name: token\n    projected:\n      sources:\n"
                             f"        - configMap: {{name: ca}}\n        - serviceAccountToken:\n            path: token\n{exp}")[kind]


def line_of(src: str, needle: str) -> int:
    return next(i for i, line in enumerate(src.splitlines(), 1) if needle in line)


_week = pod("            expirationSeconds: 604800\n")
_dep = pod("            expirationSeconds: 172800\n", "Deployment")
FIRES = [
    pytest.param(_week, [line_of(_week, "expirationSeconds")], None, id="one-week"),
    pytest.param(_dep, [line_of(_dep, "expirationSeconds")], None, id="two-days-in-deployment"),
    pytest.param(pod("            expirationSeconds: 7200\n"), [14], {"rules": {RULE: {"max-expiration-seconds": 3600}}},
                 id="configured-limit"),
]

QUIET = [
    pytest.param(pod("            expirationSeconds: 3600\n"), id="one-hour"),
    pytest.param(pod("            expirationSeconds: 86400\n"), id="exactly-a-day"),
    pytest.param(pod(""), id="default-expiration"),
    pytest.param(pod("            expirationSeconds: 604800  # k8slint: ignore=projected-token-long-expiration\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines, config", FIRES)
def test_fires(src, lines, config):
    fires(RULE, src, lines=lines, config=config)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)
