"""The coverage tables of docs/coverage/: every upstream check of kube-linter, kube-score, polaris,
checkov and trivy is mapped to a k8slint rule carrying its id as an alias, or its absence explained."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from linter.testing import default_registry

TABLES = sorted((Path(__file__).resolve().parent.parent / "docs" / "coverage").glob("*.tsv"))
REGISTRY = {r.id: r for r in default_registry()}
NOT_COVERED = {"out-of-scope", "not-implemented"}


def rows(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def header(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") and ":" in line:
            key, _, value = line[1:].partition(":")
            out[key.strip()] = value.strip()
    return out


@pytest.mark.parametrize("table", TABLES, ids=[t.stem for t in TABLES])
def test_table_names_tool_version_and_source(table):
    meta = header(table)
    assert {"tool", "version", "source"} <= meta.keys(), f"{table.name}: header needs tool, version, source"
    found = rows(table)
    assert found, f"{table.name} lists no checks"
    assert list(found[0].keys()) == ["upstream_id", "title", "k8slint", "note"]


@pytest.mark.parametrize("table", TABLES, ids=[t.stem for t in TABLES])
def test_every_row_maps_to_a_rule_with_the_alias_or_says_why_not(table):
    problems = []
    seen = set()
    for row in rows(table):
        uid, target, note = row["upstream_id"], row["k8slint"].strip(), (row["note"] or "").strip()
        if uid in seen:
            problems.append(f"{uid}: listed twice")
        seen.add(uid)
        if target in NOT_COVERED:
            if not note:
                problems.append(f"{uid}: {target} needs a note saying why")
            continue
        for rule_id in target.split(","):
            r = REGISTRY.get(rule_id.strip())
            if r is None:
                problems.append(f"{uid}: no rule {rule_id!r}")
        # a rule whose own name is the upstream id (kube-linter `host-network`) cannot also carry it as an
        # alias (test_catalog: names and aliases are unique); the name resolves the same way
        if not any(uid.lower() in (a.lower() for a in REGISTRY[i.strip()].meta.aliases)
                   or uid.lower() == REGISTRY[i.strip()].name.lower()
                   for i in target.split(",") if i.strip() in REGISTRY):
            problems.append(f"{uid}: none of {target} carries {uid!r} among its aliases")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("table", TABLES, ids=[t.stem for t in TABLES])
def test_declared_check_count_matches_rows(table):
    meta = header(table)
    if "checks" not in meta:
        pytest.skip(f"{table.name} declares no check count")
    assert len(rows(table)) == int(meta["checks"].split()[0])


PREFIXED = {"checkov": "CKV_K8S_", "trivy": "KSV"}


@pytest.mark.parametrize("tool,prefix", sorted(PREFIXED.items()))
def test_every_alias_of_a_prefixed_tool_is_in_its_table(tool, prefix):
    table = next((t for t in TABLES if header(t).get("tool", "").lower().startswith(tool)), None)
    if table is None:
        pytest.skip(f"no {tool} table yet")
    listed = {row["upstream_id"].upper(): row["k8slint"] for row in rows(table)}
    missing = [f"{a} ({r.id})" for r in REGISTRY.values() for a in r.meta.aliases
               if a.upper().startswith(prefix) and r.id not in listed.get(a.upper(), "")]
    assert not missing, f"aliases not mapped in {table.name}: {missing}"
