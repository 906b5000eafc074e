"""Configuration: `.k8slint.yaml` (nearest in cwd or its parents) or `[tool.k8slint]` in pyproject.toml.

Every key is validated; an unknown key, rule or option is a ConfigError that
names it (the CLI exits 2).
"""
from __future__ import annotations

import dataclasses
import os
import re
import sys
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter.model import Rule, Severity, Status
from linter.registry import Registry

CONFIG_NAMES = (".k8slint.yaml", ".k8slint.yml")
FAIL_ON = ("error", "warning", "info", "never")
TOP_KEYS = {"extends", "fail-on", "exclude", "rules", "preview", "max-file-size", "kubernetes-version", "helm"}
HELM_KEYS = {"values", "set", "release-name", "namespace", "ci-values"}
RULE_KEYS = {"severity", "enabled", "exclude"}
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024
DEFAULT_KUBERNETES_VERSION = "1.34"
KUBERNETES_VERSION_RE = re.compile(r"^v?(1)\.([0-9]{1,3})(?:\.[0-9]+)?$")


class ConfigError(Exception):
    pass


@dataclass
class RuleSettings:
    enabled: bool
    severity: Severity
    options: Any = None
    exclude: list[str] = field(default_factory=list)
    severity_set: bool = False  # set by the user: wins over a wrapped tool's own level (Report.severity)


@dataclass
class Config:
    source: str | None = None
    fail_on: str = "warning"
    exclude: list[str] = field(default_factory=list)
    preview: bool = False
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    rules: dict[str, RuleSettings] = field(default_factory=dict)  # by rule id
    base_dir: str = "."
    kubernetes_version: str = DEFAULT_KUBERNETES_VERSION  # "1.NN": the release manifests are checked against
    helm: Any = None  # linter.sources.helm_settings.HelmSettings: how charts are rendered

    def settings(self, rule: Rule) -> RuleSettings:
        return self.rules[rule.id]

    def enabled_rules(self, registry: Registry) -> list[Rule]:
        return [r for r in registry if self.rules[r.id].enabled]


def find_config(start: Path) -> Path | None:
    """The nearest `.k8slint.yaml`, or a pyproject.toml with `[tool.k8slint]`, in start or its parents."""
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _pyproject_section(pyproject) is not None:
            return pyproject
    return None


def _pyproject_section(path: Path) -> dict[str, Any] | None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc
    section = data.get("tool", {}).get("k8slint")
    return section if isinstance(section, dict) else None


def read_config_file(path: Path) -> dict[str, Any]:
    if path.name == "pyproject.toml":
        return _pyproject_section(path) or {}
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {type(exc).__name__}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the configuration must be a mapping")
    return data


def build_config(
    registry: Registry,
    raw: dict[str, Any],
    source: str | None = None,
    *,
    select: list[str] = (),  # type: ignore[assignment]
    ignore: list[str] = (),  # type: ignore[assignment]
    fail_on: str | None = None,
    preview: bool = False,
    kubernetes_version: str | None = None,
) -> Config:
    where = source or "configuration"
    unknown = set(raw) - TOP_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key {sorted(unknown)[0]!r} (known: {', '.join(sorted(TOP_KEYS))})")
    extends = raw.get("extends", "default")
    if extends not in ("default", "strict"):
        raise ConfigError(f"{where}: 'extends' must be 'default' or 'strict', not {extends!r}")
    cfg = Config(source=source)
    cfg.base_dir = str(Path(source).parent) if source else os.getcwd()
    cfg.preview = bool(raw.get("preview", False)) or preview
    cfg.fail_on = str(fail_on or raw.get("fail-on", "warning"))
    if cfg.fail_on not in FAIL_ON:
        raise ConfigError(f"{where}: 'fail-on' must be one of {', '.join(FAIL_ON)}, not {cfg.fail_on!r}")
    cfg.exclude = _string_list(raw.get("exclude", []), f"{where}: 'exclude'")
    size = raw.get("max-file-size", DEFAULT_MAX_FILE_SIZE)
    if not isinstance(size, int) or isinstance(size, bool) or size <= 0:
        raise ConfigError(f"{where}: 'max-file-size' must be a positive number of bytes")
    cfg.max_file_size = size
    cfg.kubernetes_version = parse_kubernetes_version(
        kubernetes_version or raw.get("kubernetes-version", DEFAULT_KUBERNETES_VERSION), where)
    cfg.helm = _helm_settings(raw.get("helm"), cfg.base_dir, where)

    for r in registry:
        on = r.meta.enabled_by_default or extends == "strict"
        if r.meta.status is Status.PREVIEW and not cfg.preview:
            on = False
        cfg.rules[r.id] = RuleSettings(on, r.meta.severity, _make_options(r, {}, where))

    rules_raw = raw.get("rules")
    rules_raw = {} if rules_raw is None else rules_raw
    if not isinstance(rules_raw, dict):
        raise ConfigError(f"{where}: 'rules' must be a mapping of rule id or name to settings")
    for token, value in rules_raw.items():
        r = registry.resolve(str(token))
        if r is None:
            raise ConfigError(f"{where}: unknown rule {token!r} under 'rules'")
        cfg.rules[r.id] = _rule_settings(r, value, cfg.rules[r.id], f"{where}: rule {token!r}")

    if select:
        chosen = {_resolve(registry, t, "--select").id for t in select}
        for rid, s in cfg.rules.items():
            s.enabled = rid in chosen
    for token in ignore:
        cfg.rules[_resolve(registry, token, "--ignore").id].enabled = False
    return cfg


def _resolve(registry: Registry, token: str, flag: str) -> Rule:
    r = registry.resolve(token)
    if r is None:
        raise ConfigError(f"{flag}: unknown rule {token!r}")
    return r


def _string_list(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of glob patterns")
    return list(value)


def _rule_settings(r: Rule, value: Any, current: RuleSettings, where: str) -> RuleSettings:
    if value in ("off", False, "disable", "disabled"):
        return dataclasses.replace(current, enabled=False)
    if value in ("on", True, "enable", "enabled"):
        return dataclasses.replace(current, enabled=True)
    if value in FAIL_ON[:3]:
        return dataclasses.replace(current, enabled=True, severity=Severity(value), severity_set=True)
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected off, on, a severity or a mapping, not {value!r}")
    settings = dataclasses.replace(current, enabled=bool(value.get("enabled", True)))
    if "severity" in value:
        if value["severity"] not in FAIL_ON[:3]:
            raise ConfigError(f"{where}: 'severity' must be error, warning or info, not {value['severity']!r}")
        settings.severity = Severity(value["severity"])
        settings.severity_set = True
    if "exclude" in value:
        settings.exclude = _string_list(value["exclude"], f"{where}: 'exclude'")
    option_values = {k: v for k, v in value.items() if k not in RULE_KEYS}
    settings.options = _make_options(r, option_values, where)
    return settings


def _make_options(r: Rule, values: dict[str, Any], where: str) -> Any:
    cls = r.meta.options
    if cls is None:
        if values:
            raise ConfigError(f"{where}: unknown option {sorted(values)[0]!r} (this rule takes no options)")
        return None
    fields = {f.name.replace("_", "-"): f for f in dataclasses.fields(cls)}
    kwargs = {}
    hints = typing.get_type_hints(cls)
    for key, val in values.items():
        f = fields.get(str(key)) or fields.get(str(key).replace("_", "-"))
        if f is None:
            raise ConfigError(f"{where}: unknown option {key!r} (known: {', '.join(sorted(fields))})")
        kwargs[f.name] = _coerce(val, hints[f.name], f"{where}: option {key!r}")
    return cls(**kwargs)


def _coerce(value: Any, hint: Any, where: str) -> Any:
    origin = typing.get_origin(hint)
    if origin in (tuple, list):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where} must be a list of strings")
        return tuple(value) if origin is tuple else list(value)
    if origin is dict:
        if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            raise ConfigError(f"{where} must be a mapping of strings to strings")
        return dict(value)
    if hint is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"{where} must be true or false")
        return value
    if hint is int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise ConfigError(f"{where} must be an integer")
        return value
    if hint is str:
        if not isinstance(value, str):
            raise ConfigError(f"{where} must be a string")
        return value
    return value


def parse_kubernetes_version(value: Any, where: str = "configuration") -> str:
    """`1.29`, `v1.29` or `1.29.3` -> "1.29"; anything else is a ConfigError."""
    if isinstance(value, float):  # YAML reads 1.30 as 1.3
        raise ConfigError(f"{where}: 'kubernetes-version' must be a quoted string such as \"1.30\", not {value!r}")
    m = KUBERNETES_VERSION_RE.match(value.strip()) if isinstance(value, str) else None
    if m is None:
        raise ConfigError(f"{where}: 'kubernetes-version' must look like 1.34, not {value!r}")
    return f"{m.group(1)}.{int(m.group(2))}"
def _helm_settings(value: Any, base_dir: str, where: str) -> Any:
    """The `helm:` section: values files (relative to the configuration), --set strings, release, namespace."""
    from linter.sources.helm_settings import HelmSettings

    settings = HelmSettings()
    if value is None:
        return settings
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: 'helm' must be a mapping (keys: {', '.join(sorted(HELM_KEYS))})")
    unknown = set(value) - HELM_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key {sorted(unknown)[0]!r} under 'helm' (known: {', '.join(sorted(HELM_KEYS))})")
    settings.values = [os.path.join(base_dir, v) for v in _string_list(value.get("values", []), f"{where}: 'helm.values'")]
    settings.set = _string_list(value.get("set", []), f"{where}: 'helm.set'")
    for key, attr in (("release-name", "release_name"), ("namespace", "namespace")):
        if key in value:
            if not isinstance(value[key], str) or not value[key]:
                raise ConfigError(f"{where}: 'helm.{key}' must be a non-empty string")
            setattr(settings, attr, value[key])
    if "ci-values" in value:
        if not isinstance(value["ci-values"], bool):
            raise ConfigError(f"{where}: 'helm.ci-values' must be true or false")
        settings.ci_values = value["ci-values"]
    return settings
