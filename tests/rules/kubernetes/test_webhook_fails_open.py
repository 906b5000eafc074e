from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS164"
ON = {"rules": {RULE: "on"}}


def vwc(policy: str, kind: str = "ValidatingWebhookConfiguration", api: str = "admissionregistration.k8s.io/v1") -> str:
    return (f"apiVersion: {api}\nkind: {kind}\nmetadata: {{name: policy}}\nwebhooks:\n"
            f"  - name: policy.example.com\n{policy}"
            "    clientConfig: {service: {name: policy, namespace: policy}}\n    admissionReviewVersions: [v1]\n    sideEffects: None\n")


FIRES = [
    pytest.param(vwc("    failurePolicy: Ignore\n"), [6], id="validating-ignore"),
    pytest.param(vwc("    failurePolicy: Ignore\n", "MutatingWebhookConfiguration"), [6], id="mutating-ignore"),
    pytest.param(vwc("    failurePolicy: Ignore\n", api="admissionregistration.k8s.io/v1beta1"), [6], id="v1beta1"),
    pytest.param(vwc("    failurePolicy: Fail\n") + "  - name: second.example.com\n    failurePolicy: Ignore\n", [11],
                 id="second-webhook"),
]

QUIET = [
    pytest.param(vwc("    failurePolicy: Fail\n"), id="fail"),
    pytest.param(vwc(""), id="unset-defaults-to-fail"),
    pytest.param(vwc("    failurePolicy: Ignore\n", api="example.com/v1"), id="custom-resource-of-same-kind"),
    pytest.param(vwc("    failurePolicy: Ignore  # k8slint: ignore=webhook-failure-policy-ignore\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=ON)


def test_off_by_default():
    quiet(RULE, vwc("    failurePolicy: Ignore\n"))
