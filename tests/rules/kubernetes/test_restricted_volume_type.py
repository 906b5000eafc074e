"""KS185 restricted-volume-type (off by default)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS185"
CONFIG = {"rules": {RULE: "on"}}

POD = """\
    apiVersion: v1
    kind: Pod
    metadata: {{name: app}}
    spec:
      containers:
        - name: app
          image: example/app:1.2.0
      volumes:
        {volumes}
    """

FIRES = [
    pytest.param(POD.format(volumes="- name: shared\n          nfs: {server: nfs.example.com, path: /exports}"), [10], [7], id="nfs"),
    pytest.param(POD.format(volumes="- {name: cfg, configMap: {name: cfg}}\n        - {name: src, gitRepo: {repository: 'https://x'}}"),
                 [10], [19], id="git-repo-second"),
    pytest.param(POD.format(volumes="- name: disk\n          awsElasticBlockStore: {volumeID: vol-1}\n"
                                     "        - name: flex\n          flexVolume: {driver: x/y}"), [10, 12], id="ebs-and-flex"),
]

QUIET = [
    pytest.param(POD.format(volumes="- {name: data, persistentVolumeClaim: {claimName: data}}\n"
                                     "        - {name: tmp, emptyDir: {}}\n        - {name: token, projected: {sources: []}}"),
                 id="allowed-types"),
    pytest.param(POD.format(volumes="- {name: host, hostPath: {path: /var/log}}"), id="near-miss-hostpath-is-ks007s"),
    pytest.param(POD.format(volumes="- just-a-string\n        - null"), id="bad-items"),
    pytest.param(POD.format(volumes="- name: shared\n          nfs: {server: nfs, path: /x}  # k8slint: ignore=restricted-volume-type"),
                 id="suppressed"),
]


@pytest.mark.parametrize("src, lines, columns", [p if len(p.values) == 3 else pytest.param(*p.values, None, id=p.id)
                                                 for p in FIRES])
def test_fires(src, lines, columns):
    fires(RULE, src, lines=lines, columns=columns, config=CONFIG)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=CONFIG)


def test_off_by_default():
    quiet(RULE, POD.format(volumes="- name: shared\n          nfs: {server: nfs.example.com, path: /exports}"))
