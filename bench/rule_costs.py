"""Rank rules (and the engine's per-file parts) by CPU cost over the corpus's plain files.

    python bench/rule_costs.py [CORPUS] [--limit N] [--top K] [--no-shellcheck]

Parses the Dockerfiles and Kubernetes YAML files of the corpus once (Helm charts and
kustomizations are left out: their rendering is timed elsewhere), then times each enabled
rule over every target of its kind (Dockerfiles, objects; project rules over one Project of
all objects), in this process, with no worker pool. Prints a table sorted by cost:
rule id, name, target, seconds, share of the rules' total, the first call's seconds
(one-time work, e.g. imports), findings. Shared cached work (the RUN shell parse behind
run_commands) is charged to the first rule that asks for it. ShellCheck runs batched first, as in
a real run ("shellcheck batched"), so DF300's own row is then only the mapping of its results.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

DEFAULT_CORPUS = HERE.parents[1] / ".." / "shared" / "corpus"
PLAIN = {"dockerfile", "k8s-manifest", "k8s-other-yaml"}


def plain_files(corpus: Path, limit: int | None) -> list[tuple[str, str]]:
    """(kind, path) of the corpus's Dockerfiles and plain YAML files, from INDEX.tsv."""
    out = []
    with open(corpus / "INDEX.tsv", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 2 and cols[2] in PLAIN:
                out.append(("dockerfile" if cols[2] == "dockerfile" else "yaml", str(corpus / cols[0])))
    return out[:limit] if limit else out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--limit", type=int, default=None, help="first N files only")
    ap.add_argument("--top", type=int, default=0, help="print the K costliest rules only")
    ap.add_argument("--no-shellcheck", action="store_true")
    ap.add_argument("--one-process-per-dockerfile", action="store_true",
                    help="time DF300 with one ShellCheck process per Dockerfile (no batching)")
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    if not (corpus / "INDEX.tsv").is_file():
        print(f"no corpus at {corpus}: nothing to measure")
        return 0

    from linter.config import build_config
    from linter.engine import Linter, Project, decode
    from linter.model import Context, Target
    from linter.sources.dockerfile import parse_dockerfile
    from linter.sources.k8s import objects_in
    from linter.sources.yaml import parse_yaml
    from linter.testing import default_registry

    registry = default_registry()
    config = build_config(registry, {"rules": {"shellcheck": "off"}} if args.no_shellcheck else {})
    linter = Linter(registry, config)

    parts: dict[str, float] = {"read+decode": 0.0, "parse dockerfile": 0.0, "parse yaml": 0.0}
    dockerfiles, objects = [], []
    for kind, path in plain_files(corpus, args.limit):
        t = time.perf_counter()
        with open(path, "rb") as fh:
            text, _ = decode(fh.read())
        parts["read+decode"] += time.perf_counter() - t
        if text is None:
            continue
        t = time.perf_counter()
        if kind == "dockerfile":
            try:
                dockerfiles.append(parse_dockerfile(text, os.path.relpath(path)))
            except Exception:
                pass
            parts["parse dockerfile"] += time.perf_counter() - t
        else:
            parsed = parse_yaml(text)
            objects.extend(o for d in parsed.documents if d.root is not None for o in objects_in(d, path))
            parts["parse yaml"] += time.perf_counter() - t
    if not args.no_shellcheck and not args.one_process_per_dockerfile:
        from linter.sources import shellcheck

        t = time.perf_counter()  # what a run does: all the RUN scripts in a few ShellCheck processes
        shellcheck.prefetch(dockerfiles)
        parts["shellcheck batched"] = time.perf_counter() - t
    project = Project(objects=list(objects), dockerfiles=list(dockerfiles))
    targets = {Target.DOCKERFILE: dockerfiles, Target.K8S_OBJECT: objects, Target.K8S_PROJECT: objects}

    rows = []
    for target, items in targets.items():
        for r in linter.by_target[target]:
            options = config.rules[r.id].options
            n = 0
            t = time.perf_counter()
            first = None
            for idx, item in enumerate(items):
                if idx == 1:
                    first = time.perf_counter() - t  # the first call: one-time imports, loaded tables
                ctx = Context(options=options, path=getattr(item, "file", getattr(item, "path", "")),
                              project=project if target is Target.K8S_PROJECT else None)
                try:
                    n += sum(1 for _ in r.check(item, ctx))
                except Exception:
                    pass
            rows.append((time.perf_counter() - t, r.id, r.name, target.value, n, first or 0.0))
    total = sum(row[0] for row in rows) or 1e-9
    rows.sort(reverse=True)
    print(f"{len(dockerfiles)} Dockerfiles, {len(objects)} objects")
    for name, secs in parts.items():
        print(f"  {name:<18} {secs:8.3f} s")
    print(f"  {'all rules':<18} {total:8.3f} s")
    print(f"{'rule':<7} {'name':<44} {'target':<12} {'seconds':>8} {'share':>6} {'first':>6} {'findings':>8}")
    for secs, rid, name, target, n, first in rows[:args.top or None]:
        print(f"{rid:<7} {name:<44} {target:<12} {secs:8.3f} {secs / total:6.1%} {first:6.3f} {n:8d}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
