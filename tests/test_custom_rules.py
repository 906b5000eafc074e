"""Declarative custom rules from `custom-rules:` in the configuration."""
from __future__ import annotations

import json

import pytest

from linter.custom_rules import CustomRuleError, build_rules

CONFIG = """\
custom-rules:
  - id: ACME100
    name: deployment-without-team-label
    severity: error
    kind: Deployment
    require-label: team
  - id: ACME101
    name: image-from-untrusted-registry
    image-registry-in: [registry.acme.io, ghcr.io/acme]
  - id: ACME102
    name: base-image-from-untrusted-registry
    target: dockerfile
    image-registry-in: registry.acme.io
    message: "`{image}` is not from the Acme registry"
"""


def deployment(name: str, labels: str, image: str) -> str:
    return (f"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {name}\n{labels}"
            f"spec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: {image}\n")


def findings(run_cli, *args):
    code, out, err = run_cli(*args, "--format", "json")
    assert code in (0, 1), err
    return [(f["rule"], f["path"], f["line"], f["message"]) for f in json.loads(out)["findings"]
            if f["rule"].startswith("ACME")]


def test_required_label(run_cli, write):
    write(".k8slint.yaml", CONFIG)
    write("a.yaml", deployment("a", "", "registry.acme.io/a:1.0"))
    write("b.yaml", deployment("b", "  labels: {team: payments}\n", "registry.acme.io/b:1.0"))
    write("c.yaml", deployment("c", "  labels: {app: c}\n", "registry.acme.io/c:1.0"))
    write("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n"
                      "    - {name: x, image: 'ghcr.io/acme/x:1'}\n")
    assert findings(run_cli, ".") == [
        ("ACME100", "a.yaml", 3, "Deployment `a` has no `team` label"),
        ("ACME100", "c.yaml", 5, "Deployment `c` has no `team` label"),
    ]


def test_image_registry(run_cli, write):
    write(".k8slint.yaml", CONFIG)
    write("a.yaml", deployment("a", "  labels: {team: x}\n", "docker.io/library/nginx:1.27"))
    write("b.yaml", deployment("b", "  labels: {team: x}\n", "ghcr.io/acme-evil/x:1"))  # near miss: prefix
    write("c.yaml", deployment("c", "  labels: {team: x}\n", "ghcr.io/acme/x:1"))
    got = findings(run_cli, ".")
    assert [(r, p, line) for r, p, line, _ in got] == [("ACME101", "a.yaml", 11), ("ACME101", "b.yaml", 11)]
    assert "docker.io/library/nginx:1.27" in got[0][3]


def test_dockerfile_target(run_cli, write):
    write(".k8slint.yaml", CONFIG)
    write("Dockerfile", "FROM registry.acme.io/base:1 AS build\nFROM build\nFROM alpine:3.20\nFROM scratch\n")
    assert findings(run_cli, "Dockerfile") == [
        ("ACME102", "Dockerfile", 3, "`alpine:3.20` is not from the Acme registry")]


def test_custom_rules_obey_config_and_suppression(run_cli, write):
    write(".k8slint.yaml", CONFIG + "rules:\n  ACME101: off\n")
    write("a.yaml", deployment("a", "", "docker.io/nginx:1") .replace(
        "metadata:\n", "metadata:\n  annotations:\n    k8slint.io/ignore: deployment-without-team-label\n", 1))
    assert findings(run_cli, ".") == []


@pytest.mark.parametrize("raw, error", [
    pytest.param({"custom-rules": {"id": "X"}}, "must be a list", id="not-a-list"),
    pytest.param({"custom-rules": [{"id": "bad", "name": "x-y", "require-label": "t"}]}, "'id'", id="bad-id"),
    pytest.param({"custom-rules": [{"id": "ACME1", "name": "x-y", "require-label": "t"}]}, "'id'", id="short-id"),
    pytest.param({"custom-rules": [{"id": "ACME100", "name": "Bad Name", "require-label": "t"}]}, "kebab",
                 id="bad-name"),
    pytest.param({"custom-rules": [{"id": "ACME100", "name": "x-y"}]}, "exactly one", id="no-matcher"),
    pytest.param({"custom-rules": [{"id": "ACME100", "name": "x-y", "require-label": "t", "bogus": 1}]},
                 "bogus", id="unknown-key"),
    pytest.param({"custom-rules": [{"id": "ACME100", "name": "x-y", "require-label": "t", "severity": "fatal"}]},
                 "severity", id="bad-severity"),
    pytest.param({"custom-rules": [{"id": "ACME100", "name": "x-y", "image-registry-in": []}]},
                 "registry", id="empty-registry-list"),
])
def test_invalid_definitions_are_config_errors(raw, error):
    with pytest.raises(CustomRuleError, match=error):
        build_rules(raw["custom-rules"])


def test_clash_with_builtin_exits_2(run_cli, write):
    write(".k8slint.yaml", "custom-rules:\n  - {id: DF001, name: mine, require-label: t}\n")
    write("Dockerfile", "FROM alpine:3.20\nUSER 1\n")
    code, _, err = run_cli("Dockerfile")
    assert code == 2 and "DF001" in err


def test_rules_are_listed_as_config_origin():
    rules = build_rules([{"id": "ACME100", "name": "x-y", "require-label": "team"}])
    assert rules[0].origin == "config" and rules[0].meta.severity.value == "warning"
