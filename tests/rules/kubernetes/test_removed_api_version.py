"""KS005 removed-api-version: an apiVersion/kind pair Kubernetes no longer serves."""
from __future__ import annotations

import pytest

from linter.testing import fires, lint, quiet

RULE = "KS005"

FIRES = [
    pytest.param("""\
        apiVersion: apps/v1beta1
        kind: Deployment
        metadata: {name: nats}
        """, [1], [13], id="apps-v1beta1-deployment"),
    pytest.param("""\
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata: {name: web}
        """, [1], [13], id="extensions-v1beta1-ingress"),
    pytest.param("""\
        kind: CronJob
        metadata: {name: backup}
        apiVersion: batch/v1beta1
        """, [3], [13], id="cronjob-with-apiversion-not-first"),
    pytest.param("""\
        apiVersion: "policy/v1beta1"
        kind: PodDisruptionBudget
        metadata: {name: web}
        """, [1], [13], id="quoted-policy-v1beta1-pdb"),
    pytest.param("""\
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: ConfigMap
            metadata: {name: cfg}
          - apiVersion: extensions/v1beta1
            kind: Deployment
            metadata: {name: web}
        """, [7], [17], id="item-of-a-list"),
    pytest.param("""\
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        ---
        apiVersion: autoscaling/v2beta2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        ---
        apiVersion: rbac.authorization.k8s.io/v1beta1
        kind: ClusterRole
        metadata: {name: reader}
        """, [5, 9], [13, 13], id="several-documents"),
]

QUIET = [
    pytest.param("""\
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: nats}
        """, id="apps-v1-deployment"),
    pytest.param("""\
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: web}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: backup}
        """, id="current-versions"),
    pytest.param("""\
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          names: {kind: Widget, plural: widgets}
          scope: Namespaced
          versions:
            - name: v1beta1
              served: true
              storage: true
              schema: {openAPIV3Schema: {type: object}}
        ---
        apiVersion: example.com/v1beta1
        kind: Widget
        metadata: {name: w}
        """, id="crd-with-a-beta-version-of-its-own-group"),
    pytest.param("""\
        apiVersion: example.com/v1beta1
        kind: Deployment
        metadata: {name: custom}
        """, id="near-miss-custom-group-reusing-a-built-in-kind"),
    pytest.param("""\
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web}
        spec:
          selector: {matchLabels: {apiVersion: policy/v1beta1}}
        """, id="near-miss-old-version-as-a-label-value"),
    pytest.param("""\
        apiVersion: apps/v1beta1  # k8slint ignore=KS005 -- migrating in the next release
        kind: Deployment
        metadata: {name: nats}
        """, id="suppressed-by-trailing-comment"),
    pytest.param("""\
        # k8slint ignore=removed-api-version
        apiVersion: apps/v1beta1
        kind: Deployment
        metadata: {name: nats}
        """, id="suppressed-by-comment-on-the-line-above"),
    pytest.param("""\
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata:
          name: web
          annotations:
            k8slint.io/ignore: "KS005"
        """, id="suppressed-by-object-annotation"),
    pytest.param("""\
        apiVersion: extensions/v1beta1
        kind: Deployment
        metadata:
          name: legacy
          annotations:
            ignore-check.kube-linter.io/no-extensions-v1beta: "for the 1.15 test cluster"
        """, id="suppressed-by-kube-linter-annotation"),
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    assert not [f for f in lint(source) if f.rule_id == "KL001"], "the case must parse"
    quiet(RULE, source)


def test_message_names_the_release_and_the_replacement():
    (finding,) = fires(RULE, """\
        apiVersion: apps/v1beta1
        kind: Deployment
        metadata: {name: nats}
        """, lines=[1])
    assert "removed in Kubernetes 1.16" in finding.message and "`apps/v1`" in finding.message


def test_can_be_turned_off():
    source = "apiVersion: apps/v1beta1\nkind: Deployment\nmetadata: {name: nats}\n"
    fires(RULE, source, lines=[1])
    quiet(RULE, source, config={"rules": {"KS005": "off"}})


def obj(api_version: str, kind: str, extra: str = "") -> str:
    return f"apiVersion: {api_version}\nkind: {kind}\nmetadata: {{name: x}}\n{extra}"


VERSION_FIRES = [
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

VERSION_QUIET = [
    pytest.param(obj("apps/v1", "Deployment"), id="apps-v1"),
    pytest.param(obj("networking.k8s.io/v1", "Ingress"), id="networking-v1-ingress"),
    pytest.param(obj("extensions/v1beta1", "Widget"), id="unknown-kind-in-old-group"),
    pytest.param(obj("apps.example.com/v1beta1", "Deployment"), id="crd-kind-deployment-other-group"),
    pytest.param(obj("storage.k8s.io/v1beta1", "VolumeAttributesClass"), id="removed-after-target-1-37"),
    pytest.param(obj("resource.k8s.io/v1beta1", "ResourceClaim"), id="deprecated-but-served"),
    pytest.param("apiVersion: batch/v1beta1  # k8slint: ignore=KS005\nkind: CronJob\nmetadata: {name: x}\n", id="suppressed"),
]


@pytest.mark.parametrize("src", VERSION_FIRES)
def test_fires_at_the_default_kubernetes_version(src):
    fires("removed-api-version", src, lines=[1], columns=[13])


@pytest.mark.parametrize("src", VERSION_QUIET)
def test_quiet_at_the_default_kubernetes_version(src):
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
