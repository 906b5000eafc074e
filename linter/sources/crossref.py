"""Indexes over a run's objects for cross-object rules, built once per run (Project.memo).

Namespaces: an object without `metadata.namespace` and one in `default` are in the same
namespace for matching (what `kubectl apply` does without `-n`).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterator

from linter.sources.k8s import POD_SPEC_PATHS, ContainerRef, K8sObject, containers, pod_spec

DEFAULT_NAMESPACE = "default"


def namespace_of(obj: K8sObject) -> str:
    ns = obj.metadata.get("namespace")
    return str(ns) if isinstance(ns, (str, int)) and str(ns) else DEFAULT_NAMESPACE


def _template_labels_path(obj: K8sObject) -> tuple[str, ...]:
    spec_path = POD_SPEC_PATHS[obj.kind]
    return spec_path[:-1] + ("metadata", "labels") if obj.kind != "Pod" else ("metadata", "labels")


def _str_map(value: Any) -> dict[str, str] | None:
    """A label mapping as strings, or None when it is not a mapping."""
    if not isinstance(value, dict):
        return None
    return {str(k): _label_str(v) for k, v in value.items()}


def _label_str(v: Any) -> str:
    if v is True:
        return "true"
    if v is False:
        return "false"
    return "" if v is None else str(v)


@dataclass(slots=True, eq=False)
class PodTemplate:
    """The pods a workload creates: its namespace, template labels and containers."""

    obj: K8sObject
    namespace: str
    labels: dict[str, str]
    containers: list[ContainerRef]


def matches_labels(selector: dict[str, str], labels: dict[str, str]) -> bool:
    """A Service-style selector (a plain map): every pair present. An empty map selects nothing."""
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())


class LabelSelector:
    """A metav1.LabelSelector (matchLabels + matchExpressions); empty selects everything."""

    __slots__ = ("match_labels", "expressions", "valid")

    def __init__(self, node: Any) -> None:
        self.valid = isinstance(node, dict)
        node = node if isinstance(node, dict) else {}
        self.match_labels = _str_map(node.get("matchLabels")) or {}
        self.expressions: list[tuple[str, str, frozenset[str]]] = []
        exprs = node.get("matchExpressions")
        if isinstance(exprs, list):
            for e in exprs:
                if not isinstance(e, dict) or not isinstance(e.get("key"), str):
                    self.valid = False
                    continue
                values = e.get("values")
                vals = frozenset(_label_str(v) for v in values) if isinstance(values, list) else frozenset()
                self.expressions.append((e["key"], str(e.get("operator", "")), vals))

    @property
    def is_empty(self) -> bool:
        return not self.match_labels and not self.expressions

    def matches(self, labels: dict[str, str]) -> bool:
        if any(labels.get(k) != v for k, v in self.match_labels.items()):
            return False
        for key, op, values in self.expressions:
            present = key in labels
            if op == "In" and not (present and labels[key] in values):
                return False
            if op == "NotIn" and present and labels[key] in values:
                return False
            if op == "Exists" and not present:
                return False
            if op == "DoesNotExist" and present:
                return False
            if op not in ("In", "NotIn", "Exists", "DoesNotExist"):
                return False
        return True


@dataclass(slots=True)
class ProjectIndex:
    """What cross-object rules look up, built in one pass over the run."""

    templates: dict[str, list[PodTemplate]] = field(default_factory=lambda: defaultdict(list))
    # (kind, namespace, name) -> objects; kind is the bare kind (any API group)
    named: dict[tuple[str, str, str], list[K8sObject]] = field(default_factory=lambda: defaultdict(list))
    kinds_in_namespace: set[tuple[str, str]] = field(default_factory=set)
    # (kind, namespace) -> objects of that kind, in run order
    by_kind_ns: dict[tuple[str, str], list[K8sObject]] = field(default_factory=lambda: defaultdict(list))

    def of(self, kind: str, namespace: str) -> list[K8sObject]:
        return self.by_kind_ns.get((kind, namespace), [])

    def has(self, kind: str, namespace: str, name: str) -> bool:
        return (kind, namespace, name) in self.named

    def get(self, kind: str, namespace: str, name: str) -> list[K8sObject]:
        return self.named.get((kind, namespace, name), [])


def build_index(project: Any) -> ProjectIndex:
    idx = ProjectIndex()
    for obj in project.objects:
        ns = namespace_of(obj)
        kind = obj.kind
        name = obj.metadata.get("name")
        if isinstance(name, (str, int)) and str(name):
            idx.named[(kind, ns, str(name))].append(obj)
        idx.kinds_in_namespace.add((kind, ns))
        idx.by_kind_ns[(kind, ns)].append(obj)
        for extra_kind, extra_name in _generated_objects(obj):
            idx.named[(extra_kind, ns, extra_name)].append(obj)
            idx.kinds_in_namespace.add((extra_kind, ns))
        if pod_spec(obj) is not None:
            labels = _str_map(obj.get(*_template_labels_path(obj))) or {}
            idx.templates[ns].append(PodTemplate(obj, ns, labels, list(containers(obj, ("containers",)))))
    return idx


def index(project: Any) -> ProjectIndex:
    return project.memo("linter.sources.crossref.index", build_index)


def _generated_objects(obj: K8sObject) -> Iterator[tuple[str, str]]:
    """Objects that another object makes the cluster create (Secrets of a SealedSecret, ...)."""
    kind, group = obj.kind, obj.group
    if kind == "SealedSecret":
        name = obj.get("spec", "template", "metadata", "name") or obj.metadata.get("name")
        if isinstance(name, str) and name:
            yield "Secret", name
    elif kind == "ExternalSecret":
        name = obj.get("spec", "target", "name") or obj.metadata.get("name")
        if isinstance(name, str) and name:
            yield "Secret", name
    elif kind == "Certificate" and group.startswith("cert-manager.io"):
        name = obj.get("spec", "secretName")
        if isinstance(name, str) and name:
            yield "Secret", name
    elif kind == "Kustomization" and group.startswith("kustomize.config.k8s.io"):
        for section, generated in (("configMapGenerator", "ConfigMap"), ("secretGenerator", "Secret")):
            items = obj.get(section)
            if isinstance(items, list):
                for item in items:
                    if isinstance(item, dict) and isinstance(item.get("name"), str):
                        yield generated, item["name"]


def selected_templates(idx: ProjectIndex, namespace: str, selector: LabelSelector) -> list[PodTemplate]:
    return [t for t in idx.templates.get(namespace, ()) if selector.matches(t.labels)]


def container_ports(template: PodTemplate) -> tuple[set[int], dict[str, int]]:
    """Numbers and names of the ports a pod template's containers declare."""
    numbers: set[int] = set()
    names: dict[str, int] = {}
    for c in template.containers:
        ports = c.node.get("ports")
        if not isinstance(ports, list):
            continue
        for p in ports:
            if not isinstance(p, dict):
                continue
            num = p.get("containerPort")
            if isinstance(num, int) and not isinstance(num, bool):
                numbers.add(num)
                if isinstance(p.get("name"), str):
                    names[p["name"]] = num
    return numbers, names


def service_selector(obj: K8sObject) -> dict[str, str] | None:
    """A Service's `spec.selector` as strings; None when absent, empty or not a mapping."""
    if obj.kind != "Service" or obj.group:
        return None
    sel = _str_map(obj.get("spec", "selector"))
    return sel or None


def services_selecting(idx: ProjectIndex, template: PodTemplate) -> list[K8sObject]:
    return [s for s in idx.of("Service", template.namespace) if matches_labels(service_selector(s) or {}, template.labels)]
