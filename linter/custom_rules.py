"""Declarative custom rules: simple policies in `.k8slint.yaml`, no Python needed.

```yaml
custom-rules:
  - id: ACME100                       # your own prefix, 2-5 letters + 3-4 digits
    name: deployment-without-team-label
    severity: warning                 # error | warning | info (default warning)
    message: "{kind} `{name}` has no `team` label"
    kind: [Deployment, StatefulSet]   # optional: only these kinds
    require-label: team               # the object must carry this label
  - id: ACME101
    name: image-from-untrusted-registry
    severity: error
    image-registry-in: [registry.acme.io, ghcr.io/acme]
```

Matchers (exactly one per rule besides `kind`):
- `require-label: KEY` / `require-annotation: KEY` - the object (its `metadata`) carries the key;
- `image-registry-in: [PREFIX...]` - every container image starts with one of the prefixes
  (`registry/` or `registry/path/`); with `target: dockerfile`, every external `FROM` image does.

Message placeholders: `{kind}`, `{name}`, `{namespace}`, `{label}`, `{annotation}`, `{image}`, `{container}`.
The rules are ordinary Rule objects added to the registry before the configuration is built, so the
`rules:` section, `--select`, suppressions and every output format treat them like built-in ones.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from linter.api import ID_RE, NAME_RE
from linter.model import Context, Report, Rule, RuleMeta, Severity, Target, report

KEY = "custom-rules"
MATCHERS = ("require-label", "require-annotation", "image-registry-in")
KNOWN = {"id", "name", "severity", "message", "summary", "remediation", "kind", "target", "enabled", *MATCHERS}


class CustomRuleError(ValueError):
    pass


@dataclass(frozen=True)
class _Spec:
    kinds: tuple[str, ...]
    matcher: str
    value: Any
    message: str | None


class _Fmt(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _format(template: str | None, default: str, **values: Any) -> str:
    return (template or default).format_map(_Fmt({k: "" if v is None else v for k, v in values.items()}))


def _image_allowed(image: str, prefixes: tuple[str, ...]) -> bool:
    return any(image == p.rstrip("/") or image.startswith(p.rstrip("/") + "/") for p in prefixes)


def _k8s_check(spec: _Spec):  # type: ignore[no-untyped-def]
    from linter.sources.k8s import containers

    def check(obj: Any, ctx: Context) -> Iterator[Report]:
        if spec.kinds and obj.kind not in spec.kinds:
            return
        base = {"kind": obj.kind, "name": obj.name, "namespace": obj.namespace}
        if spec.matcher in ("require-label", "require-annotation"):
            section = "labels" if spec.matcher == "require-label" else "annotations"
            present = obj.labels if section == "labels" else obj.annotations
            if spec.value not in (present or {}):
                word = section[:-1]
                has_meta = isinstance(obj.get("metadata"), dict)
                anchor = (obj.at("metadata", section, key=True) if present
                          else obj.at("metadata", key=True) if has_meta else obj)
                yield report(anchor, _format(spec.message, f"{{kind}} `{{name}}` has no `{{{word}}}` {word}",
                                             **base, **{word: spec.value}))
        else:
            for c in containers(obj):
                image = c.node.get("image")
                if isinstance(image, str) and image and "{{" not in image and not _image_allowed(image, spec.value):
                    yield report(c.at("image"), _format(
                        spec.message, "container `{container}` uses `{image}` from a registry not in the allowed list",
                        **base, image=image, container=c.name))

    return check


def _dockerfile_check(spec: _Spec):  # type: ignore[no-untyped-def]
    def check(df: Any, ctx: Context) -> Iterator[Report]:
        names = {s.name for s in df.stages if s.name}
        for stage in df.stages:
            image = stage.base or stage.base_raw
            if not image or image == "scratch" or image.lower() in names or "$" in image:
                continue
            if not _image_allowed(image, spec.value):
                yield report(stage.from_instruction, _format(
                    spec.message, "base image `{image}` comes from a registry not in the allowed list", image=image))

    return check


def build_rules(raw: Any, where: str = "configuration") -> list[Rule]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise CustomRuleError(f"{where}: '{KEY}' must be a list of rules")
    out: list[Rule] = []
    for i, item in enumerate(raw):
        at = f"{where}: {KEY}[{i}]"
        if not isinstance(item, dict):
            raise CustomRuleError(f"{at} must be a mapping")
        unknown = sorted(set(map(str, item)) - KNOWN)
        if unknown:
            raise CustomRuleError(f"{at}: unknown key {unknown[0]!r} (known: {', '.join(sorted(KNOWN))})")
        rid, name = item.get("id"), item.get("name")
        if not isinstance(rid, str) or not ID_RE.match(rid):
            raise CustomRuleError(f"{at}: 'id' must look like ACME100 (letters then digits), not {rid!r}")
        if not isinstance(name, str) or not NAME_RE.match(name):
            raise CustomRuleError(f"{at}: 'name' must be kebab-case, not {name!r}")
        severity = item.get("severity", "warning")
        if severity not in ("error", "warning", "info"):
            raise CustomRuleError(f"{at}: 'severity' must be error, warning or info, not {severity!r}")
        matchers = [m for m in MATCHERS if m in item]
        if len(matchers) != 1:
            raise CustomRuleError(f"{at}: give exactly one of {', '.join(MATCHERS)}")
        matcher = matchers[0]
        value = item[matcher]
        if matcher == "image-registry-in":
            value = [value] if isinstance(value, str) else value
            if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
                raise CustomRuleError(f"{at}: 'image-registry-in' must be a list of registry prefixes")
            value = tuple(value)
        elif not isinstance(value, str) or not value:
            raise CustomRuleError(f"{at}: {matcher!r} must be a label/annotation key")
        kinds = item.get("kind", [])
        kinds = [kinds] if isinstance(kinds, str) else kinds
        if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
            raise CustomRuleError(f"{at}: 'kind' must be a kind or a list of kinds")
        target = item.get("target", "k8s")
        if target not in ("k8s", "dockerfile") or (target == "dockerfile" and matcher != "image-registry-in"):
            raise CustomRuleError(f"{at}: 'target' must be k8s (or dockerfile, for image-registry-in only)")
        message = item.get("message")
        if message is not None and not isinstance(message, str):
            raise CustomRuleError(f"{at}: 'message' must be a string")
        spec = _Spec(tuple(kinds), matcher, value, message)
        summary = str(item.get("summary") or f"custom policy: {matcher} {value if isinstance(value, str) else ', '.join(value)}")
        meta = RuleMeta(
            id=rid, name=name, target=Target.DOCKERFILE if target == "dockerfile" else Target.K8S_OBJECT,
            severity=Severity(severity), summary=summary,
            remediation=str(item.get("remediation") or "See your organisation's policy"),
            enabled_by_default=bool(item.get("enabled", True)),
            docstring=f"## What it checks\nA custom rule from {where}: `{matcher}: {value}`.",
        )
        check = _dockerfile_check(spec) if target == "dockerfile" else _k8s_check(spec)
        out.append(Rule(meta, check, "config"))
    return out


def extend_registry(registry: Any, raw_config: dict[str, Any], where: str = "configuration") -> Any:
    """The registry plus the config's custom rules (a clash with an existing id or name is an error)."""
    from linter.registry import PluginError, Registry

    rules = build_rules(raw_config.get(KEY), where)
    if not rules:
        return registry
    try:
        return Registry([*registry.rules, *rules])
    except PluginError as exc:
        raise CustomRuleError(f"{where}: {KEY}: {exc}") from exc
