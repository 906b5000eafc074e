from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, quiet

RULE = "KS170"
ON = {"rules": {RULE: "on"}}
C = "containers: [{name: api, image: 'api:1.4.2'}]\n"


def pod(dns: str) -> str:
    return for_each_workload(dns + C)["Pod"]


FIRES = [
    pytest.param(pod(""), [5], ON, id="no-dns-config"),
    pytest.param(pod("dnsConfig: {nameservers: [1.1.1.1]}\n"), [6], ON, id="dns-config-without-options"),
    pytest.param(pod("dnsConfig: {options: [{name: ndots, value: '5'}]}\n"), [6], ON, id="other-ndots-value"),
    pytest.param(for_each_workload(C)["Deployment"], [11], ON, id="deployment"),
    pytest.param(pod("dnsConfig: {options: [{name: ndots, value: '2'}]}\n"), [6],
                 {"rules": {RULE: {"option": "timeout", "value": "1"}}}, id="configured-option-missing"),
]

QUIET = [
    pytest.param(pod("dnsConfig: {options: [{name: ndots, value: '2'}]}\n"), ON, id="ndots-two"),
    pytest.param(pod("dnsConfig: {options: [{name: edns0}, {name: ndots, value: \"2\"}]}\n"), ON, id="among-other-options"),
    pytest.param(pod(""), None, id="off-by-default"),
    pytest.param("apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec: {ports: [{port: 80}]}\n", ON, id="not-a-workload"),
    pytest.param(pod("dnsConfig: {nameservers: [1.1.1.1]}  # k8slint: ignore=dnsconfig-options\n"), ON, id="suppressed"),
]


@pytest.mark.parametrize("src, lines, config", FIRES)
def test_fires(src, lines, config):
    fires(RULE, src, lines=lines, config=config)


@pytest.mark.parametrize("src, config", QUIET)
def test_quiet(src, config):
    quiet(RULE, src, config=config)
