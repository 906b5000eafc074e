"""Core value types shared by the engine, rules and reporters."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Protocol


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Target(str, enum.Enum):
    DOCKERFILE = "dockerfile"
    K8S_OBJECT = "k8s-object"
    K8S_PROJECT = "k8s-project"
    ENGINE = "engine"
    HELM_VALUES = "helm-values"


class Status(str, enum.Enum):
    PREVIEW = "preview"
    STABLE = "stable"
    DEPRECATED = "deprecated"


@dataclass(frozen=True, slots=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based
    end_line: int | None = None
    end_column: int | None = None


class Anchor(Protocol):
    """Anything a rule can report on: the engine asks it where it is."""

    def locate(self) -> Position: ...


@dataclass(frozen=True, slots=True)
class ObjectRef:
    """Identity of a Kubernetes object, carried by findings about it."""

    api_version: str
    kind: str
    name: str
    namespace: str | None
    document: int  # 0-based index of the YAML document in its file

    def describe(self) -> str:
        ns = f"{self.namespace}/" if self.namespace else ""
        return f"{self.kind} {ns}{self.name}"


@dataclass(frozen=True, slots=True)
class Report:
    """What a rule yields; the engine turns it into a Finding."""

    anchor: Anchor
    message: str
    redact: bool = False
    code: str | None = None  # a sub-code from a wrapped tool, e.g. ShellCheck's "SC2086"
    severity: Severity | None = None  # the wrapped tool's level; used unless the user set the rule's severity


def report(anchor: Anchor, message: str, *, redact: bool = False, code: str | None = None,
           severity: Severity | None = None) -> Report:
    return Report(anchor, message, redact, code, severity)


@dataclass(frozen=True, slots=True)
class Finding:
    rule_id: str
    rule_name: str
    severity: Severity
    message: str
    path: str
    line: int
    column: int
    aliases: tuple[str, ...] = ()
    end_line: int | None = None
    end_column: int | None = None
    object: ObjectRef | None = None
    field_path: str | None = None
    redact: bool = False
    code: str | None = None  # sub-code (ShellCheck SCxxxx) that `ignore=` pragmas can name

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.rule_id, self.message)


@dataclass(frozen=True, slots=True)
class RuleMeta:
    id: str
    name: str
    target: Target
    severity: Severity
    summary: str
    remediation: str
    aliases: tuple[str, ...] = ()
    options: type | None = None
    enabled_by_default: bool = True
    status: Status = Status.STABLE
    since: str = "0.1.0"
    references: tuple[str, ...] = ()
    doc: str = ""


@dataclass(frozen=True, slots=True)
class Rule:
    meta: RuleMeta
    check: Callable[..., Iterator[Report]]
    origin: str = "builtin"  # entry-point name that provided it

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def name(self) -> str:
        return self.meta.name


@dataclass(slots=True)
class Context:
    """What a rule sees besides its target: its options and, for project rules, the project."""

    options: Any = None
    path: str = ""
    project: Any = None
    extra: dict[str, Any] = field(default_factory=dict)
    kubernetes_version: str = "1.34"  # the target cluster release (`--kubernetes-version`)
