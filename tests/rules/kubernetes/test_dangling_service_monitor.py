from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS163"
ON = {"rules": {RULE: "on"}}


def sm(selector: str, extra: str = "", ns: str = "") -> str:
    meta = f"{{name: api, namespace: {ns}}}" if ns else "{name: api}"
    return (f"apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {meta}\nspec:\n"
            f"  selector: {selector}\n{extra}  endpoints: [{{port: metrics}}]\n")


def svc(labels: str = "{app: api}", ns: str = "") -> str:
    meta = f"{{name: api, namespace: {ns}, labels: {labels}}}" if ns else f"{{name: api, labels: {labels}}}"
    return f"---\napiVersion: v1\nkind: Service\nmetadata: {meta}\nspec:\n  selector: {{app: api}}\n  ports: [{{name: metrics, port: 9090}}]\n"


FIRES = [
    pytest.param(sm("{matchLabels: {app: api-metrics}}") + svc(), [5], id="label-typo"),
    pytest.param(sm("{matchExpressions: [{key: tier, operator: Exists}]}") + svc(), [5], id="expression-no-match"),
    pytest.param(sm("{matchLabels: {app: api}}", ns="monitoring") + svc(ns="prod") + svc("{app: grafana}", ns="monitoring"), [5],
                 id="service-in-other-namespace-without-namespace-selector"),
    pytest.param(sm("{matchLabels: {app: api}}", "  namespaceSelector: {matchNames: [staging]}\n") + svc(ns="staging", labels="{app: web}"),
                 [5], id="match-names-namespace-without-match"),
]

QUIET = [
    pytest.param(sm("{matchLabels: {app: api}}") + svc(), id="labels-match"),
    pytest.param(sm("{matchLabels: {app: api}}", "  namespaceSelector: {matchNames: [prod]}\n", ns="monitoring") + svc(ns="prod"),
                 id="match-names-other-namespace"),
    pytest.param(sm("{matchLabels: {app: api}}", "  namespaceSelector: {any: true}\n", ns="monitoring") + svc(ns="prod"),
                 id="any-namespace-matches"),
    pytest.param(sm("{matchLabels: {app: web}}", "  namespaceSelector: {any: true}\n") + svc(),
                 id="any-namespace-service-may-be-elsewhere"),
    pytest.param(sm("{matchLabels: {component: apiserver, provider: kubernetes}}", "  namespaceSelector: {matchNames: [default]}\n")
                 + svc(), id="cluster-created-kubernetes-service"),
    pytest.param(sm("{matchLabels: {app.kubernetes.io/name: kubelet}}", "  namespaceSelector: {matchNames: [kube-system]}\n")
                 + svc(ns="kube-system"), id="operator-created-kubelet-service"),
    pytest.param(sm("{}") + svc(labels="{app: web}"), id="empty-selector-selects-all"),
    pytest.param(sm("{matchLabels: {app: api-metrics}}"), id="no-service-in-run"),
    pytest.param(sm("{matchLabels: {app: api-metrics}}  # k8slint: ignore=dangling-servicemonitor") + svc(), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=ON)


def test_off_by_default():
    quiet(RULE, sm("{matchLabels: {app: api-metrics}}") + svc())
