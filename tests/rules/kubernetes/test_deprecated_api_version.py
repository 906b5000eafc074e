import pytest

from linter.testing import fires, quiet


def obj(api_version: str, kind: str) -> str:
    return f"apiVersion: {api_version}\nkind: {kind}\nmetadata: {{name: x}}\n"


FIRES = [
    pytest.param(obj("resource.k8s.io/v1beta1", "ResourceClaim"), "1.34", id="dra-v1beta1-at-1-34"),
    pytest.param(obj("v1", "Endpoints"), "1.34", id="core-endpoints"),
    pytest.param(obj("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema"), "1.30", id="flowcontrol-v1beta3-at-1-30"),
    pytest.param(obj("batch/v1beta1", "CronJob"), "1.21", id="cronjob-beta-at-1-21"),
    pytest.param(obj("storage.k8s.io/v1beta1", "VolumeAttributesClass"), "1.36", id="vac-beta-before-removal"),
]

QUIET = [
    pytest.param(obj("resource.k8s.io/v1beta1", "ResourceClaim"), "1.33", id="before-deprecation"),
    pytest.param(obj("batch/v1beta1", "CronJob"), "1.34", id="already-removed-is-ks005"),
    pytest.param(obj("apps/v1", "Deployment"), "1.34", id="stable-api"),
    pytest.param(obj("resource.k8s.io/v1", "ResourceClaim"), "1.34", id="replacement"),
    pytest.param("apiVersion: v1  # k8slint: ignore=deprecated-api-version\nkind: Endpoints\nmetadata: {name: x}\n", "1.34", id="suppressed"),
]


@pytest.mark.parametrize("src,version", FIRES)
def test_fires(src, version):
    fires("deprecated-api-version", src, lines=[1], columns=[13], config={"kubernetes-version": version})


@pytest.mark.parametrize("src,version", QUIET)
def test_quiet(src, version):
    quiet("deprecated-api-version", src, config={"kubernetes-version": version})


def test_message():
    (found,) = fires("deprecated-api-version", obj("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema"), lines=[1],
                     config={"kubernetes-version": "1.29"})
    assert found.message == ("FlowSchema `flowcontrol.apiserver.k8s.io/v1beta3` is deprecated since Kubernetes 1.29, "
                             "and removed in 1.32; use `flowcontrol.apiserver.k8s.io/v1`")
