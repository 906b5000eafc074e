from __future__ import annotations

import pytest

from linter.testing import for_each_workload, fires, quiet

RULE = "KS203"
ON = {"rules": {RULE: "on"}}
C = "containers:\n  - name: api\n    image: example/api:1.0.0\n"


def line_of(src: str, needle: str) -> int:
    return next(i for i, line in enumerate(src.splitlines(), 1) if needle in line)


_true = for_each_workload("automountServiceAccountToken: true\n" + C)
FIRES = [pytest.param(src, [line_of(src, "automountServiceAccountToken")], id=f"explicit-true-in-{k.lower()}")
         for k, src in _true.items()]
FIRES += [
    pytest.param(for_each_workload(C)["Pod"], [5], id="unset-in-pod"),
    pytest.param(for_each_workload(C)["Deployment"], [11], id="unset-in-deployment"),
]

QUIET = [
    pytest.param(for_each_workload("automountServiceAccountToken: false\n" + C)["Pod"], id="disabled-in-pod"),
    pytest.param(for_each_workload("automountServiceAccountToken: false\n" + C)["CronJob"], id="disabled-in-cronjob"),
    pytest.param("apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api}\n", id="service-account-object"),
    pytest.param(for_each_workload("automountServiceAccountToken: true  # k8slint: ignore=KSV036\n" + C)["Pod"], id="suppressed-by-alias"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=ON)


def test_off_by_default():
    quiet(RULE, for_each_workload(C)["Pod"])
