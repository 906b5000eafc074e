"""Rendered key paths mapped back to template lines."""
from __future__ import annotations

import textwrap

import pytest

from linter.sources.template_map import map_path, pick_segment

TEMPLATE = textwrap.dedent("""\
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: {{ .Release.Name }}
      labels:
        {{- include "x.labels" . | nindent 4 }}
    spec:
      template:
        spec:
          containers:
            - name: app
              image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
              args:
                - |
                  image: not-a-key
              env:
              {{- range .Values.env }}
                - name: {{ .name }}
                  value: {{ .value | quote }}
              {{- end }}
            - name: sidecar
              image: busybox
    ---
    apiVersion: v1
    kind: Service
    metadata:
      name: svc
    spec:
      {{- if .Values.nodePort }}
      type: NodePort
      {{- else }}
      type: ClusterIP
      {{- end }}
    """)
C = ("spec", "template", "spec", "containers")


@pytest.mark.parametrize("kind, path, value, line", [
    pytest.param("Deployment", (), None, 1, id="object-first-line"),
    pytest.param("Deployment", C + (0, "image"), None, 12, id="first-container-image"),
    pytest.param("Deployment", C + (1, "image"), None, 22, id="second-container-image"),
    pytest.param("Deployment", C + (0, "env", 5, "value"), None, 19, id="range-item-maps-to-loop-body"),
    pytest.param("Deployment", ("metadata", "labels", "app"), None, 5, id="helper-include-falls-back-to-parent"),
    pytest.param("Deployment", C + (0, "args", 0), None, 14, id="block-scalar-is-not-parsed"),
    pytest.param("Service", ("spec", "type"), "NodePort", 30, id="if-branch"),
    pytest.param("Service", ("spec", "type"), "ClusterIP", 32, id="else-branch"),
    pytest.param("Service", ("metadata", "name"), None, 27, id="second-document"),
])
def test_map_path(kind, path, value, line):
    seg = pick_segment(TEMPLATE, kind, 0, 0)
    assert map_path(TEMPLATE, seg, path, value)[0] == line
