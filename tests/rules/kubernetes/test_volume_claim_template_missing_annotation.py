from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS194"
ON = {"rules": {RULE: "on"}}


def sts(templates: str) -> str:
    return (
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n"
        "  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n"
        "    spec:\n      containers: [{name: db, image: \"postgres:16\"}]\n"
        f"  volumeClaimTemplates:\n{templates}"
    )


FIRES = [
    pytest.param(sts("    - metadata: {name: data}\n      spec: {accessModes: [ReadWriteOnce]}\n"), [12], ON, id="no-annotations"),
    pytest.param(sts("    - metadata:\n        name: data\n        annotations: {owner: \"\"}\n"), [12], ON, id="empty-value"),
    pytest.param(sts("    - metadata:\n        name: data\n        annotations: {owner: a}\n    - metadata: {name: logs}\n"), [15], ON, id="second-template"),
    pytest.param(sts("    - metadata:\n        name: data\n        annotations: {backup: maybe}\n"), [14],
                 {"rules": {RULE: {"key": "backup", "value": "daily|weekly"}}}, id="value-pattern"),
]

QUIET = [
    pytest.param(sts("    - metadata:\n        name: data\n        annotations: {owner: payments}\n"), ON, id="annotated"),
    pytest.param(sts("    - metadata:\n        name: data\n        annotations: {team: payments}\n"),
                 {"rules": {RULE: {"key": "team"}}}, id="configured-key"),
    pytest.param(sts("    - metadata: {name: data}\n").replace("kind: StatefulSet", "kind: Deployment"), ON, id="near-miss-not-a-statefulset"),
    pytest.param(sts("    - metadata: {name: data}\n"), None, id="off-by-default"),
    pytest.param(sts("    - metadata: {name: data}  # k8slint: ignore=volumeclaimtemplates\n"), ON, id="suppressed"),
    pytest.param(sts("    - 3\n"), ON, id="malformed"),
]


@pytest.mark.parametrize("src, lines, config", FIRES)
def test_fires(src, lines, config):
    fires(RULE, src, lines=lines, config=config)


@pytest.mark.parametrize("src, config", QUIET)
def test_quiet(src, config):
    quiet(RULE, src, config=config)
