from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS168"
ON = {"rules": {RULE: "on"}}


def cm(meta: str) -> str:
    return f"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n{meta}data: {{a: b}}\n"


FIRES = [
    pytest.param(cm("  labels: {app: api}\n"), [5], ON, id="labels-without-owner"),
    pytest.param(cm(""), [3], ON, id="no-labels-at-all"),
    pytest.param(cm("  labels: {owner: ''}\n"), [5], ON, id="empty-owner"),
    pytest.param(cm("  labels: {owner: me}\n"), [5], {"rules": {RULE: {"labels": ["owner", "team"]}}}, id="configured-second-label"),
]

QUIET = [
    pytest.param(cm("  labels: {app: api, owner: team-payments}\n"), ON, id="owner-present"),
    pytest.param(cm("  labels: {owner: team-payments}\n"), None, id="off-by-default"),
    pytest.param(cm("  labels: {team: payments}\n"), {"rules": {RULE: {"labels": ["team"]}}}, id="configured-label-present"),
    pytest.param(cm("  labels: {Owner: team-payments}\n"), {"rules": {RULE: {"labels": []}}}, id="nothing-required"),
    pytest.param(cm("  labels: {app: api}  # k8slint: ignore=required-label-owner\n"), ON, id="suppressed"),
]


@pytest.mark.parametrize("src, lines, config", FIRES)
def test_fires(src, lines, config):
    fires(RULE, src, lines=lines, config=config)


@pytest.mark.parametrize("src, config", QUIET)
def test_quiet(src, config):
    quiet(RULE, src, config=config)
