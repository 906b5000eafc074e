"""The engine's per-rule call state (linter.engine.RuleCall): one Context per rule, refilled per call."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from linter.api import Report, Severity, Target, rule
from linter.config import build_config
from linter.engine import Linter, RuleCall
from linter.model import Context
from linter.registry import Registry

SEEN: list[tuple[str, Any, str, bool, dict[str, Any]]] = []


@dataclass
class _Opts:
    word: str = "default"


@rule(id="ZZ901", name="zz-object-probe", target=Target.K8S_OBJECT, severity=Severity.INFO,
      summary="test", remediation="test", options=_Opts)
def object_probe(obj: Any, ctx: Context) -> Iterator[Report]:
    SEEN.append(("object", ctx.options.word, ctx.path, ctx.project is None, dict(ctx.extra)))
    ctx.extra["left"] = obj.name  # must not leak into the next call
    yield Report(obj, f"{obj.name} {ctx.options.word}")


@rule(id="ZZ902", name="zz-project-probe", target=Target.K8S_PROJECT, severity=Severity.INFO,
      summary="test", remediation="test")
def project_probe(obj: Any, ctx: Context) -> Iterator[Report]:
    SEEN.append(("project", ctx.options, ctx.path, ctx.project is None, dict(ctx.extra)))
    return iter(())


@rule(id="ZZ903", name="zz-broken", target=Target.K8S_OBJECT, severity=Severity.INFO,
      summary="test", remediation="test")
def broken(obj: Any, ctx: Context) -> Iterator[Report]:
    raise ValueError("bug")


def _cm(name: str) -> str:
    return f"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n"


def test_each_call_sees_its_own_path_options_and_a_clean_context() -> None:
    from linter.engine_rules import internal_error

    registry = Registry([_rule_of(f) for f in (object_probe, project_probe, broken, internal_error)])
    config = build_config(registry, {"rules": {"zz-object-probe": {"word": "hello"}}})
    lin = Linter(registry, config)
    SEEN.clear()
    found = lin.lint_texts({"a.yaml": _cm("one"), "b.yaml": _cm("two")})
    assert SEEN == [
        ("object", "hello", "a.yaml", True, {}),
        ("object", "hello", "b.yaml", True, {}),
        ("project", None, "a.yaml", False, {}),
        ("project", None, "b.yaml", False, {}),
    ]
    assert [(f.rule_id, f.path, f.message) for f in found if f.rule_id == "ZZ901"] == [
        ("ZZ901", "a.yaml", "one hello"), ("ZZ901", "b.yaml", "two hello")]
    assert sorted(f.path for f in found if f.rule_id == "KL005") == ["a.yaml", "b.yaml"]  # a failing rule
    assert all(call.ctx.project is None for call in lin._calls[Target.K8S_PROJECT])  # no run kept alive


def test_a_rule_call_takes_the_configured_settings_once() -> None:
    registry = Registry([_rule_of(object_probe)])
    config = build_config(registry, {"rules": {"zz-object-probe": "error"}})
    call = RuleCall.of(_rule_of(object_probe), config)
    assert (call.id, call.severity, call.severity_set, call.exclude) == ("ZZ901", Severity.ERROR, True, None)
    assert call.ctx.options == _Opts() and call.ctx.kubernetes_version == config.kubernetes_version


def _rule_of(fn: Any) -> Any:
    from linter.api import RULE_ATTR

    return getattr(fn, RULE_ATTR)
