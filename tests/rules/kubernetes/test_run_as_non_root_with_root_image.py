import pytest

from linter.testing import for_each_workload, lint_files

RULE = "KS320"


def deploy(pod_sc: str = "{runAsNonRoot: true}", container: str = "", image: str = "ghcr.io/acme/api:1.4.0") -> str:
    return f"""\
apiVersion: apps/v1
kind: Deployment
metadata: {{name: api}}
spec:
  selector: {{matchLabels: {{app: api}}}}
  template:
    metadata: {{labels: {{app: api}}}}
    spec:
      securityContext: {pod_sc}
      containers:
        - name: api
          image: "{image}"
{container}"""


def found(files, config=None):
    return [(f.path, f.line) for f in lint_files(files, config=config) if f.rule_id == RULE]


NO_USER = "FROM alpine:3.20\nCOPY api /api\n"
ROOT = "FROM alpine:3.20\nUSER root\n"
NAMED = "FROM alpine:3.20\nRUN adduser -D app\nUSER app\n"
NUMERIC = "FROM alpine:3.20\nUSER 10001:10001\n"

FIRES = [
    pytest.param({"api/Dockerfile": NO_USER, "k8s/deploy.yaml": deploy()}, [("k8s/deploy.yaml", 9)], id="no-user-by-folder-name"),
    pytest.param({"api/Dockerfile": ROOT, "k8s/deploy.yaml": deploy()}, [("k8s/deploy.yaml", 9)], id="user-root"),
    pytest.param({"api/Dockerfile": NAMED, "k8s/deploy.yaml": deploy()}, [("k8s/deploy.yaml", 9)], id="non-numeric-user"),
    pytest.param({"build/Dockerfile.api": NO_USER, "deploy.yaml": deploy("{}", "          securityContext: {runAsNonRoot: true}\n")},
                 [("deploy.yaml", 13)], id="container-level-and-dockerfile-suffix-name"),
    pytest.param({"api.Dockerfile": "FROM golang:1.22 AS build\nUSER 1000\nFROM alpine:3.20\n", "deploy.yaml": deploy()},
                 [("deploy.yaml", 9)], id="user-only-in-build-stage"),
]
QUIET = [
    pytest.param({"api/Dockerfile": NUMERIC, "deploy.yaml": deploy()}, id="numeric-user"),
    pytest.param({"api/Dockerfile": NO_USER, "deploy.yaml": deploy("{runAsNonRoot: true, runAsUser: 1000}")}, id="run-as-user-set"),
    pytest.param({"api/Dockerfile": NO_USER, "deploy.yaml": deploy("{runAsNonRoot: false}")}, id="run-as-non-root-false"),
    pytest.param({"api/Dockerfile": NO_USER, "deploy.yaml": deploy(image="ghcr.io/acme/web:1.0")}, id="image-name-differs"),
    pytest.param({"a/api/Dockerfile": NO_USER, "b/api/Dockerfile": NO_USER, "deploy.yaml": deploy()}, id="ambiguous-two-dockerfiles"),
    pytest.param({"api/Dockerfile": "FROM gcr.io/distroless/static:nonroot\n", "deploy.yaml": deploy()}, id="nonroot-base-image"),
    pytest.param({"api/Dockerfile": NO_USER, "deploy.yaml": deploy(image="ghcr.io/acme/api:$TAG")}, id="variable-image"),
    pytest.param({"api/Dockerfile": NO_USER, "deploy.yaml": deploy("{runAsNonRoot: true}  # k8slint: ignore=KS320")}, id="suppressed"),
    pytest.param({"deploy.yaml": deploy()}, id="no-dockerfile-in-run"),
]


@pytest.mark.parametrize("files,expected", FIRES)
def test_fires(files, expected):
    assert found(files) == expected


@pytest.mark.parametrize("files", QUIET)
def test_quiet(files):
    assert found(files) == []


def test_images_option_maps_repository_to_dockerfile():
    files = {"services/backend/Dockerfile": NO_USER, "deploy.yaml": deploy()}
    assert found(files) == []
    config = {"rules": {RULE: {"images": {"ghcr.io/acme/api": "services/backend/Dockerfile"}}}}
    assert found(files, config) == [("deploy.yaml", 9)]
    config = {"rules": {RULE: {"images": {"api": "backend/Dockerfile"}}}}
    assert found(files, config) == [("deploy.yaml", 9)]


@pytest.mark.parametrize("kind,src", for_each_workload(
    "securityContext: {runAsNonRoot: true}\ncontainers: [{name: api, image: acme/api}]\n").items())
def test_every_workload(kind, src):
    assert len(found({"api/Dockerfile": ROOT, "w.yaml": src})) == 1


def test_message_names_the_dockerfile_line():
    (f,) = [f for f in lint_files({"api/Dockerfile": ROOT, "d.yaml": deploy()}) if f.rule_id == RULE]
    assert "api/Dockerfile, line 2" in f.message and "`root`" in f.message


def test_images_option_must_be_a_mapping():
    from linter.config import ConfigError

    with pytest.raises(ConfigError, match="mapping of strings"):
        found({"deploy.yaml": deploy()}, {"rules": {RULE: {"images": ["api"]}}})


def test_digest_pinned_images_are_not_matched_by_name():
    image = "gcr.io/knative-releases/cmd/api@sha256:" + "a" * 64
    assert found({"api/Dockerfile": NO_USER, "deploy.yaml": deploy(image=image)}) == []
    config = {"rules": {RULE: {"images": {"gcr.io/knative-releases/cmd/api": "api/Dockerfile"}}}}
    assert found({"api/Dockerfile": NO_USER, "deploy.yaml": deploy(image=image)}, config) == [("deploy.yaml", 9)]
