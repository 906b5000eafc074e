from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, copy_paths, report, rule, with_onbuild

# Archive extensions hadolint accepts for ADD (it extracts local tar archives).
ARCHIVE_SUFFIXES = (".tar", ".Z", ".bz2", ".gz", ".lz", ".lzma", ".tZ", ".tb2", ".tbz", ".tbz2", ".tgz",
                    ".tlz", ".tpz", ".txz", ".xz", ".zst", ".tzst")
REMOTE_PREFIXES = ("http://", "https://", "git@", "git://", "ssh://")


def _needs_add(src: str) -> bool:
    return src.endswith(ARCHIVE_SUFFIXES) or src.startswith(REMOTE_PREFIXES) or "$" in src


@rule(
    id="DF115", name="add-instead-of-copy", target=Target.DOCKERFILE, severity=Severity.ERROR,
    summary="ADD is used to copy plain files or folders",
    remediation="Use COPY; keep ADD for URLs, git repositories and tar archives to extract",
    aliases=("DL3020", "CKV_DOCKER_4"),
    references=("https://github.com/hadolint/hadolint/wiki/DL3020",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    An `ADD` (also inside `ONBUILD`) whose sources are plain local files or folders: not an
    archive ADD would extract, not a URL or git repository. Heredoc sources (`ADD <<EOF`) and,
    unlike hadolint, sources given as variables (`ADD $SRC /x`, possibly a URL) are not
    flagged.

    ## Why it matters
    ADD has magic behaviour (it downloads URLs and unpacks archives); for plain files COPY
    says exactly what happens and cannot surprise a reader or a later edit.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    ADD app.py /app/
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    COPY app.py /app/
    ```
    """
    for instr in with_onbuild(df, "ADD"):
        paths = copy_paths(instr)
        if paths is None:
            continue
        plain = [s for s in paths[0] if not _needs_add(s)]
        if plain and len(plain) == len(paths[0]):
            yield report(instr, f"ADD of `{plain[0]}`: use COPY for files and folders")
