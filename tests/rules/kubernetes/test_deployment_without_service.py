import pytest

from linter.testing import fires, for_each_workload, quiet

ON = {"rules": {"KS307": "on"}}
POD = "containers: [{name: api, image: x, ports: [{containerPort: 8080}]}]\n"
SVC = "---\napiVersion: v1\nkind: Service\nmetadata: {name: api%s}\nspec:\n  selector: %s\n  ports: [{port: 80}]\n"
W = for_each_workload(POD, name="api")

FIRES = [
    pytest.param(W["Deployment"], [4], id="deployment-alone"),
    pytest.param(W["StatefulSet"] + SVC % ("", "{app: web}"), [4], id="service-selects-other-pods"),
    pytest.param(W["DaemonSet"] + SVC % (", namespace: x", "{app: api}"), [4], id="service-in-other-namespace"),
]
QUIET = [
    pytest.param(W["Deployment"] + SVC % ("", "{app: api}"), id="service-selects-it"),
    pytest.param(for_each_workload("containers: [{name: w, image: x}]\n", name="api")["Deployment"], id="no-ports-worker"),
    pytest.param(W["Job"], id="job-near-miss"),
    pytest.param(for_each_workload("hostNetwork: true\n" + POD, name="api")["Deployment"], id="host-network"),
    pytest.param(W["Deployment"].replace("name: api\n", "name: api  # k8slint: ignore=KS307\n", 1), id="suppressed"),
]


@pytest.mark.parametrize("src,lines", FIRES)
def test_fires(src, lines):
    fires("deployment-without-service", src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("deployment-without-service", src, config=ON)


def test_off_by_default():
    quiet("deployment-without-service", W["Deployment"])
