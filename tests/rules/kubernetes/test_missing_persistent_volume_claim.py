import pytest

from linter.testing import fires, quiet

HEAD = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: a, image: x}]\n"
PVC = "---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec: {accessModes: [ReadWriteOnce]}\n"

FIRES = [
    pytest.param(HEAD + "  volumes: [{name: v, persistentVolumeClaim: {claimName: data}}]\n", [6], id="undefined"),
    pytest.param(HEAD + "  volumes: [{name: v, persistentVolumeClaim: {claimName: dat}}]\n" + PVC, [6], id="misspelt"),
    pytest.param(HEAD + "  volumes:\n    - {name: v, persistentVolumeClaim: {claimName: data}}\n    - {name: w, persistentVolumeClaim: {claimName: logs}}\n"
                 + PVC, [8], id="second-undefined"),
]
QUIET = [
    pytest.param(HEAD + "  volumes: [{name: v, persistentVolumeClaim: {claimName: data}}]\n" + PVC, id="defined"),
    pytest.param(HEAD + "  volumes: [{name: v, emptyDir: {}}]\n", id="empty-dir"),
    pytest.param("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  template:\n    spec:\n"
                 "      containers: [{name: a, image: x}]\n      volumes: [{name: datadir, persistentVolumeClaim: {claimName: datadir}}]\n"
                 "  volumeClaimTemplates: [{metadata: {name: datadir}}]\n", id="statefulset-claim-template"),
    pytest.param(HEAD + "  volumes: [{name: v, persistentVolumeClaim: {}}]\n", id="no-claim-name"),
    pytest.param(HEAD + "  volumes: [{name: v, persistentVolumeClaim: {claimName: data}}]  # k8slint: ignore=KS311\n", id="suppressed"),
]


@pytest.mark.parametrize("src,lines", FIRES)
def test_fires(src, lines):
    fires("missing-persistent-volume-claim", src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("missing-persistent-volume-claim", src)


def test_options():
    src = HEAD + "  volumes: [{name: v, persistentVolumeClaim: {claimName: data}}]\n"
    quiet("missing-persistent-volume-claim", src, config={"rules": {"KS311": {"ignore": ["data"]}}})
    quiet("missing-persistent-volume-claim", src, config={"rules": {"KS311": {"require-kind-in-namespace": True}}})
    quiet("missing-persistent-volume-claim", src, config={"rules": {"KS311": "off"}})
