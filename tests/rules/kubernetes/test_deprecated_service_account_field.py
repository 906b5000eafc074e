from __future__ import annotations

import pytest

from linter.testing import for_each_workload, fires, quiet

RULE = "KS201"

POD = """\
serviceAccount: api
containers:
  - name: api
    image: example/api:1.0.0
"""



def line_of(src: str, needle: str) -> int:
    return next(i for i, line in enumerate(src.splitlines(), 1) if needle in line)


FIRES = [pytest.param(src, [line_of(src, "serviceAccount:")], id=f"deprecated-field-in-{kind.lower()}")
         for kind, src in for_each_workload(POD).items()]
FIRES.append(pytest.param(for_each_workload("serviceAccountName: api\nserviceAccount: api\ncontainers: []\n")["Pod"], [7],
                          id="both-fields-set"))

QUIET = [
    pytest.param(for_each_workload("serviceAccountName: api\ncontainers: []\n")["Deployment"], id="service-account-name"),
    pytest.param(for_each_workload("containers: []\n")["Pod"], id="no-service-account"),
    pytest.param(for_each_workload("serviceAccount: ''\ncontainers: []\n")["Pod"], id="empty-deprecated-field"),
    pytest.param("apiVersion: example.com/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n      serviceAccount: api\n",
                 id="custom-resource"),
    pytest.param(for_each_workload("serviceAccount: api  # k8slint: ignore=deprecated-service-account-field\ncontainers: []\n")["Pod"],
                 id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)
