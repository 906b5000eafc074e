from __future__ import annotations

import pytest

from linter.testing import for_each_workload, fires, quiet

RULE = "KS241"
ON = {"rules": {RULE: "on"}}
ONLY_CORP = {"rules": {RULE: {"private-registries": ["*.corp.example"]}}}


def pod(body: str, image: str = "registry.example.com/team/api:1.0.0", kind: str = "Pod") -> str:
    return for_each_workload(f"{body}containers:\n  - name: api\n    image: {image}\n")[kind]


def line_of(src: str, needle: str) -> int:
    return next(i for i, line in enumerate(src.splitlines(), 1) if needle in line)


SA = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api}\n"
_dep = pod("", kind="Deployment")
_sa_without = SA + "---\n" + pod("serviceAccountName: api\n")
_default_sa = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default}\n---\n" + pod("")
FIRES = [
    pytest.param(pod(""), [8], ON, id="private-host-default-account"),
    pytest.param(_dep, [line_of(_dep, "image:")], ON, id="in-deployment"),
    pytest.param(_sa_without, [line_of(_sa_without, "image:")], ON, id="service-account-in-run-without-secrets"),
    pytest.param(_default_sa, [line_of(_default_sa, "image:")], ON, id="default-account-in-run-without-secrets"),
    pytest.param(pod("", image="build.corp.example/api:1"), [8], ONLY_CORP, id="configured-private-pattern"),
]

QUIET = [
    pytest.param(pod("imagePullSecrets: [{name: regcred}]\n"), ON, id="pod-pull-secret"),
    pytest.param(SA + "imagePullSecrets: [{name: regcred}]\n---\n" + pod("serviceAccountName: api\n"), ON, id="account-pull-secret"),
    pytest.param(pod("serviceAccountName: elsewhere\n"), ON, id="account-not-in-run"),
    pytest.param(pod("", image="nginx:1.27"), ON, id="docker-hub"),
    pytest.param(pod("", image="ghcr.io/org/app:1.0"), ON, id="public-registry"),
    pytest.param(pod("", image="123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1"), ON, id="ecr-node-identity"),
    pytest.param(pod(""), ONLY_CORP, id="host-outside-configured-private"),
    pytest.param(pod("", image="registry.example.com/app:1  # k8slint: ignore=KS241"), ON, id="suppressed"),
]


@pytest.mark.parametrize("src, lines, config", FIRES)
def test_fires(src, lines, config):
    fires(RULE, src, lines=lines, config=config)


@pytest.mark.parametrize("src, config", QUIET)
def test_quiet(src, config):
    quiet(RULE, src, config=config)


def test_off_by_default():
    quiet(RULE, pod(""))
