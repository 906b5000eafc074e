"""Package-manager invocations in parsed shell commands: which packages a command installs.

Each `*_packages` function takes one :class:`~linter.sources.shell.Command` and returns the
package words it installs (flags and the values of value-taking flags removed), or None when
the command is not an install of that package manager.
"""
from __future__ import annotations

import re
from typing import Iterable

from linter.sources.shell import Command

PIP_RE = re.compile(r"^pip[0-9.]*$|^pipx$")
PYTHON_RE = re.compile(r"^python[0-9.]*$")


def is_variable(word: str) -> bool:
    """A word that is a build-time expansion as a whole (`$PKGS`, `${EXTRA}`, `$(cat list)`, `` `x` ``).

    Such a word may hold several packages, pinned or not, or none: rules cannot judge it.
    `foo-${VERSION}` is not one: its name is known, only part of it varies.
    """
    return word.lstrip("\"'").startswith(("$", "`"))


def args_no_flags(args: Iterable[str], value_flags: Iterable[str] = ()) -> list[str]:
    """Arguments that are not flags, also dropping the word after a value-taking flag given without `=`.

    `value_flags` name flags without dashes: `t` matches `-t`, `target-release` matches `--target-release`.
    """
    takes_value = set(value_flags)
    out: list[str] = []
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg == "--" or arg == "-":
            continue
        if arg.startswith("--"):
            name, eq, _ = arg[2:].partition("=")
            if not eq and name in takes_value:
                skip = True
            continue
        if arg.startswith("-") and len(arg) > 1:
            # `-t value` or `-tvalue`: only a lone short flag takes the next word
            if len(arg) == 2 and arg[1] in takes_value:
                skip = True
            continue
        out.append(arg)
    return out


def _after(words: list[str], subcommands: set[str]) -> list[str] | None:
    for i, w in enumerate(words):
        if w in subcommands:
            return words[i + 1:]
    return None


def apt_get_install_packages(cmd: Command) -> list[str] | None:
    if cmd.name != "apt-get" or "install" not in cmd.args:
        return None
    words = args_no_flags(cmd.args, ("t", "target-release", "o", "option", "c", "config-file"))
    rest = _after(words, {"install"})
    return rest if rest is not None else None


def apk_add_packages(cmd: Command) -> list[str] | None:
    if cmd.name != "apk" or "add" not in cmd.args:
        return None
    words = args_no_flags(cmd.args, ("t", "virtual", "repository", "X", "p", "root", "repositories-file",
                                     "keys-dir", "arch", "cache-dir"))
    return _after(words, {"add"})


def pip_install_packages(cmd: Command) -> list[str] | None:
    """Packages of `pip install`, `pip3.12 install`, `python -m pip install`, `pipx install`; None if not one."""
    args = list(cmd.args)
    if PYTHON_RE.match(cmd.name):
        if len(args) >= 2 and args[0] == "-m" and PIP_RE.match(args[1]):
            args = args[2:]
        else:
            return None
    elif not PIP_RE.match(cmd.name):
        return None
    if "install" not in args:
        return None
    words = args_no_flags(args, (
        "abi", "b", "build", "e", "editable", "extra-index-url", "f", "find-links", "i", "index-url",
        "implementation", "no-binary", "only-binary", "platform", "prefix", "progress-bar", "proxy",
        "python-version", "root", "src", "t", "target", "trusted-host", "upgrade-strategy", "r",
        "requirement", "c", "constraint", "cache-dir", "log", "timeout", "retries", "cert", "client-cert",
        "config-settings", "C", "global-option", "python", "report", "exists-action", "group",
    ))
    rest = _after(words, {"install"})
    return rest


def npm_install_packages(cmd: Command) -> list[str] | None:
    """Packages of `npm install <pkg>` (install as the first non-flag word, as hadolint reads it)."""
    if cmd.name != "npm":
        return None
    words = args_no_flags(cmd.args, ("prefix", "registry", "cache", "userconfig", "globalconfig", "loglevel",
                                     "tag", "workspace", "w", "omit", "include", "install-strategy"))
    if not words or words[0] != "install":
        return None
    return words[1:]


def gem_install_packages(cmd: Command) -> list[str] | None:
    """Gems of `gem install` / `gem i`; an empty list when a `-v/--version` pins the whole command."""
    if cmd.name != "gem" or not any(a in ("install", "i") for a in cmd.args):
        return None
    if any(a in ("-v", "--version") or a.startswith("--version=") for a in cmd.args):
        return []
    words = args_no_flags(cmd.args, ("n", "bindir", "i", "install-dir", "s", "source", "platform",
                                     "document", "build-root", "g", "file", "p", "http-proxy"))
    rest = _after(words, {"install", "i"})
    return rest if rest is not None else []


def yum_install_packages(cmd: Command) -> tuple[list[str], bool] | None:
    """(packages, is_module_install) of `yum install` / `yum module install`; None if not one."""
    if cmd.name != "yum" or "install" not in cmd.args:
        return None
    words = args_no_flags(cmd.args, ("c", "config", "installroot", "releasever", "d", "debuglevel",
                                     "e", "errorlevel", "R", "randomwait", "x", "exclude"))
    is_module = "module" in words
    return [w for w in words if w not in ("install", "module")], is_module


APT_SIMULATE_FLAGS = ("-s", "--simulate", "--dry-run", "--just-print", "--no-act", "--recon")


def apt_get_simulates(cmd: Command) -> bool:
    """`apt-get install -s ...`: a dry run that installs nothing (used to test availability)."""
    return cmd.has_flag(*APT_SIMULATE_FLAGS)
