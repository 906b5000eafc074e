#!/usr/bin/env python3
"""Differential test of k8slint against checkov on the plain Kubernetes manifests of the corpus.

    python bench/checkov_diff.py                          # corpus k8s-manifest files without templates
    python bench/checkov_diff.py --show CKV_K8S_22        # list disagreements for one check
    python bench/checkov_diff.py --markdown docs/checkov-differential.md
    python bench/checkov_diff.py --checkov-json out.json  # reuse a saved `checkov -o json` result
    python bench/checkov_diff.py --list-checks            # every CKV_K8S_*/CKV2_K8S_* check of checkov

Files: the corpus' INDEX.tsv rows of category `k8s-manifest` without the `go-template` feature
(Helm templates and kustomize overlays are skipped: checkov cannot read them either).
checkov runs as `checkov --framework kubernetes -o json --compact --quiet --skip-download -f FILE...` (only failed
checks are printed); k8slint runs in-process on the same files with `extends: strict` and
`preview`, only the rules carrying a CKV alias selected (checkov enables every check).

Results are matched by (file, object kind, namespace, name, check id): checkov reports a
resource as `Kind.namespace.name` (namespace `default` when unset); a k8slint finding counts for
the CKV ids among its rule's aliases, once per object. Graph checks (CKV2_K8S_*) report on the
pod checkov derives from a workload (`Pod.ns.workload.template`): matched to the workload.
Both tools lint the same batches of about 400 files (whole source repositories), so cross-object
checks see the same neighbours.
Agreement = both / (both + only-checkov + only-k8slint).

checkov is never a k8slint dependency: it lives in its own venv (`--install` creates
/tmp/checkov-venv with pip). Without checkov or without the corpus the script prints why and exits 0.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS_CANDIDATES = (REPO / ".." / "shared" / "corpus", REPO / ".." / ".." / "shared" / "corpus")
DEFAULT_CORPUS = next((c for c in CORPUS_CANDIDATES if c.is_dir()), CORPUS_CANDIDATES[0])
CHECKOV_VENV = Path(os.environ.get("CHECKOV_VENV", "/tmp/checkov-venv"))
sys.path.insert(0, str(REPO))

Key = tuple[str, str, str, str]  # (file, kind, namespace, name)


def find_checkov(install: bool) -> str | None:
    here = CHECKOV_VENV / "bin" / "checkov"
    if here.is_file():
        return str(here)
    found = shutil.which("checkov")
    if found or not install:
        return found
    print(f"  installing checkov into {CHECKOV_VENV} (never a k8slint dependency) ...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(CHECKOV_VENV)], check=False)
    subprocess.run([str(CHECKOV_VENV / "bin" / "pip"), "install", "-q", "checkov"], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return str(here) if here.is_file() else None


def checkov_version(exe: str) -> str:
    proc = subprocess.run([exe, "--version"], capture_output=True, text=True, check=False)
    return (proc.stdout or "?").strip()


def corpus_manifests(corpus: Path) -> list[Path]:
    index = corpus / "INDEX.tsv"
    if not index.is_file():
        return sorted(p for p in corpus.rglob("*") if p.suffix in (".yaml", ".yml", ".json") and p.is_file())
    out = []
    for row in index.read_text(encoding="utf-8").splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) > 5 and cols[2] == "k8s-manifest" and "go-template" not in cols[5].split(","):
            out.append(corpus / cols[0])
    return out


def batches(files: list[Path], corpus: Path | None, size: int = 400) -> list[list[Path]]:
    """Files in runs of about `size`, never splitting one source repository (the corpus' top-level
    folder): both tools lint the same batches, so cross-object checks (CKV2_K8S_*, k8slint's project
    rules) see the same neighbours."""
    groups: dict[str, list[Path]] = defaultdict(list)
    for p in files:
        try:
            top = p.relative_to(corpus).parts[0] if corpus else ""
        except ValueError:
            top = ""
        groups[top].append(p)
    out: list[list[Path]] = []
    for top in sorted(groups):
        if out and len(out[-1]) + len(groups[top]) <= size:
            out[-1].extend(groups[top])
        else:
            out.append(list(groups[top]))
    return out


def run_checkov(exe: str, runs: list[list[Path]]) -> list[dict]:
    """checkov's failed checks (JSON records), one checkov process per batch of files."""
    failed: list[dict] = []
    for batch in runs:
        args = [exe, "--framework", "kubernetes", "-o", "json", "--compact", "--quiet", "--skip-download"]
        for p in batch:
            args += ["-f", str(p)]
        proc = subprocess.run(args, capture_output=True, text=True, check=False)
        failed.extend(parse_checkov_json(proc.stdout))
    return failed


def parse_checkov_json(text: str) -> list[dict]:
    """Failed checks of a `checkov -o json` output (one report object, or a list of them)."""
    try:
        data = json.loads(text or "{}")
    except ValueError:
        return []
    reports = data if isinstance(data, list) else [data]
    out = []
    for rep in reports:
        if isinstance(rep, dict) and isinstance(rep.get("results"), dict):
            out.extend(r for r in rep["results"].get("failed_checks", []) if isinstance(r, dict))
    return out


def checkov_keys(failed: list[dict], objects: dict[str, list[Key]]) -> dict[str, dict[Key, str]]:
    """check id -> {object key: detail}; `objects` lists k8slint's objects per file for derived pods."""
    out: dict[str, dict[Key, str]] = defaultdict(dict)
    for r in failed:
        check = str(r.get("check_id", ""))
        if not check.upper().startswith(("CKV_K8S_", "CKV2_K8S_")):
            continue
        path = str(Path(str(r.get("file_abs_path") or r.get("file_path", ""))).resolve())
        kind, _, rest = str(r.get("resource", "")).partition(".")
        ns, _, name = rest.partition(".")
        key: Key = (path, kind, ns or "default", name)
        if key not in objects.get(path, ()):  # a pod checkov derived from a workload template
            for cand in objects.get(path, ()):
                if kind == "Pod" and cand[2] == key[2] and (name == cand[3] or name.startswith(cand[3] + ".")):
                    key = cand
                    break
        lines = r.get("file_line_range") or ["?"]
        out[check.upper()][key] = f"{r.get('check_name', '')} (lines {lines[0]}-{lines[-1]})"
    return out


def run_k8slint(runs: list[list[Path]]):
    from linter.config import build_config
    from linter.engine import Linter
    from linter.registry import load_registry

    registry = load_registry()
    chosen = [r.id for r in registry if any(a.upper().startswith(("CKV_K8S_", "CKV2_K8S_")) for a in r.meta.aliases)]
    config = build_config(registry, {"extends": "strict", "preview": True}, select=chosen or ["KL001"])
    linter = Linter(registry, config)
    findings = []
    for batch in runs:  # one project per batch, as checkov's graph
        findings.extend(linter.lint_paths([str(p) for p in batch]).findings)
    return findings, registry


def k8slint_keys(findings) -> tuple[dict[str, dict[Key, str]], dict[str, list[Key]]]:
    out: dict[str, dict[Key, str]] = defaultdict(dict)
    objects: dict[str, set[Key]] = defaultdict(set)
    for f in findings:
        if f.object is None:
            continue
        path = str(Path(f.path).resolve())
        key: Key = (path, f.object.kind, f.object.namespace or "default", f.object.name)
        objects[path].add(key)
        for a in f.aliases:
            if a.upper().startswith(("CKV_K8S_", "CKV2_K8S_")):
                out[a.upper()].setdefault(key, f"{f.rule_id} line {f.line}: {f.message}")
    return out, {p: sorted(v) for p, v in objects.items()}


def compare(theirs: dict[str, dict[Key, str]], ours: dict[str, dict[Key, str]]):
    rows: dict[str, Counter] = {}
    examples: dict[str, dict[str, list[str]]] = {}
    for check in set(theirs) | set(ours):
        t, o = theirs.get(check, {}), ours.get(check, {})
        both = t.keys() & o.keys()
        rows[check] = Counter(checkov=len(t), k8slint=len(o), both=len(both),
                              only_checkov=len(t.keys() - both), only_k8slint=len(o.keys() - both))
        fmt = lambda k: f"{k[0]} {k[1]}/{k[2]}/{k[3]}"  # noqa: E731
        examples[check] = {
            "only-checkov": [f"{fmt(k)}  {t[k]}" for k in sorted(t.keys() - both)],
            "only-k8slint": [f"{fmt(k)}  {o[k]}" for k in sorted(o.keys() - both)],
        }
    return rows, examples


def agreement(row: Counter) -> str:
    union = row["both"] + row["only_checkov"] + row["only_k8slint"]
    return f"{100 * row['both'] / union:.1f}%" if union else "-"


def _check_key(check: str) -> tuple[int, int]:
    graph = check.startswith("CKV2")
    return (int(graph), int(check.rsplit("_", 1)[-1]) if check.rsplit("_", 1)[-1].isdigit() else 0)


def table(rows: dict[str, Counter], mapped: dict[str, str], markdown: bool) -> str:
    header = ("check", "k8slint rule", "checkov", "k8slint", "both", "only checkov", "only k8slint", "agreement")
    lines = [(c, mapped.get(c, "(none)"), *(str(rows[c][k]) for k in ("checkov", "k8slint", "both", "only_checkov", "only_k8slint")),
              agreement(rows[c])) for c in sorted(rows, key=_check_key)]
    total = Counter()
    for c in rows:
        if c in mapped:
            total.update(rows[c])
    lines.append(("all mapped", "", *(str(total[k]) for k in ("checkov", "k8slint", "both", "only_checkov", "only_k8slint")),
                  agreement(total)))
    if markdown:
        return "\n".join(["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
                         + ["| " + " | ".join(line) + " |" for line in lines]) + "\n"
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(header)]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(row, widths)) for row in [header, *lines]) + "\n"


def list_checks(exe: str | None) -> int:
    """Print every Kubernetes check of the installed checkov (id, name, entities), from its registries."""
    python = Path(exe).parent / "python" if exe else None
    if python is None or not python.is_file():
        print("skipped: checkov's venv python not found (pass --install)")
        return 0
    code = (
        "import re\nfrom importlib.metadata import version\n"
        "from checkov.kubernetes.checks.resource.registry import registry\n"
        "from checkov.common.checks_infra.registry import get_graph_checks_registry\n"
        "rows = {}\n"
        "for entity, checks in registry.checks.items():\n"
        "    for c in checks: rows.setdefault(c.id, (c.name, set()))[1].add(entity)\n"
        "g = get_graph_checks_registry('kubernetes'); g.load_checks()\n"
        "for c in g.checks: rows.setdefault(c.id, (c.name, {'graph'}))\n"
        "print('#version', version('checkov'))\n"
        "key = lambda i: (i.startswith('CKV2'), int(re.sub(r'\\D', '', i.rsplit('_', 1)[-1]) or 0))\n"
        "for cid in sorted(rows, key=key): print(cid, rows[cid][0], ','.join(sorted(rows[cid][1])), sep='\\t')\n"
    )
    return subprocess.run([str(python), "-c", code], check=False).returncode


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder (default ../shared/corpus)")
    ap.add_argument("--files", nargs="*", type=Path, help="manifests to compare instead of the corpus")
    ap.add_argument("--limit", type=int, default=0, help="only the first N manifests")
    ap.add_argument("--checkov-json", type=Path, help="read checkov's JSON output from this file instead of running it")
    ap.add_argument("--save-checkov-json", type=Path, help="save checkov's failed checks to this file (for --checkov-json)")
    ap.add_argument("--show", metavar="CHECK", action="append", default=[], help="list disagreements for CHECK")
    ap.add_argument("--max-examples", type=int, default=20)
    ap.add_argument("--markdown", metavar="FILE", type=Path, help="also write the report as Markdown to FILE")
    ap.add_argument("--install", action="store_true", help=f"pip-install checkov into {CHECKOV_VENV} when missing")
    ap.add_argument("--list-checks", action="store_true", help="print checkov's Kubernetes checks and exit")
    args = ap.parse_args(argv)

    if args.list_checks:
        return list_checks(find_checkov(args.install))
    if args.files:
        files = [p.resolve() for p in args.files if p.is_file()]
    else:
        if not args.corpus.is_dir():
            print(f"skipped: no corpus at {args.corpus.resolve()}")
            return 0
        files = corpus_manifests(args.corpus.resolve())
    if args.limit:
        files = files[:args.limit]
    runs = batches(files, None if args.files else args.corpus.resolve())
    t0 = time.perf_counter()
    if args.checkov_json:
        failed, version = parse_checkov_json(args.checkov_json.read_text(encoding="utf-8")), "(saved result)"
    else:
        exe = find_checkov(args.install)
        if exe is None:
            print("skipped: checkov not found (it lives in its own venv: pass --install)")
            return 0
        version = checkov_version(exe)
        failed = run_checkov(exe, runs)
        if args.save_checkov_json:
            args.save_checkov_json.write_text(json.dumps({"results": {"failed_checks": failed}}), encoding="utf-8")
    t1 = time.perf_counter()
    findings, registry = run_k8slint(runs)
    t2 = time.perf_counter()
    ours, objects = k8slint_keys(findings)
    theirs = checkov_keys(failed, objects)
    rows, examples = compare(theirs, ours)
    mapped = {}
    for r in registry:
        for a in r.meta.aliases:
            if a.upper().startswith(("CKV_K8S_", "CKV2_K8S_")):
                mapped[a.upper()] = r.id
    head = (f"{len(files)} manifests in {len(runs)} batches; checkov {version} {t1 - t0:.1f}s, k8slint {t2 - t1:.1f}s; "
            f"{len(failed)} checkov failures, {sum(len(v) for v in ours.values())} k8slint object-level findings")
    print(head)
    print(table(rows, mapped, markdown=False))
    for check in args.show:
        ex = examples.get(check.upper(), {"only-checkov": [], "only-k8slint": []})
        for kind, items in ex.items():
            print(f"\n{check.upper()} {kind}: {len(items)}")
            for line in items[:args.max_examples]:
                print("  " + line)
    if args.markdown:
        write_markdown(args.markdown, head, table(rows, mapped, markdown=True), argv)
    return 0


def write_markdown(path: Path, head: str, md_table: str, argv: list[str] | None) -> None:
    """Replace the generated section of FILE (between markers), keeping the hand-written analysis."""
    begin, end = "<!-- checkov-diff:begin -->", "<!-- checkov-diff:end -->"
    cmd = "python bench/checkov_diff.py " + " ".join(argv if argv is not None else sys.argv[1:])
    block = f"{begin}\n\nCommand: `{cmd.strip()}`\n\n{head}\n\n{md_table}\n{end}"
    old = path.read_text(encoding="utf-8") if path.is_file() else f"# k8slint vs checkov\n\n{begin}\n{end}\n"
    if begin in old and end in old:
        a, rest = old.split(begin, 1)
        _, b = rest.split(end, 1)
        new = a + block + b
    else:
        new = old.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
