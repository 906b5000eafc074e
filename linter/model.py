"""Core value types shared by the engine, rules and reporters.

The immutable records are NamedTuples: every `k8slint` call creates these classes, and a
NamedTuple class costs a tenth of a frozen dataclass to create (each method a dataclass
generates is compiled at import). They compare, hash and print as the dataclasses did;
`record._replace(field=value)` makes a changed copy.
"""
from __future__ import annotations

import enum
from typing import Any, Callable, Iterator, NamedTuple, Protocol


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


class Position(NamedTuple):
    line: int  # 1-based
    column: int  # 1-based
    end_line: int | None = None
    end_column: int | None = None


class Anchor(Protocol):
    """Anything a rule can report on: the engine asks it where it is."""

    def locate(self) -> Position: ...


class ObjectRef(NamedTuple):
    """Identity of a Kubernetes object, carried by findings about it."""

    api_version: str
    kind: str
    name: str
    namespace: str | None
    document: int  # 0-based index of the YAML document in its file

    def describe(self) -> str:
        ns = f"{self.namespace}/" if self.namespace else ""
        return f"{self.kind} {ns}{self.name}"


class Report(NamedTuple):
    """What a rule yields; the engine turns it into a Finding."""

    anchor: Anchor
    message: str
    redact: bool = False
    code: str | None = None  # a sub-code from a wrapped tool, e.g. ShellCheck's "SC2086"
    severity: Severity | None = None  # the wrapped tool's level; used unless the user set the rule's severity


def report(anchor: Anchor, message: str, *, redact: bool = False, code: str | None = None,
           severity: Severity | None = None) -> Report:
    return Report(anchor, message, redact, code, severity)


class Finding(NamedTuple):
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


class RuleMeta(NamedTuple):
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
    docstring: str = ""  # the check function's docstring, as written

    @property
    def doc(self) -> str:
        """The rule's Markdown documentation: its docstring without the indentation. Worked out when
        shown (explain, docs, SARIF), not for every rule of every run."""
        import inspect

        return inspect.cleandoc(self.docstring)


class Rule(NamedTuple):
    meta: RuleMeta
    check: Callable[..., Iterator[Report]]
    origin: str = "builtin"  # entry-point name that provided it

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def name(self) -> str:
        return self.meta.name


class Context:
    """What a rule sees besides its target: its options and, for project rules, the project."""

    __slots__ = ("options", "path", "project", "extra", "kubernetes_version")

    def __init__(self, options: Any = None, path: str = "", project: Any = None,
                 extra: dict[str, Any] | None = None, kubernetes_version: str = "1.34") -> None:
        self.options = options
        self.path = path
        self.project = project
        self.extra: dict[str, Any] = {} if extra is None else extra
        self.kubernetes_version = kubernetes_version  # the target cluster release (`--kubernetes-version`)

    def __repr__(self) -> str:
        return (f"Context(options={self.options!r}, path={self.path!r}, project={self.project!r}, "
                f"extra={self.extra!r}, kubernetes_version={self.kubernetes_version!r})")
