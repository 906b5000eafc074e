"""The public surface for rule modules and plugins: import from here only.

A rule is one generator function decorated with :func:`rule`; its docstring is
Markdown with the sections *What it checks*, *Why it matters*, *Example*,
*Use instead* (and *Options* when it takes options).
"""
from __future__ import annotations

import inspect
import re
from typing import Callable, Iterator, TypeVar

from linter.model import (
    Context,
    Finding,
    ObjectRef,
    Position,
    Report,
    Rule,
    RuleMeta,
    Severity,
    Status,
    Target,
    report,
)
from linter.secrets import looks_like_secret_name, looks_like_literal_secret
from linter.sources.dockerfile import Dockerfile, Instruction, Stage
from linter.sources.images import ImageRef, parse_image
from linter.sources.buildsteps import run_commands_of as run_commands
from linter.sources.shell import Command, parse_commands
from linter.sources.k8s import (
    ContainerRef,
    K8sObject,
    LONG_RUNNING_KINDS,
    POD_BEARING_KINDS,
    containers,
    long_running_containers,
    pod_spec,
)

__all__ = [
    "Context", "Finding", "ObjectRef", "Position", "Report", "Rule", "RuleMeta", "Severity",
    "Status", "Target", "report", "rule", "Dockerfile", "Instruction", "Stage", "ImageRef",
    "parse_image", "ContainerRef", "K8sObject", "LONG_RUNNING_KINDS", "POD_BEARING_KINDS",
    "containers", "long_running_containers", "pod_spec", "looks_like_secret_name", "looks_like_literal_secret",
    "RULE_ATTR", "Command", "parse_commands", "run_commands",
]

RULE_ATTR = "__k8slint_rule__"
ID_RE = re.compile(r"^[A-Z]{2,5}[0-9]{3,4}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")

F = TypeVar("F", bound=Callable[..., Iterator[Report]])


def rule(
    *,
    id: str,
    name: str,
    target: Target,
    severity: Severity,
    summary: str,
    remediation: str,
    aliases: tuple[str, ...] = (),
    options: type | None = None,
    enabled_by_default: bool = True,
    status: Status = Status.STABLE,
    since: str = "0.1.0",
    references: tuple[str, ...] = (),
) -> Callable[[F], F]:
    """Declare a rule: the metadata sits beside the check it describes."""
    if not ID_RE.match(id):
        raise ValueError(f"rule id {id!r} must look like DF001")
    if not NAME_RE.match(name):
        raise ValueError(f"rule name {name!r} must be kebab-case")

    def decorate(fn: F) -> F:
        meta = RuleMeta(
            id=id, name=name, target=target, severity=severity, summary=summary,
            remediation=remediation, aliases=tuple(aliases), options=options,
            enabled_by_default=enabled_by_default, status=status, since=since,
            references=tuple(references), doc=inspect.cleandoc(fn.__doc__ or ""),
        )
        setattr(fn, RULE_ATTR, Rule(meta, fn))
        return fn

    return decorate


# Dockerfile rule helpers (ONBUILD, RUN mounts, package managers), appended for the hadolint-family rules.
from linter.instructions import (  # noqa: E402
    cache_mount_targets,
    copy_paths,
    has_cache_mount,
    mounts,
    onbuild_inner,
    stages_in_final_image,
    with_onbuild,
)
from linter.sources import packages  # noqa: E402

__all__ += [
    "cache_mount_targets", "copy_paths", "has_cache_mount", "mounts", "onbuild_inner", "stages_in_final_image",
    "with_onbuild", "packages",
]
