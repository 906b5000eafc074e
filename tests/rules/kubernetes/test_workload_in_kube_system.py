from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS249"
ON = {"rules": {RULE: "on"}}


def obj(kind: str, ns: str, api: str = "v1") -> str:
    return f"apiVersion: {api}\nkind: {kind}\nmetadata:\n  name: x\n  namespace: {ns}\nspec: {{}}\n"


FIRES = [
    pytest.param(obj("Pod", "kube-system"), [5], id="pod"),
    pytest.param(obj("Deployment", "kube-system", "apps/v1"), [5], id="deployment"),
    pytest.param(obj("CronJob", "kube-system", "batch/v1"), [5], id="cronjob"),
]

QUIET = [
    pytest.param(obj("Pod", "shop"), id="own-namespace"),
    pytest.param(obj("ConfigMap", "kube-system"), id="configmap"),
    pytest.param(obj("Deployment", "kube-system-extras", "apps/v1"), id="similar-name"),
    pytest.param(obj("Pod", "kube-system  # k8slint: ignore=KSV037"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=ON)
