import pytest

from linter.testing import fires, for_each_workload, quiet

ON = {"rules": {"pod-without-network-policy": "on"}}
POD = "containers: [{name: api, image: x}]\n"
NP = "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np%s}\nspec:\n  podSelector: %s\n"


@pytest.mark.parametrize("kind,src", for_each_workload(POD, name="api").items())
def test_fires_for_every_workload(kind, src):
    fires("pod-without-network-policy", src, lines=[4 if kind != "Pod" else 4], config=ON)
    quiet("pod-without-network-policy", src + NP % ("", "{}"), config=ON)


DEPLOY = for_each_workload(POD, name="api")["Deployment"]
FIRES = [
    pytest.param(DEPLOY + NP % ("", "{matchLabels: {app: web}}"), [4], id="policy-selects-other-pods"),
    pytest.param(DEPLOY + NP % (", namespace: x", "{}"), [4], id="policy-in-other-namespace"),
    pytest.param(DEPLOY + NP % ("", "{matchExpressions: [{key: app, operator: NotIn, values: [api]}]}"), [4], id="notin-excludes"),
]
QUIET = [
    pytest.param(DEPLOY + NP % ("", "{matchLabels: {app: api}}"), id="selected-by-labels"),
    pytest.param(DEPLOY + NP % ("", "{}"), id="default-deny-for-namespace"),
    pytest.param(DEPLOY.replace("name: api\n", "name: api  # k8slint: ignore=non-isolated-pod\n", 1), id="suppressed"),
]


@pytest.mark.parametrize("src,lines", FIRES)
def test_fires(src, lines):
    fires("pod-without-network-policy", src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("pod-without-network-policy", src, config=ON)


def test_off_by_default_and_on_in_strict():
    quiet("pod-without-network-policy", DEPLOY)
    fires("pod-without-network-policy", DEPLOY, lines=[4], config={"extends": "strict"})
