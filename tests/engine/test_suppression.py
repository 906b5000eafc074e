"""Suppression comments and annotations, k8slint's own and hadolint's/kube-linter's."""
from __future__ import annotations

import pytest

from linter.testing import fires, lint, quiet

DEPLOY = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
{annotations}spec:
  selector: {{matchLabels: {{app: web}}}}
  template:
    metadata: {{labels: {{app: web}}}}
    spec:
      containers:
        - name: web
          image: nginx:latest{trailing}
          livenessProbe: {{tcpSocket: {{port: 80}}}}
          readinessProbe: {{tcpSocket: {{port: 80}}}}
"""


def deploy(annotations: str = "", trailing: str = "") -> str:
    return DEPLOY.format(annotations=annotations, trailing=trailing)


@pytest.mark.parametrize("pragma", [
    "# k8slint ignore=DF001", "# k8slint ignore=latest-base-image -- base is rebuilt nightly",
    "# hadolint ignore=DL3007", "# k8slint ignore=DF003,DF001",
])
def test_dockerfile_next_instruction(pragma):
    quiet("DF001", f"{pragma}\nFROM alpine:latest\nUSER 1\n")


def test_dockerfile_pragma_covers_only_the_next_instruction():
    fires("DF001", "# k8slint ignore=DF001\nFROM alpine:latest AS a\nFROM busybox:latest\nUSER 1\n", lines=[3])


def test_dockerfile_global_ignore():
    quiet("DF001", "FROM alpine:latest AS a\n# k8slint global ignore=DF001\nFROM busybox:latest\nUSER 1\n")
    quiet("DF001", "# hadolint global ignore=DL3007\nFROM alpine:latest\nUSER 1\n")


def test_dockerfile_pragma_covers_continuation_lines():
    src = "FROM alpine:3.20\n# k8slint ignore=DF006\nENV A=1 \\\n    DB_PASSWORD=verysecretvalue1\nUSER 1\n"
    quiet("DF006", src)
    fires("DF006", src.replace("# k8slint ignore=DF006\n", ""), lines=[3])


def test_yaml_trailing_and_line_above():
    fires("KS003", deploy(), lines=[12])
    quiet("KS003", deploy(trailing="  # k8slint ignore=KS003"))
    quiet("KS003", deploy(trailing="  # k8slint: ignore=latest-tag -- pinned by digest in prod"))
    above = deploy().replace("          image: nginx:latest", "          # k8slint ignore=unpinned-container-image\n          image: nginx:latest")
    quiet("KS003", above)


def test_yaml_comment_on_another_line_does_not_suppress():
    src = deploy().replace("        - name: web", "        - name: web  # k8slint ignore=KS003")
    fires("KS003", src, lines=[12])


@pytest.mark.parametrize("annotations", [
    '  annotations:\n    k8slint.io/ignore: "KS003"\n',
    '  annotations:\n    k8slint.io/ignore: "KS001, unpinned-container-image"\n',
    '  annotations:\n    ignore-check.kube-linter.io/latest-tag: "pinned by CI"\n',
    '  annotations:\n    kube-linter.io/ignore-all: "legacy"\n',
    '  annotations:\n    polaris.fairwinds.com/tagNotSpecified-exempt: "true"\n',
    '  annotations:\n    k8slint.io/ignore: "all"\n',
])
def test_object_annotations(annotations):
    quiet("KS003", deploy(annotations=annotations))


def test_object_annotation_for_another_rule_does_not_suppress():
    fires("KS003", deploy(annotations='  annotations:\n    k8slint.io/ignore: "KS001"\n'), lines=[14])


def test_unknown_rule_in_suppression_is_reported():
    fires("KL002", "# k8slint ignore=latest-tagg\nFROM alpine:3.20\nUSER 1\n", lines=[1])
    fires("KL002", deploy(annotations='  annotations:\n    k8slint.io/ignore: "nope"\n'), lines=[6])
    fires("KL002", deploy(trailing="  # k8slint ignore=KS999"), lines=[12])


def test_hadolint_unknown_codes_are_tolerated():
    # hadolint pragmas may name checks k8slint does not have (yet): not an error
    quiet("KL002", "# hadolint ignore=DL3999,SC2086\nFROM alpine:3.20\nUSER 1\n")


def test_shellcheck_codes_are_not_unknown():
    quiet("KL002", "FROM alpine:3.20\n# k8slint ignore=SC2086\nRUN echo $x\nUSER 1\n")


def test_suppression_in_list_items_and_multi_documents():
    src = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n" + deploy(trailing="  # k8slint ignore=KS003")
    quiet("KS003", src)
    assert [f.line for f in lint(src.replace("  # k8slint ignore=KS003", "")) if f.rule_id == "KS003"] == [16]
