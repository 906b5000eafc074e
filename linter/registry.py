"""Finds rules: built-in and third-party alike, through the `k8slint.rules` entry-point group.

An entry point names a module or a package; every function in it (and, for a
package, in its submodules) that carries rule metadata is a rule. A plugin that
fails to import stops the run (a CI gate must never silently lose rules).
"""
from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType
from typing import Iterable

from linter.api import RULE_ATTR
from linter.model import Rule

ENTRY_POINT_GROUP = "k8slint.rules"
BUILTIN = ("builtin", "rules")


class PluginError(Exception):
    """A rule plugin could not be loaded or declares clashing rules."""


def rules_in_module(module: ModuleType) -> list[Rule]:
    found = [getattr(obj, RULE_ATTR) for obj in vars(module).values() if hasattr(obj, RULE_ATTR)]
    # a rule imported into another module is still one rule
    return [r for r in found if r.check.__module__ == module.__name__]


def rules_in_package(name: str) -> list[Rule]:
    module = importlib.import_module(name)
    found = rules_in_module(module)
    if hasattr(module, "__path__"):
        for info in sorted(pkgutil.walk_packages(module.__path__, prefix=name + "."), key=lambda i: i.name):
            found.extend(rules_in_module(importlib.import_module(info.name)))
    return found


class Registry:
    """The rules of a run, sorted by id, and their lookup by id, name and alias."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self.rules.sort(key=lambda r: r.id)
        self._lookup: dict[str, Rule] = {}
        for r in self.rules:
            for key in (r.id, r.name):
                if key.lower() in self._lookup:
                    other = self._lookup[key.lower()]
                    raise PluginError(f"rule {key!r} is defined twice ({other.origin} and {r.origin})")
                self._lookup[key.lower()] = r
        for r in self.rules:
            for alias in r.meta.aliases:
                self._lookup.setdefault(alias.lower(), r)

    def resolve(self, token: str) -> Rule | None:
        """A rule by id, name or alias (case-insensitive)."""
        return self._lookup.get(token.strip().lower())

    def __iter__(self):
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)


def _entry_points() -> list[tuple[str, str]]:
    found = _scan_entry_points()
    if not any(value == BUILTIN[1] for _, value in found):
        found.insert(0, BUILTIN)  # running from a source tree that was not pip-installed
    return found


def load_registry(extra_modules: Iterable[str] = ()) -> Registry:
    from linter import engine_rules

    rules: list[Rule] = [Rule(r.meta, r.check, "engine") for r in rules_in_module(engine_rules)]
    from linter import helm_rules

    rules.extend(Rule(r.meta, r.check, "engine") for r in rules_in_module(helm_rules))
    sources = _entry_points() + [(m, m) for m in extra_modules]
    for name, value in sources:
        try:
            loaded = rules_in_package(value)
        except Exception as exc:  # any failure in third-party code
            raise PluginError(f"rule plugin {name!r} ({value}) failed to load: {type(exc).__name__}: {exc}") from exc
        if not loaded and name != BUILTIN[0]:
            raise PluginError(f"rule plugin {name!r} ({value}) provides no rules")
        rules.extend(Rule(r.meta, r.check, name) for r in loaded)
    return Registry(rules)


class PartialRegistry(Registry):
    """The engine rules and one family of built-in rules (plus every third-party plugin), for runs
    that lint only Dockerfiles or only YAML files: importing hundreds of rule modules of the other
    family would cost a pre-commit call more than linting its file. It iterates over the rules it
    loaded; a lookup it cannot answer (a suppression or setting naming a rule of the other family)
    loads the full registry and answers from it, so resolution never differs from a full registry.
    """

    def __init__(self, rules: list[Rule]) -> None:
        super().__init__(rules)
        self._full: Registry | None = None

    def resolve(self, token: str) -> Rule | None:
        found = super().resolve(token)
        if found is None:
            found = self.full().resolve(token)
        return found

    def resolve_loaded(self, token: str) -> Rule | None:
        """A rule by id, name or alias among the rules this registry loaded (no fallback)."""
        return super().resolve(token)

    def full(self) -> Registry:
        """The full registry (loaded once, on first need)."""
        if self._full is None:
            self._full = load_registry()
        return self._full

    def covers_settings(self, raw: dict, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> bool:
        """Whether a configuration (and --select/--ignore) can be built from the loaded rules alone:
        every rule it names is loaded and it defines no custom rules (which must not clash with any
        rule, loaded or not). Otherwise the caller uses `full()`: `rules: {KS006: off}` sets a rule
        this registry does not run, and `--select KS006` on a Dockerfile must select nothing."""
        if raw.get("custom-rules"):
            return False
        rules = raw.get("rules")
        tokens = [*select, *ignore, *(rules if isinstance(rules, dict) else ())]
        return all(self.resolve_loaded(str(t)) is not None for t in tokens)


def load_partial_registry(kind: str) -> Registry:
    """Engine rules, third-party plugins, and the built-in rules a run over files of one kind needs:
    `rules.dockerfile` for "dockerfile"; every other built-in sub-package for "yaml"."""
    from linter import engine_rules, helm_rules

    rules: list[Rule] = [Rule(r.meta, r.check, "engine") for r in rules_in_module(engine_rules)]
    rules.extend(Rule(r.meta, r.check, "engine") for r in rules_in_module(helm_rules))
    for name, value in _entry_points():
        try:
            if (name, value) == BUILTIN:
                loaded = _builtin_family(value, kind)
            else:
                loaded = rules_in_package(value)
        except Exception as exc:  # any failure in third-party code
            raise PluginError(f"rule plugin {name!r} ({value}) failed to load: {type(exc).__name__}: {exc}") from exc
        if not loaded and name != BUILTIN[0]:
            raise PluginError(f"rule plugin {name!r} ({value}) provides no rules")
        rules.extend(Rule(r.meta, r.check, name) for r in loaded)
    return PartialRegistry(rules)


DOCKERFILE_FAMILY = "dockerfile"  # built-in Dockerfile rules live in rules/dockerfile/ (tests check it)


def _builtin_family(package: str, kind: str) -> list[Rule]:
    if kind == "dockerfile":
        return rules_in_package(f"{package}.{DOCKERFILE_FAMILY}")
    module = importlib.import_module(package)
    found = rules_in_module(module)
    for info in sorted(pkgutil.iter_modules(getattr(module, "__path__", [])), key=lambda i: i.name):
        if info.name != DOCKERFILE_FAMILY:
            found.extend(rules_in_package(f"{package}.{info.name}"))
    return found


def _scan_entry_points() -> list[tuple[str, str]]:
    """The (name, value) pairs of the `k8slint.rules` group, sorted.

    importlib.metadata would import email, zipfile, csv and friends and parse every installed
    distribution's metadata: more than a single-file call spends linting. Entry points live in
    `<dist>.dist-info/entry_points.txt` (or .egg-info) in the sys.path folders, so those few files
    are read directly, first distribution of a name on sys.path winning as in importlib.metadata.
    Anything unusual (a zipped sys.path entry) takes importlib.metadata's path.
    """
    import os
    import sys

    found: set[tuple[str, str]] = set()
    seen: set[str] = set()
    header = f"[{ENTRY_POINT_GROUP}]"
    for entry in sys.path:
        folder = entry or "."
        if not os.path.isdir(folder):
            if os.path.isfile(folder):  # a zip on sys.path
                return _metadata_entry_points()
            continue
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            dist = name.rsplit(".", 1)[0].split("-", 1)[0].lower().replace("_", "-").replace(".", "-")
            if dist in seen:
                continue
            seen.add(dist)
            try:
                with open(os.path.join(folder, name, "entry_points.txt"), encoding="utf-8") as fh:
                    text = fh.read()
            except OSError:
                continue
            if header not in text:
                continue
            section = None
            for line in text.splitlines():
                line = line.strip()
                if not line or line.startswith(("#", ";")):
                    continue
                if line.startswith("[") and line.endswith("]"):
                    section = line
                elif section == header and "=" in line:
                    key, _, value = line.partition("=")
                    found.add((key.strip(), value.strip()))
    return sorted(found)


def _metadata_entry_points() -> list[tuple[str, str]]:
    from importlib import metadata

    return sorted({(ep.name, ep.value) for ep in metadata.entry_points(group=ENTRY_POINT_GROUP)})
