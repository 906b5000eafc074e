"""Finds rules: built-in and third-party alike, through the `k8slint.rules` entry-point group.

An entry point names a module or a package; every function in it (and, for a
package, in its submodules) that carries rule metadata is a rule. A plugin that
fails to import stops the run (a CI gate must never silently lose rules).
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from importlib import metadata
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


@dataclass
class Registry:
    rules: list[Rule]

    def __post_init__(self) -> None:
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
    eps = metadata.entry_points(group=ENTRY_POINT_GROUP)
    found = sorted({(ep.name, ep.value) for ep in eps})
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
