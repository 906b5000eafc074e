"""Smoke test of bench/checkov_diff.py: two tiny manifests and a faked checkov result (no checkov needed)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def load():
    spec = importlib.util.spec_from_file_location("checkov_diff", REPO / "bench" / "checkov_diff.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def failed(check: str, path: Path, resource: str) -> dict:
    return {"check_id": check, "check_name": check, "file_abs_path": str(path), "resource": resource,
            "file_line_range": [1, 9]}


def test_diff_on_two_manifests_with_a_faked_checkov_result(tmp_path, capsys):
    web = tmp_path / "web.yaml"
    web.write_text(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec:\n"
        "  hostNetwork: true\n  containers:\n    - name: web\n      image: nginx:1.27\n", encoding="utf-8")
    role = tmp_path / "role.yaml"
    role.write_text(
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: all}\n"
        "rules:\n  - apiGroups: ['*']\n    resources: ['*']\n    verbs: ['*']\n", encoding="utf-8")
    fake = tmp_path / "checkov.json"
    fake.write_text(json.dumps({"check_type": "kubernetes", "results": {"failed_checks": [
        failed("CKV_K8S_19", web, "Pod.shop.web"),          # both: hostNetwork
        failed("CKV_K8S_33", web, "Pod.shop.web"),          # only checkov (a made-up disagreement)
        failed("CKV2_K8S_6", web, "Pod.shop.web.extra"),    # graph check on a derived pod -> the Pod
        failed("CKV_K8S_49", role, "ClusterRole.default.all"),  # both: wildcards
    ]}}), encoding="utf-8")
    md = tmp_path / "diff.md"
    mod = load()
    assert mod.main(["--files", str(web), str(role), "--checkov-json", str(fake), "--markdown", str(md),
                     "--show", "CKV_K8S_33"]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line.startswith("CKV") and len(line.split()) == 8}
    assert rows["CKV_K8S_19"][2:8] == ["1", "1", "1", "0", "0", "100.0%"]
    assert rows["CKV_K8S_49"][4] == "1"
    assert rows["CKV_K8S_33"][2:8] == ["1", "0", "0", "1", "0", "0.0%"]
    assert "CKV_K8S_33 only-checkov: 1" in out
    text = md.read_text(encoding="utf-8")
    assert "<!-- checkov-diff:begin -->" in text and "| CKV_K8S_19 |" in text
    # a second run replaces the generated block and keeps text around it
    md.write_text(text + "\nhand-written analysis\n", encoding="utf-8")
    mod.main(["--files", str(web), "--checkov-json", str(fake), "--markdown", str(md)])
    again = md.read_text(encoding="utf-8")
    assert again.count("<!-- checkov-diff:begin -->") == 1 and "hand-written analysis" in again


def test_skips_cleanly_without_corpus_or_checkov(tmp_path, capsys, monkeypatch):
    mod = load()
    assert mod.main(["--corpus", str(tmp_path / "missing")]) == 0
    assert "skipped: no corpus" in capsys.readouterr().out
    monkeypatch.setattr(mod, "find_checkov", lambda install: None)
    one = tmp_path / "a.yaml"
    one.write_text("apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n", encoding="utf-8")
    assert mod.main(["--files", str(one)]) == 0
    assert "skipped: checkov not found" in capsys.readouterr().out
