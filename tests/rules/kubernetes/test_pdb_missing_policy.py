from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS159"


def pdb(spec: str, api: str = "policy/v1") -> str:
    return f"apiVersion: {api}\nkind: PodDisruptionBudget\nmetadata: {{name: api}}\nspec:\n{spec}"


SEL = "  selector: {matchLabels: {app: api}}\n"

FIRES = [
    pytest.param(pdb(SEL), [4], id="selector-only"),
    pytest.param(pdb(SEL, "policy/v1beta1"), [4], id="v1beta1"),
    pytest.param(pdb(SEL + "  minAvailable: null\n"), [4], id="explicit-null"),
    pytest.param(pdb(SEL + "  unhealthyPodEvictionPolicy: AlwaysAllow\n"), [4], id="other-fields-only"),
]

QUIET = [
    pytest.param(pdb(SEL + "  maxUnavailable: 1\n"), id="max-unavailable"),
    pytest.param(pdb(SEL + "  minAvailable: 0\n"), id="min-available-zero-is-a-policy"),
    pytest.param(pdb(SEL + "  minAvailable: '50%'\n"), id="min-available-percentage"),
    pytest.param("apiVersion: example.com/v1\nkind: PodDisruptionBudget\nmetadata: {name: api}\nspec:\n" + SEL,
                 id="custom-resource-of-same-kind"),
    pytest.param("apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api}\n", id="no-spec"),
    pytest.param(pdb(SEL).replace("spec:\n", "spec:  # k8slint: ignore=poddisruptionbudget-has-policy\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)
