"""Kubernetes objects found in YAML documents, with field anchors and pod-spec helpers."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from linter.model import ObjectRef, Position
from linter.sources.yaml import YMap, YSeq, YamlDocument, get_path

# Where each pod-bearing kind keeps its pod spec.
POD_SPEC_PATHS: dict[str, tuple[str, ...]] = {
    "Pod": ("spec",),
    "Deployment": ("spec", "template", "spec"),
    "StatefulSet": ("spec", "template", "spec"),
    "DaemonSet": ("spec", "template", "spec"),
    "ReplicaSet": ("spec", "template", "spec"),
    "ReplicationController": ("spec", "template", "spec"),
    "Job": ("spec", "template", "spec"),
    "CronJob": ("spec", "jobTemplate", "spec", "template", "spec"),
    "PodTemplate": ("template", "spec"),
}
POD_BEARING_KINDS = frozenset(POD_SPEC_PATHS)
LONG_RUNNING_KINDS = frozenset(
    {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"}
)
# API groups of the built-in workload kinds; a CRD reusing a kind name elsewhere is not a workload.
_CORE_GROUPS = {"", "apps", "extensions", "batch"}


@dataclass(frozen=True, slots=True, eq=False)
class FieldAnchor:
    """A field of an object, by path; located lazily, as deep as the path exists."""

    obj: "K8sObject"
    path: tuple[Any, ...]
    key: bool = False  # point at the key rather than the value

    def locate(self) -> Position:
        node: Any = self.obj.root
        line, col = node.pos if isinstance(node, (YMap, YSeq)) else (0, 0)
        for step in self.path:
            if isinstance(node, YMap) and step in node:
                kline, kcol = node.key_pos[step]
                vline, vcol = node.value_pos[step]
                line, col = (kline, kcol) if self.key else (vline, vcol)
                node = node[step]
            elif isinstance(node, YSeq) and isinstance(step, int) and 0 <= step < len(node):
                line, col = node.item_pos[step]
                node = node[step]
            else:
                break
        return Position(line + 1, col + 1)

    @property
    def dotted(self) -> str:
        return dotted_path(self.path)


def dotted_path(path: tuple[Any, ...]) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


@dataclass(slots=True, eq=False)
class K8sObject:
    root: YMap
    file: str
    document: YamlDocument
    base: tuple[Any, ...] = ()  # path of this object inside its document (List items); positions are absolute

    @property
    def kind(self) -> str:
        return str(self.root.get("kind", ""))

    @property
    def api_version(self) -> str:
        return str(self.root.get("apiVersion", ""))

    @property
    def group(self) -> str:
        return self.api_version.rpartition("/")[0] if "/" in self.api_version else ""

    @property
    def metadata(self) -> YMap:
        meta = self.root.get("metadata")
        return meta if isinstance(meta, YMap) else YMap((0, 0))

    @property
    def name(self) -> str:
        name = self.metadata.get("name") or self.metadata.get("generateName") or ""
        return str(name)

    @property
    def namespace(self) -> str | None:
        ns = self.metadata.get("namespace")
        return str(ns) if ns is not None else None

    @property
    def labels(self) -> dict[str, Any]:
        labels = self.metadata.get("labels")
        return labels if isinstance(labels, dict) else {}

    @property
    def annotations(self) -> dict[str, Any]:
        ann = self.metadata.get("annotations")
        return ann if isinstance(ann, dict) else {}

    @property
    def ref(self) -> ObjectRef:
        return ObjectRef(self.api_version, self.kind, self.name, self.namespace, self.document.index)

    def get(self, *path: Any, default: Any = None) -> Any:
        return get_path(self.root, path, default)

    def at(self, *path: Any, key: bool = False) -> FieldAnchor:
        return FieldAnchor(self, tuple(path), key)

    def locate(self) -> Position:
        return self.at().locate()

    @property
    def is_workload(self) -> bool:
        return self.kind in POD_BEARING_KINDS and self.group.partition("/")[0] in _CORE_GROUPS


@dataclass(frozen=True, slots=True, eq=False)
class ContainerRef:
    obj: K8sObject
    node: YMap
    path: tuple[Any, ...]  # path of the container mapping within the object
    section: str  # "containers", "initContainers" or "ephemeralContainers"

    @property
    def name(self) -> str:
        return str(self.node.get("name", "")) or f"#{self.path[-1]}"

    @property
    def is_init(self) -> bool:
        return self.section == "initContainers"

    def at(self, *path: Any, key: bool = False) -> FieldAnchor:
        return FieldAnchor(self.obj, self.path + tuple(path), key)

    def locate(self) -> Position:
        return self.at().locate()


def pod_spec(obj: K8sObject) -> tuple[tuple[str, ...], YMap] | None:
    """(path, pod spec mapping) of a pod-bearing object, or None."""
    if not obj.is_workload:
        return None
    path = POD_SPEC_PATHS[obj.kind]
    spec = obj.get(*path)
    return (path, spec) if isinstance(spec, YMap) else None


def containers(obj: K8sObject, sections: tuple[str, ...] = ("containers", "initContainers", "ephemeralContainers")) -> Iterator[ContainerRef]:
    found = pod_spec(obj)
    if found is None:
        return
    path, spec = found
    for section in sections:
        items = spec.get(section)
        if not isinstance(items, YSeq):
            continue
        for i, item in enumerate(items):
            if isinstance(item, YMap):
                yield ContainerRef(obj, item, path + (section, i), section)


def objects_in(doc: YamlDocument, file: str) -> Iterator[K8sObject]:
    """Kubernetes objects in a document: the root, or the items of a `kind: List`."""
    root = doc.root
    if not _is_object(root):
        return
    if str(root.get("kind", "")).endswith("List") and isinstance(root.get("items"), YSeq):
        for i, item in enumerate(root["items"]):
            if _is_object(item):
                yield K8sObject(item, file, doc, ("items", i))
        return
    yield K8sObject(root, file, doc)


def _is_object(node: Any) -> bool:
    return isinstance(node, YMap) and isinstance(node.get("apiVersion"), str) and isinstance(node.get("kind"), str)


def long_running_containers(obj: K8sObject) -> Iterator[ContainerRef]:
    """Main containers of workloads that run until stopped: not Jobs, CronJobs, run-to-completion
    Pods (`restartPolicy: Never|OnFailure`, e.g. Helm test hooks), init or ephemeral containers."""
    if obj.kind not in LONG_RUNNING_KINDS or not obj.is_workload:
        return
    if obj.kind == "Pod" and obj.get("spec", "restartPolicy") in ("Never", "OnFailure"):
        return
    yield from containers(obj, ("containers",))
