from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Instruction, Report, Severity, Target, report, rule, run_commands

# ADD extracts local tar archives (plain, gzip, bzip2, xz); zip files and lone .gz files are not unpacked.
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tbz2", ".tb2", ".tar.xz", ".txz")


def _basename(path: str) -> str:
    return path.strip("\"'").replace("\\", "/").rsplit("/", 1)[-1]


def _copied_archives(instr: Instruction) -> set[str]:
    words = instr.exec_form if instr.exec_form is not None else instr.args.split()
    if len(words) < 2 or "from" in instr.flags or instr.heredocs:
        return set()
    *sources, target = words
    if _basename(target).lower().endswith(TAR_SUFFIXES):
        return {_basename(target)}
    return {_basename(s) for s in sources if _basename(s).lower().endswith(TAR_SUFFIXES)}


def _is_tar_extract(words: tuple[str, ...]) -> bool:
    for i, arg in enumerate(words[1:]):
        if arg in ("--extract", "--get") or (arg.startswith("-") and not arg.startswith("--") and "x" in arg):
            return True
        if i == 0 and not arg.startswith("-") and "x" in arg:  # old style: `tar xzf file.tgz`
            return True
    return False


@rule(
    id="DF106", name="copied-archive-extracted-in-run", target=Target.DOCKERFILE, severity=Severity.INFO,
    summary="A tar archive is COPYed and then extracted in a RUN; ADD extracts it in one step",
    remediation="Use `ADD archive.tar.gz /dest/`, which unpacks local tar archives without keeping them",
    aliases=("DL3010",),
    references=("https://github.com/hadolint/hadolint/wiki/DL3010",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A local tar archive copied with `COPY` (not `--from`) that a later `RUN` of the same stage
    extracts with `tar -x`; reported at the COPY. Unlike hadolint, zip files and lone `.gz`
    files are not flagged, since ADD would not unpack them.

    ## Why it matters
    The COPY layer keeps the archive forever even when the RUN deletes it; `ADD` extracts a
    local tar archive in one layer.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    COPY app.tar.gz /tmp/
    RUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    ADD app.tar.gz /opt/
    ```
    """
    pending: dict[str, Instruction] = {}
    flagged: set[int] = set()
    for instr in df.instructions:
        if instr.keyword == "FROM":
            pending = {}
        elif instr.keyword == "COPY":
            for name in _copied_archives(instr):
                pending[name] = instr
        elif instr.keyword == "RUN" and pending:
            for cmd in run_commands(instr):
                if cmd.name != "tar" or not _is_tar_extract(cmd.words):
                    continue
                for arg in cmd.args:
                    copy = pending.get(_basename(arg))
                    if copy is not None and id(copy) not in flagged:
                        flagged.add(id(copy))
                        yield report(copy, f"`{_basename(arg)}` is copied and then extracted; use ADD instead")
