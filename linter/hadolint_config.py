"""Read hadolint's configuration (`.hadolint.yaml`) as k8slint configuration, for zero-edit migration.

Used when no k8slint configuration exists. Codes map through rule aliases (DL3008 -> the
rule that carries `DL3008`), ShellCheck codes go to the `shellcheck` rule's `ignored`
option, and rule options (trusted registries, label schema, strict labels) are passed only
to a rule that carries the hadolint code and takes such an option. Codes k8slint does not
know are skipped, never an error: a hadolint config must keep working.

| hadolint                                   | k8slint                                   |
|--------------------------------------------|-------------------------------------------|
| `ignored: [DL3008, SC2086]`                | `rules: {DL3008-rule: off}`, DF300 `ignored` |
| `override: {error: [...], style: [...]}`   | rule `severity` (style -> info)           |
| `failure-threshold: style/ignore/none`     | `fail-on: info/never/never`               |
| `no-fail: true`                            | `fail-on: never`                          |
| `trusted-registries` / `trustedRegistries` | option of the rule aliased DL3026         |
| `label-schema`, `strict-labels`            | options of the rules aliased DL3049-DL3058 |
"""
from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path
from typing import Any

from linter.registry import Registry

HIDDEN = (".hadolint.yaml", ".hadolint.yml")
VISIBLE = ("hadolint.yaml", "hadolint.yml")
MORE = ("config.yaml", "config.yml")
SEVERITY = {"error": "error", "warning": "warning", "info": "info", "style": "info"}
THRESHOLD = {"error": "error", "warning": "warning", "info": "info", "style": "info", "ignore": "never",
             "none": "never"}
_SHELLCHECK = r"(?i)^SC\d{4}$"
LABEL_CODES = tuple(f"DL30{n}" for n in range(48, 59))


def is_hadolint_config(path: Path) -> bool:
    return path.name in HIDDEN + VISIBLE or (path.parent.name == ".hadolint" and path.name in MORE)


def find(start: Path) -> Path | None:
    """hadolint's own search order: ./.hadolint.yaml, $XDG_CONFIG_HOME/hadolint.yaml, ~/.hadolint/, ~/.hadolint.yaml."""
    home = Path(os.path.expanduser("~"))
    xdg = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
    candidates = [start / n for n in HIDDEN] + [xdg / n for n in VISIBLE]
    candidates += [home / ".hadolint" / n for n in VISIBLE + MORE] + [home / n for n in HIDDEN]
    return next((c for c in candidates if c.is_file()), None)


def read(path: Path) -> dict[str, Any]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    from linter.config import ConfigError

    try:
        data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read the hadolint configuration: {type(exc).__name__}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the hadolint configuration must be a mapping")
    return data


def _codes(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    return [str(v).strip() for v in value or [] if isinstance(v, (str, int)) and str(v).strip()] \
        if isinstance(value, list) else []


def _option_field(rule: Any, *hints: str) -> str | None:
    """The option of `rule` whose name contains one of `hints`, in config spelling (dashes)."""
    cls = rule.meta.options
    if cls is None:
        return None
    for f in dataclasses.fields(cls):
        name = f.name.lower()
        if any(h in name for h in hints):
            return f.name.replace("_", "-")
    return None


def to_k8slint(data: dict[str, Any], registry: Registry) -> dict[str, Any]:
    """The k8slint configuration equivalent to a hadolint configuration."""
    rules: dict[str, Any] = {}

    def settings(rule_id: str) -> dict[str, Any]:
        current = rules.get(rule_id)
        if not isinstance(current, dict):
            current = rules[rule_id] = {}
        return current

    shellcheck_ignored: list[str] = []
    for code in _codes(data.get("ignored")):
        if re.match(_SHELLCHECK, code):
            shellcheck_ignored.append(code.upper())
        elif (r := registry.resolve(code)) is not None:
            rules[r.id] = "off"
    sc_rule = registry.resolve("DF300")
    if shellcheck_ignored and sc_rule is not None and _option_field(sc_rule, "ignored") is not None:
        settings(sc_rule.id)["ignored"] = sorted(set(shellcheck_ignored))

    override = data.get("override")
    if isinstance(override, dict):
        for level, severity in SEVERITY.items():
            for code in _codes(override.get(level)):
                r = registry.resolve(code)
                if r is not None and rules.get(r.id) != "off":
                    settings(r.id)["severity"] = severity

    trusted = data.get("trusted-registries", data.get("trustedRegistries"))
    trusted_list = _codes(trusted)
    if trusted_list and (r := registry.resolve("DL3026")) is not None and rules.get(r.id) != "off":
        key = _option_field(r, "registr")
        if key is not None:
            settings(r.id)[key] = trusted_list
            settings(r.id).setdefault("enabled", True)  # hadolint runs DL3026 once registries are given

    schema = data.get("label-schema")
    strict = data.get("strict-labels")
    if isinstance(schema, dict) or isinstance(strict, bool):
        for code in LABEL_CODES:
            r = registry.resolve(code)
            if r is None or rules.get(r.id) == "off":
                continue
            if isinstance(schema, dict) and (key := _option_field(r, "schema")) is not None:
                settings(r.id)[key] = {str(k): str(v) for k, v in schema.items()}
            if isinstance(strict, bool) and (key := _option_field(r, "strict")) is not None:
                settings(r.id)[key] = strict

    out: dict[str, Any] = {"rules": rules}
    threshold = data.get("failure-threshold")
    if isinstance(threshold, str) and threshold.lower() in THRESHOLD:
        out["fail-on"] = THRESHOLD[threshold.lower()]
    if data.get("no-fail") is True:
        out["fail-on"] = "never"
    return out
