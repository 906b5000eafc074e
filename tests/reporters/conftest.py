from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

DOCKERFILE = textwrap.dedent("""\
    FROM alpine:latest
    MAINTAINER someone@example.com
    ENV API_TOKEN=s3cr3t-Value-9f8e7d6c5b4a
    RUN apk add curl
    """)

DEPLOYMENT = textwrap.dedent("""\
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      namespace: shop
    spec:
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          securityContext: {runAsNonRoot: true}
          containers:
            - name: web
              image: "nginx:latest"
              env:
                - name: DB_PASSWORD
                  value: "Zq8x-Very-Private-Pw"
    """)

# a fixed rule set, so new rules elsewhere never churn the goldens
SELECT = "DF001,DF003,DF006,DF232,KS003,KS004"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "Dockerfile").write_text(DOCKERFILE, encoding="utf-8")
    (tmp_path / "deploy").mkdir()
    (tmp_path / "deploy" / "web.yaml").write_text(DEPLOYMENT, encoding="utf-8")
    (tmp_path / "deploy" / "clean.yaml").write_text("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n",
                                                    encoding="utf-8")
    return tmp_path
