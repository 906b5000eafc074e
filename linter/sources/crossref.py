"""Indexes over a run's objects for cross-object rules, built once per run (Project.memo).

Namespaces: an object without `metadata.namespace` and one in `default` are in the same
namespace for matching (what `kubectl apply` does without `-n`).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, NamedTuple

from linter.sources.k8s import POD_SPEC_PATHS, ContainerRef, K8sObject, containers, pod_spec
from linter.sources.k8s_compact import prepared

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


class PodTemplate:
    """The pods a workload creates: its namespace, template labels and containers, and the
    workload's own `spec.selector.matchLabels` (as strings; None when absent or empty)."""

    __slots__ = ("obj", "namespace", "labels", "_containers", "match_labels")

    def __init__(self, obj: K8sObject, namespace: str, labels: dict[str, str],
                 containers: list[ContainerRef] | None = None, match_labels: dict[str, str] | None = None) -> None:
        self.obj = obj
        self.namespace = namespace
        self.labels = labels
        self._containers = containers
        self.match_labels = match_labels

    @property
    def containers(self) -> list[ContainerRef]:
        """Read from the tree on first use: a stored workload is unpacked only for the rules that look inside."""
        if self._containers is None:
            self._containers = list(containers(self.obj, ("containers",)))
        return self._containers


def matches_labels(selector: dict[str, str], labels: dict[str, str]) -> bool:
    """A Service-style selector (a plain map): every pair present. An empty map selects nothing."""
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())


class LabelSelector:
    """A metav1.LabelSelector (matchLabels + matchExpressions); empty selects everything."""

    __slots__ = ("match_labels", "expressions", "valid")

    def __init__(self, node: Any) -> None:
        self.valid = isinstance(node, dict)
        node = node if isinstance(node, dict) else {}
        self.match_labels = {k: v for k, v in (_str_map(node.get("matchLabels")) or {}).items() if k not in CONTROLLER_LABELS}
        self.expressions: list[tuple[str, str, frozenset[str]]] = []
        exprs = node.get("matchExpressions")
        if isinstance(exprs, list):
            for e in exprs:
                if not isinstance(e, dict) or not isinstance(e.get("key"), str):
                    self.valid = False
                    continue
                values = e.get("values")
                vals = frozenset(_label_str(v) for v in values) if isinstance(values, list) else frozenset()
                if e["key"] in CONTROLLER_LABELS:
                    continue
                self.expressions.append((e["key"], str(e.get("operator", "")), vals))

    @property
    def values(self) -> set[str]:
        return set(self.match_labels.values()) | {v for _, op, vals in self.expressions if op == "In" for v in vals}

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


class ProjectIndex:
    """What cross-object rules look up, built in one pass over the run."""

    __slots__ = ("templates", "named", "kinds_in_namespace", "by_kind_ns", "custom_resources", "_operator_labels",
                 "operator_names", "by_label", "references")

    def __init__(self) -> None:
        self.templates: dict[str, list[PodTemplate]] = defaultdict(list)
        # (kind, namespace, name) -> objects; kind is the bare kind (any API group)
        self.named: dict[tuple[str, str, str], list[K8sObject]] = defaultdict(list)
        self.kinds_in_namespace: set[tuple[str, str]] = set()
        # (kind, namespace) -> objects of that kind, in run order
        self.by_kind_ns: dict[tuple[str, str], list[K8sObject]] = defaultdict(list)
        # custom resources and their names per namespace: operators create pods from them
        self.custom_resources: dict[str, list[K8sObject]] = defaultdict(list)
        self._operator_labels: dict[str, list[dict[str, str]]] = {}
        self.operator_names: dict[str, set[str]] = defaultdict(set)
        # (namespace, label key, label value) -> pod templates carrying that label
        self.by_label: dict[tuple[str, str, str], list[PodTemplate]] = defaultdict(list)
        # id(workload) -> what its pod spec names (found in the same pass: a compact object's tree is
        # unpacked once for both, see linter.sources.k8s_compact)
        self.references: dict[int, list[Reference]] = {}

    def operator_labels(self, namespace: str) -> list[dict[str, str]]:
        """The label sets of the namespace's custom resources (their own, `spec.podMetadata` and
        `spec.template.metadata` labels), gathered on first use."""
        found = self._operator_labels.get(namespace)
        if found is None:
            found = []
            for obj in self.custom_resources.get(namespace, ()):
                facts = prepared(obj, FACTS_KEY)
                found += facts["labels"] if facts is not None else _custom_resource_labels(obj)
            self._operator_labels[namespace] = found
        return found

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
        if _is_custom_resource(obj):
            if isinstance(name, str) and name:
                idx.operator_names[ns].add(name)
            idx.custom_resources[ns].append(obj)
        if obj.is_workload:
            facts = prepared(obj, FACTS_KEY)
            if facts is None or "refs" not in facts:  # not stored when its file was linted: from the tree
                facts = _workload_facts(obj)
            template = PodTemplate(obj, ns, facts["labels"], None, facts["match"])
            idx.templates[ns].append(template)
            for k, v in template.labels.items():
                idx.by_label[(ns, k, v)].append(template)
            idx.references[id(obj)] = [Reference(*r) for r in facts["refs"]]
    return idx


def _workload_facts(obj: K8sObject) -> dict[str, Any]:
    own = obj.get("spec", "selector", "matchLabels")
    numbers, names = _declared_ports(containers(obj, ("containers",)))  # what PodTemplate.containers holds
    return {"labels": _str_map(obj.get(*_template_labels_path(obj))) or {},
            "match": {str(k): str(v) for k, v in own.items()} if isinstance(own, dict) and own else None,
            "refs": [tuple(r) for r in references(obj)], "images": [c.node.get("image") for c in containers(obj)],
            "ports": (sorted(numbers), names)}


def _is_custom_resource(obj: K8sObject) -> bool:
    group = obj.group
    return "." in group and not group.endswith(".k8s.io") and obj.kind not in ("Kustomization", "Component")


# Labels the controllers put on the pods they create: never in a template, valid in selectors.
CONTROLLER_LABELS = frozenset({
    "statefulset.kubernetes.io/pod-name", "apps.kubernetes.io/pod-index", "pod-template-hash",
    "controller-revision-hash", "pod-template-generation", "job-name", "controller-uid",
    "batch.kubernetes.io/job-name", "batch.kubernetes.io/controller-uid", "batch.kubernetes.io/job-completion-index",
})


def operator_may_select(idx: "ProjectIndex", namespace: str, matches: Any, values: set[str]) -> bool:
    """Whether pods an operator creates from a custom resource of the run may carry the labels.

    True when the labels of a custom resource in the namespace (its own, `spec.podMetadata` or
    `spec.template.metadata`) satisfy `matches`, or a selector value is the name of one
    (prometheus-operator labels pods `prometheus: <name>`).
    """
    if values & idx.operator_names.get(namespace, set()):
        return True
    return any(matches(labels) for labels in idx.operator_labels(namespace))


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
    if selector.match_labels:
        k, v = next(iter(selector.match_labels.items()))
        candidates = idx.by_label.get((namespace, k, v), [])
    else:
        candidates = idx.templates.get(namespace, [])
    return [t for t in candidates if selector.matches(t.labels)]


def templates_selected_by(idx: ProjectIndex, namespace: str, selector: dict[str, str]) -> list[PodTemplate]:
    """Pod templates of the namespace whose labels include every pair of a Service-style selector."""
    if not selector:
        return []
    k, v = next(iter(selector.items()))
    return [t for t in idx.by_label.get((namespace, k, v), []) if matches_labels(selector, t.labels)]


def container_ports(template: PodTemplate) -> tuple[set[int], dict[str, int]]:
    """Numbers and names of the ports a pod template's containers declare."""
    facts = prepared(template.obj, FACTS_KEY)
    if facts is not None and "ports" in facts:
        numbers, names = facts["ports"]
        return set(numbers), dict(names)
    return _declared_ports(template.containers)


def _declared_ports(found: Iterable[ContainerRef]) -> tuple[set[int], dict[str, int]]:
    numbers: set[int] = set()
    names: dict[str, int] = {}
    for c in found:
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
    facts = prepared(obj, FACTS_KEY)
    if facts is not None:
        return facts["selector"]
    sel = _str_map(obj.get("spec", "selector"))
    return {k: v for k, v in sel.items() if k not in CONTROLLER_LABELS} if sel else None


FACTS_KEY = __name__


def object_facts(obj: K8sObject) -> dict[str, Any] | None:
    """What the cross-object lookups read of `obj` beyond its metadata, taken when its file is
    linted, where the tree is at hand: a Service's selector, a custom resource's label sets, a
    workload's template labels, matchLabels, references, declared ports and images. A stored
    object (linter.sources.k8s_compact) then needs no unpacking for them. The engine stores them
    with the object; each reader falls back to the tree where they are missing."""
    if obj.kind == "Service" and not obj.group:
        return {"selector": service_selector(obj)}
    if _is_custom_resource(obj):
        return {"labels": _custom_resource_labels(obj)}
    if obj.is_workload:
        return _workload_facts(obj)
    return None


def _custom_resource_labels(obj: K8sObject) -> list[dict[str, str]]:
    found = []
    for path in (("metadata", "labels"), ("spec", "podMetadata", "labels"), ("spec", "template", "metadata", "labels")):
        labels = _str_map(obj.get(*path))
        if labels:
            found.append(labels)
    return found


def stored_images(obj: K8sObject) -> list[Any] | None:
    """The `image` of every container of a workload (all sections), when stored by `object_facts`."""
    facts = prepared(obj, FACTS_KEY)
    return facts.get("images") if facts is not None else None


def services_selecting(idx: ProjectIndex, template: PodTemplate) -> list[K8sObject]:
    return [s for s in idx.of("Service", template.namespace) if matches_labels(service_selector(s) or {}, template.labels)]


def has_service_selecting(project: Any, template: PodTemplate) -> bool:
    """Whether a Service of the run selects the template (indexed by the Services' first selector pair)."""
    def build(p: Any) -> dict[tuple[str, str, str], list[dict[str, str]]]:
        out: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
        for o in p.objects:
            sel = service_selector(o)
            if sel:
                k, v = next(iter(sel.items()))
                out[(namespace_of(o), k, v)].append(sel)
        return out

    by_pair = project.memo("linter.sources.crossref.services-by-pair", build)
    return any(matches_labels(sel, template.labels)
               for k, v in template.labels.items() for sel in by_pair.get((template.namespace, k, v), ()))


class Reference(NamedTuple):
    """A pod spec's reference to another object by name."""

    kind: str  # ConfigMap, Secret, ServiceAccount, PersistentVolumeClaim
    name: str
    path: tuple[Any, ...]  # of the name's value within the object
    optional: bool


_ENV_REFS = (("configMapKeyRef", "ConfigMap"), ("secretKeyRef", "Secret"))
_ENV_FROM_REFS = (("configMapRef", "ConfigMap"), ("secretRef", "Secret"))


def _ref(kind: str, node: Any, key: str, path: tuple[Any, ...]) -> Iterator[Reference]:
    if not isinstance(node, dict):
        return
    name = node.get(key)
    if isinstance(name, str) and name and "{{" not in name and "$" not in name:
        yield Reference(kind, name, path + (key,), node.get("optional") is True)


def references(obj: K8sObject) -> Iterator[Reference]:
    """Every ConfigMap, Secret, ServiceAccount and PVC a workload's pod spec names."""
    found = pod_spec(obj)
    if found is None:
        return
    base, spec = found
    for key in ("serviceAccountName", "serviceAccount"):
        name = spec.get(key)
        if isinstance(name, str) and name and name != "default" and "{{" not in name:
            yield Reference("ServiceAccount", name, base + (key,), False)
            break
    pulls = spec.get("imagePullSecrets")
    if isinstance(pulls, list):
        for i, item in enumerate(pulls):
            yield from _ref("Secret", item, "name", base + ("imagePullSecrets", i))
    volumes = spec.get("volumes")
    if isinstance(volumes, list):
        for i, vol in enumerate(volumes):
            if not isinstance(vol, dict):
                continue
            vbase = base + ("volumes", i)
            yield from _ref("ConfigMap", vol.get("configMap"), "name", vbase + ("configMap",))
            yield from _ref("Secret", vol.get("secret"), "secretName", vbase + ("secret",))
            yield from _ref("PersistentVolumeClaim", vol.get("persistentVolumeClaim"), "claimName",
                            vbase + ("persistentVolumeClaim",))
            sources = vol.get("projected", {}).get("sources") if isinstance(vol.get("projected"), dict) else None
            if isinstance(sources, list):
                for j, src in enumerate(sources):
                    if isinstance(src, dict):
                        sbase = vbase + ("projected", "sources", j)
                        yield from _ref("ConfigMap", src.get("configMap"), "name", sbase + ("configMap",))
                        yield from _ref("Secret", src.get("secret"), "name", sbase + ("secret",))
    for c in containers(obj):
        env = c.node.get("env")
        if isinstance(env, list):
            for i, item in enumerate(env):
                value_from = item.get("valueFrom") if isinstance(item, dict) else None
                if isinstance(value_from, dict):
                    for key, kind in _ENV_REFS:
                        yield from _ref(kind, value_from.get(key), "name", c.path + ("env", i, "valueFrom", key))
        env_from = c.node.get("envFrom")
        if isinstance(env_from, list):
            for i, item in enumerate(env_from):
                if isinstance(item, dict):
                    for key, kind in _ENV_FROM_REFS:
                        yield from _ref(kind, item.get(key), "name", c.path + ("envFrom", i, key))


def object_references(project: Any) -> dict[int, list[Reference]]:
    """id(workload) -> the ConfigMaps, Secrets, ServiceAccounts and PVCs its pod spec names."""
    return index(project).references


@dataclass(frozen=True)
class MissingReferenceOptions:
    ignore: tuple[str, ...] = ()  # names never reported (fnmatch globs)
    require_kind_in_namespace: bool = False  # report only when the run defines some object of that kind there


@dataclass(frozen=True)
class MissingSecretOptions(MissingReferenceOptions):
    # Secrets are often created outside the manifests (sealed, external, by hand): by default only
    # report when the namespace defines Secrets in the run, i.e. when the name is likely a typo.
    require_kind_in_namespace: bool = True


def missing_references(obj: K8sObject, project: Any, kind: str, options: Any) -> Iterator[Reference]:
    """References of `obj` to objects of `kind` that the run does not define (optional ones skipped)."""
    import fnmatch

    refs = object_references(project).get(id(obj))
    if not refs:
        return
    idx = index(project)
    ns = namespace_of(obj)
    opts = options if isinstance(options, MissingReferenceOptions) else MissingReferenceOptions()
    if opts.require_kind_in_namespace and (kind, ns) not in idx.kinds_in_namespace:
        return
    seen: set[tuple[Any, ...]] = set()
    if kind == "PersistentVolumeClaim" and obj.kind == "StatefulSet":
        templates = obj.get("spec", "volumeClaimTemplates")
        for t in templates if isinstance(templates, list) else []:
            name = t.get("metadata", {}).get("name") if isinstance(t, dict) and isinstance(t.get("metadata"), dict) else None
            seen.update(r.path for r in refs if r.kind == kind and r.name == name)
    for ref in refs:
        if ref.kind != kind or ref.optional or idx.has(kind, ns, ref.name) or ref.path in seen:
            continue
        if any(fnmatch.fnmatchcase(ref.name, pat) for pat in opts.ignore):
            continue
        seen.add(ref.path)
        yield ref


def pod_template_of(project: Any, obj: K8sObject) -> PodTemplate | None:
    """The indexed pod template of a workload (None for other objects)."""
    by_id = project.memo("linter.sources.crossref.templates-by-id",
                         lambda p: {id(t.obj): t for ts in index(p).templates.values() for t in ts})
    return by_id.get(id(obj))


def kustomized_files(project: Any) -> tuple[set[str], set[str]]:
    """(folders holding a Kustomization of the run, files a Kustomization lists as patches), normalised.

    Objects there may be partial by design: kustomize adds selectors (`commonLabels`,
    `labels`), namespaces and names, and patches carry only the fields they change.
    """
    def build(p: Any) -> tuple[set[str], set[str]]:
        import posixpath

        folders: set[str] = set()
        patches: set[str] = set()
        for k in p.by_kind("Kustomization"):
            folder = posixpath.dirname(k.file.replace("\\", "/"))
            folders.add(posixpath.normpath(folder))
            for key in ("patchesStrategicMerge", "patches", "patchesJson6902"):
                items = k.get(key)
                for item in items if isinstance(items, list) else []:
                    entry = item.get("path") if isinstance(item, dict) else item
                    if isinstance(entry, str):
                        patches.add(posixpath.normpath(posixpath.join(folder, entry)))
        return folders, patches

    return project.memo("linter.sources.crossref.kustomized", build)


def is_kustomized(project: Any, obj: K8sObject) -> bool:
    import posixpath

    folders, patches = kustomized_files(project)
    path = posixpath.normpath(obj.file.replace("\\", "/"))
    return path in patches or posixpath.dirname(path) in folders
