"""Package arguments of zypper, dnf/microdnf and `go install` commands (from the parsed shell model)."""
from __future__ import annotations

from linter.sources.shell import Command

# Options that take their value as the next word (so that word is not a package).
_VALUE_OPTIONS = {
    "zypper": {"-r", "--repo", "--from", "-t", "--type", "-R", "--root", "--download", "-C"},
    "dnf": {"-c", "--config", "--enablerepo", "--disablerepo", "--repo", "--repoid", "-x", "--exclude",
            "--installroot", "--releasever", "--setopt", "--setup", "--forcearch",
            "--downloaddir", "--destdir", "--rpmverbosity", "-d", "--debuglevel", "-e",
            "--errorlevel", "--comment"},
    "go": {"-o", "-p", "-tags", "-ldflags", "-gcflags", "-asmflags", "-mod", "-modfile", "-overlay",
           "-pkgdir", "-buildmode", "-compiler", "-toolexec", "-pgo", "-C"},
}
DNF_NAMES = ("dnf", "microdnf", "dnf5", "dnf-3")


def operands(cmd: Command, family: str) -> list[str]:
    """Non-option words after the command name, values of known value-taking options skipped."""
    takes_value = _VALUE_OPTIONS.get(family, set())
    out: list[str] = []
    skip = False
    for word in cmd.args:
        if skip:
            skip = False
            continue
        if word.startswith("-"):
            skip = word in takes_value
            continue
        out.append(word)
    return out


def subcommand(cmd: Command, family: str) -> tuple[str, list[str]]:
    """(`install`, [packages...]) for `zypper -n install a b`; ("", []) without operands."""
    ops = operands(cmd, family)
    if not ops:
        return "", []
    return ops[0], ops[1:]


def zypper_packages(cmd: Command) -> list[str]:
    if cmd.name != "zypper":
        return []
    sub, rest = subcommand(cmd, "zypper")
    return rest if sub in ("install", "in") else []


def is_dnf(cmd: Command) -> bool:
    return cmd.name in DNF_NAMES


def dnf_packages(cmd: Command) -> list[str]:
    if not is_dnf(cmd):
        return []
    sub, rest = subcommand(cmd, "dnf")
    return rest if sub == "install" else []


def go_install_targets(cmd: Command) -> list[str]:
    """Remote package paths of `go install|get|run` (local `./x`, `.` and files excluded)."""
    if cmd.name != "go":
        return []
    sub, rest = subcommand(cmd, "go")
    if sub not in ("install", "get", "run"):
        return []
    if sub == "run":
        rest = rest[:1]  # the words after the package are the program's arguments
    out = []
    for word in rest:
        if word.startswith((".", "/", "$")) or word.endswith(".go") or "." not in word.split("/", 1)[0]:
            continue
        out.append(word)
    return out


def is_variable(word: str) -> bool:
    return "$" in word
