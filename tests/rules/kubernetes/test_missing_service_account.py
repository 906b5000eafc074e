import pytest

from linter.testing import fires, for_each_workload, quiet

SA = "---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: runner}\n"


@pytest.mark.parametrize("kind,src", for_each_workload("serviceAccountName: runner\ncontainers: [{name: a, image: x}]\n").items())
def test_fires_in_every_workload(kind, src):
    line = next(i for i, ln in enumerate(src.splitlines(), 1) if "serviceAccountName" in ln)
    fires("missing-service-account", src, lines=[line])
    quiet("missing-service-account", src + SA)


HEAD = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: a, image: x}]\n"
FIRES = [
    pytest.param(HEAD + "  serviceAccountName: runer\n" + SA, [6], id="misspelt"),
    pytest.param(HEAD + "  serviceAccount: runner\n", [6], id="deprecated-field"),
    pytest.param(HEAD + "  serviceAccountName: runner\n" + SA.replace("{name: runner}", "{name: runner, namespace: ops}"), [6],
                 id="other-namespace"),
]
QUIET = [
    pytest.param(HEAD + "  serviceAccountName: runner\n" + SA, id="defined"),
    pytest.param(HEAD + "  serviceAccountName: default\n", id="default-account"),
    pytest.param(HEAD, id="no-account"),
    pytest.param(HEAD + "  serviceAccountName: runner  # k8slint: ignore=non-existent-service-account\n", id="suppressed-by-alias"),
]


@pytest.mark.parametrize("src,lines", FIRES)
def test_fires(src, lines):
    fires("missing-service-account", src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("missing-service-account", src)


def test_options():
    src = HEAD + "  serviceAccountName: runner\n"
    quiet("missing-service-account", src, config={"rules": {"KS310": {"ignore": ["run*"]}}})
    quiet("missing-service-account", src, config={"rules": {"KS310": {"require-kind-in-namespace": True}}})
    fires("missing-service-account", src + "---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: other}\n", lines=[6],
          config={"rules": {"KS310": {"require-kind-in-namespace": True}}})
