import pytest

from linter.testing import fires, quiet

HEAD = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: a, image: x}]\n"
ALL = {"rules": {"KS309": {"require-kind-in-namespace": False}}}
SECRET = "---\napiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntype: Opaque\n"

FIRES = [
    pytest.param(HEAD + "  imagePullSecrets: [{name: regcred}]\n", [6], [29], id="image-pull-secret"),
    pytest.param(HEAD + "  volumes: [{name: v, secret: {secretName: tls}}]\n", [6], [44], id="secret-volume"),
    pytest.param("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - name: a\n      image: x\n"
                 "      env: [{name: P, valueFrom: {secretKeyRef: {name: db, key: p}}}]\n      envFrom: [{secretRef: {name: more}}]\n",
                 [8, 9], id="env-and-env-from"),
    pytest.param(HEAD + "  volumes: [{name: v, secret: {secretName: s}}]\n" + SECRET.replace("{name: s}", "{name: s, namespace: x}"),
                 [6], [44], id="secret-in-other-namespace"),
]

QUIET = [
    pytest.param(HEAD + "  volumes: [{name: v, secret: {secretName: s}}]\n" + SECRET, id="secret-defined"),
    pytest.param(HEAD + "  volumes: [{name: v, secret: {secretName: s, optional: true}}]\n", id="optional"),
    pytest.param(HEAD + "  volumes: [{name: v, secret: {secretName: s}}]\n---\napiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\n"
                 "metadata: {name: s}\nspec: {encryptedData: {a: b}}\n", id="sealed-secret"),
    pytest.param(HEAD + "  volumes: [{name: v, secret: {secretName: t}}]\n---\napiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\n"
                 "metadata: {name: s}\nspec: {target: {name: t}}\n", id="external-secret-target"),
    pytest.param(HEAD + "  volumes: [{name: v, secret: {secretName: web-tls}}]\n---\napiVersion: cert-manager.io/v1\nkind: Certificate\n"
                 "metadata: {name: web}\nspec: {secretName: web-tls}\n", id="cert-manager-certificate"),
    pytest.param(HEAD + "  imagePullSecrets: [{name: regcred}]  # k8slint: ignore=missing-secret\n", id="suppressed"),
]


@pytest.mark.parametrize("src,lines,columns", [p if len(p.values) == 3 else pytest.param(*p.values, None, id=p.id) for p in FIRES])
def test_fires(src, lines, columns):
    fires("missing-secret", src, lines=lines, columns=columns, config=ALL)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("missing-secret", src, config=ALL)


def test_by_default_only_when_the_namespace_defines_secrets():
    src = HEAD + "  imagePullSecrets: [{name: regcred}]\n"
    quiet("missing-secret", src)
    fires("missing-secret", src + SECRET, lines=[6])
    quiet("missing-secret", src + SECRET.replace("{name: s}", "{name: s, namespace: x}"))


def test_option_ignore():
    quiet("missing-secret", HEAD + "  imagePullSecrets: [{name: regcred}]\n", config={"rules": {"KS309": {"ignore": ["regcred"], "require-kind-in-namespace": False}}})
