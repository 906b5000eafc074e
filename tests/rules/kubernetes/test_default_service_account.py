from __future__ import annotations

import pytest

from linter.testing import for_each_workload, fires, quiet

RULE = "KS202"
ON = {"rules": {RULE: "on"}}


def line_of(src: str, needle: str) -> int:
    return next(i for i, line in enumerate(src.splitlines(), 1) if needle in line)


NO_SA = "containers:\n  - name: api\n    image: example/api:1.0.0\n"
FIRES = [pytest.param(src, [line_of(src, "    spec:" if kind not in ("Pod",) else "spec:")], id=f"unset-in-{kind.lower()}")
         for kind, src in for_each_workload(NO_SA).items() if kind in ("Pod", "Deployment", "Job")]
_explicit = for_each_workload("serviceAccountName: default\n" + NO_SA)["Deployment"]
FIRES.append(pytest.param(_explicit, [line_of(_explicit, "serviceAccountName")], id="explicit-default"))

QUIET = [
    pytest.param(for_each_workload("serviceAccountName: api\n" + NO_SA)["Deployment"], id="dedicated-account"),
    pytest.param(for_each_workload("serviceAccount: api\n" + NO_SA)["Pod"], id="deprecated-field-names-account"),
    pytest.param("apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  ports: [{port: 80}]\n", id="not-a-workload"),
    pytest.param(for_each_workload("serviceAccountName: default  # k8slint: ignore=KS202\n" + NO_SA)["Pod"], id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=ON)


def test_off_by_default():
    quiet(RULE, for_each_workload(NO_SA)["Pod"])
