import pytest

from linter.testing import fires, lint, quiet


def obj(api_version: str, kind: str, extra: str = "") -> str:
    return f"apiVersion: {api_version}\nkind: {kind}\nmetadata: {{name: x}}\n{extra}"


FIRES = [
    pytest.param(obj("apps/v1beta1", "Deployment", "spec:\n  template: {}\n"), id="seed-apps-v1beta1-deployment"),
    pytest.param(obj("extensions/v1beta1", "DaemonSet"), id="extensions-daemonset"),
    pytest.param(obj("extensions/v1beta1", "Ingress"), id="extensions-ingress"),
    pytest.param(obj("networking.k8s.io/v1beta1", "Ingress"), id="networking-v1beta1-ingress"),
    pytest.param(obj("batch/v1beta1", "CronJob"), id="batch-v1beta1-cronjob"),
    pytest.param(obj("policy/v1beta1", "PodSecurityPolicy"), id="psp-without-replacement"),
    pytest.param(obj("autoscaling/v2beta2", "HorizontalPodAutoscaler"), id="autoscaling-v2beta2"),
    pytest.param(obj("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema"), id="flowcontrol-v1beta3-1-32"),
    pytest.param(obj("admissionregistration.k8s.io/v1beta1", "ValidatingAdmissionPolicy"), id="vap-v1beta1-1-34"),
]

QUIET = [
    pytest.param(obj("apps/v1", "Deployment"), id="apps-v1"),
    pytest.param(obj("networking.k8s.io/v1", "Ingress"), id="networking-v1-ingress"),
    pytest.param(obj("extensions/v1beta1", "Widget"), id="unknown-kind-in-old-group"),
    pytest.param(obj("apps.example.com/v1beta1", "Deployment"), id="crd-kind-deployment-other-group"),
    pytest.param(obj("storage.k8s.io/v1beta1", "VolumeAttributesClass"), id="removed-after-target-1-37"),
    pytest.param(obj("resource.k8s.io/v1beta1", "ResourceClaim"), id="deprecated-but-served"),
    pytest.param("apiVersion: batch/v1beta1  # k8slint: ignore=KS005\nkind: CronJob\nmetadata: {name: x}\n", id="suppressed"),
]


@pytest.mark.parametrize("src", FIRES)
def test_fires(src):
    fires("removed-api-version", src, lines=[1], columns=[13])


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("removed-api-version", src)


def test_message_names_release_and_replacement():
    (found,) = fires("removed-api-version", obj("batch/v1beta1", "CronJob"), lines=[1])
    assert found.message == "CronJob `batch/v1beta1` was removed in Kubernetes 1.25; use `batch/v1`"


@pytest.mark.parametrize("version,expected", [("1.24", []), ("1.25", [1]), ("v1.30.2", [1])])
def test_kubernetes_version_option(version, expected):
    fires("removed-api-version", obj("batch/v1beta1", "CronJob"), lines=expected, config={"kubernetes-version": version})


def test_later_removal_only_with_newer_target():
    src = obj("storage.k8s.io/v1beta1", "VolumeAttributesClass")
    fires("removed-api-version", src, lines=[1], config={"kubernetes-version": "1.37"})
    quiet("removed-api-version", src, config={"kubernetes-version": "1.36"})


def test_kube_score_alias_resolves():
    assert [f.rule_id for f in lint(obj("apps/v1beta2", "StatefulSet"), config={"rules": {"stable-version": "on"}})
            if f.rule_id == "KS005"] == ["KS005"]
