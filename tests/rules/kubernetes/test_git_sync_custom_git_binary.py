"""KS186 git-sync-custom-git-binary."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, quiet

RULE = "KS186"

POD = """\
    apiVersion: v1
    kind: Pod
    metadata: {{name: docs}}
    spec:
      {section}:
        - name: git-sync
          image: registry.k8s.io/git-sync/git-sync:v4.2.4
          env:
            - {{name: GITSYNC_REPO, value: "https://github.com/example/docs"}}
            {extra}
    """

FIRES = [
    pytest.param(POD.format(section="containers", extra="- {name: GITSYNC_GIT, value: /tmp/git}"), [10], id="v4-variable"),
    pytest.param(POD.format(section="initContainers", extra="- {name: GIT_SYNC_GIT, value: /bin/sh}"), [10], id="v3-variable-in-init"),
    pytest.param(POD.format(section="containers",
                            extra="- name: GITSYNC_GIT\n              valueFrom: {configMapKeyRef: {name: c, key: git}}"),
                 [10], id="value-from-configmap"),
]

QUIET = [
    pytest.param(POD.format(section="containers", extra="- {name: GITSYNC_ROOT, value: /git}"), id="other-variables"),
    pytest.param(POD.format(section="containers", extra="- {name: GITSYNC_GIT_CONFIG, value: 'x:y'}"), id="near-miss-git-config"),
    pytest.param(POD.format(section="containers", extra="- just-a-string"), id="bad-entry"),
    pytest.param(POD.format(section="containers", extra="- {name: GITSYNC_GIT, value: /usr/bin/git}  # k8slint: ignore=CKV_K8S_159"),
                 id="suppressed-by-checkov-id"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)


@pytest.mark.parametrize("kind, src", sorted(for_each_workload("""\
    containers:
      - name: sync
        image: registry.k8s.io/git-sync/git-sync:v4.2.4
        env: [{name: GITSYNC_GIT, value: /tmp/git}]
    """).items()))
def test_every_workload_kind(kind, src):
    line = next(n for n, l in enumerate(src.splitlines(), 1) if "GITSYNC_GIT" in l)
    fires(RULE, src, lines=[line])
