import pytest

from linter.testing import fires, lint_files, quiet

CM = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings%s}\ndata: {a: b}\n---\n"

FIRES = [
    pytest.param(CM % "" + CM % "", [8], id="same-document-twice"),
    pytest.param(CM % "" + CM % ", namespace: default", [8], id="unset-and-default-namespace"),
    pytest.param(CM % "" + CM % ", namespace: x" + CM % "", [13], id="third-duplicates-first"),
    pytest.param(CM % "" + "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: settings}\n",
                 [11], id="inside-a-list"),
]
QUIET = [
    pytest.param(CM % "" + CM % ", namespace: staging", id="other-namespace"),
    pytest.param(CM % "" + CM.replace("ConfigMap", "Secret") % "", id="other-kind"),
    pytest.param(CM % "" + CM.replace("v1", "example.com/v1") % "", id="other-group"),
    pytest.param("apiVersion: v1\nkind: Pod\nmetadata: {generateName: job-}\n---\napiVersion: v1\nkind: Pod\nmetadata: {generateName: job-}\n",
                 id="generate-name"),
    pytest.param(CM % "" + CM.replace("metadata: {name: settings%s}", "metadata: {name: settings%s}  # k8slint: ignore=KS312") % "",
                 id="suppressed"),
]


@pytest.mark.parametrize("src,lines", FIRES)
def test_fires(src, lines):
    found = fires("duplicate-object", src, lines=lines)
    assert "ConfigMap `settings` is already defined at manifest.yaml:3" in found[0].message


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("duplicate-object", src)


def test_scope_across_files():
    files = {"base/a.yaml": CM % "", "base/b.yaml": CM % "", "prod/c.yaml": CM % ""}
    assert [f for f in lint_files(files) if f.rule_id == "KS312"] == []
    found = [f for f in lint_files(files, config={"rules": {"KS312": {"scope": "directory"}}}) if f.rule_id == "KS312"]
    assert [(f.path, f.line) for f in found] == [("base/b.yaml", 3)]
    assert "base/a.yaml:3" in found[0].message
    found = [f for f in lint_files(files, config={"rules": {"KS312": {"scope": "run"}}}) if f.rule_id == "KS312"]
    assert [f.path for f in found] == ["base/b.yaml", "prod/c.yaml"]


def test_files_of_one_kustomization():
    kust = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml, ../shared/b.yaml]\n"
    files = {"app/a.yaml": CM % "", "shared/b.yaml": CM % "", "app/kustomization.yaml": kust, "other/c.yaml": CM % ""}
    found = [f for f in lint_files(files) if f.rule_id == "KS312"]
    assert [(f.path, f.line) for f in found] == [("shared/b.yaml", 3)]


def test_kustomize_patches_are_skipped():
    files = {"app/a.yaml": CM % "", "app/patch.yaml": CM % "",
             "app/kustomization.yaml": "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                                       "resources: [a.yaml]\npatches: [{path: patch.yaml}]\n"}
    assert not [f for f in lint_files(files, config={"rules": {"KS312": {"scope": "directory"}}}) if f.rule_id == "KS312"]
