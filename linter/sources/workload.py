"""Per-container views of a pod spec for rules: effective security context, ports, host mounts.

A container's `securityContext` overrides the pod's for the fields both levels share
(runAsUser, runAsGroup, runAsNonRoot, seccompProfile, seLinuxOptions, appArmorProfile).
"""
from __future__ import annotations

from typing import Any, Iterator, NamedTuple

from linter.sources.k8s import ContainerRef, FieldAnchor, K8sObject, containers, pod_spec

# Fields a pod-level securityContext provides as defaults to its containers.
POD_LEVEL_FIELDS = frozenset({"runAsUser", "runAsGroup", "runAsNonRoot", "seccompProfile",
                              "seLinuxOptions", "appArmorProfile", "windowsOptions"})


class Effective(NamedTuple):
    """The value a container runs with, and where it was set (None: unset at both levels)."""

    value: Any
    anchor: FieldAnchor | None
    level: str  # "container", "pod" or "" (unset)

    @property
    def is_set(self) -> bool:
        return self.level != ""


def is_templated(value: Any) -> bool:
    """A Helm/envsubst placeholder whose value is unknown until rendering."""
    return isinstance(value, str) and ("{{" in value or "${" in value)


def _mapping(node: Any) -> dict[str, Any]:
    return node if isinstance(node, dict) else {}


def container_security_context(c: ContainerRef) -> dict[str, Any]:
    return _mapping(c.node.get("securityContext"))


def pod_security_context(obj: K8sObject) -> dict[str, Any]:
    found = pod_spec(obj)
    return _mapping(found[1].get("securityContext")) if found else {}


def effective(c: ContainerRef, field: str) -> Effective:
    """`field` of the container's securityContext, else of the pod's (for pod-level fields)."""
    csc = container_security_context(c)
    if field in csc and csc[field] is not None:
        return Effective(csc[field], c.at("securityContext", field), "container")
    if field in POD_LEVEL_FIELDS:
        found = pod_spec(c.obj)
        if found is not None:
            path, spec = found
            psc = _mapping(spec.get("securityContext"))
            if field in psc and psc[field] is not None:
                return Effective(psc[field], c.obj.at(*path, "securityContext", field), "pod")
    return Effective(None, None, "")


def pod_field(obj: K8sObject, *field: Any) -> tuple[Any, FieldAnchor | None]:
    """A field of the pod spec (e.g. "hostNetwork") with its anchor, or (None, None)."""
    found = pod_spec(obj)
    if found is None:
        return None, None
    path, spec = found
    node: Any = spec
    for step in field:
        if isinstance(node, dict) and step in node:
            node = node[step]
        else:
            return None, None
    return node, obj.at(*path, *field)


def capabilities(c: ContainerRef, which: str) -> list[tuple[int, str]]:
    """(index, upper-cased name without CAP_) of securityContext.capabilities.add|drop."""
    caps = _mapping(container_security_context(c).get("capabilities")).get(which)
    if not isinstance(caps, list):
        return []
    out = []
    for i, cap in enumerate(caps):
        if isinstance(cap, str) and not is_templated(cap):
            name = cap.strip().upper()
            out.append((i, name[4:] if name.startswith("CAP_") else name))
    return out


def container_ports(c: ContainerRef) -> list[tuple[int, dict[str, Any]]]:
    ports = c.node.get("ports")
    if not isinstance(ports, list):
        return []
    return [(i, p) for i, p in enumerate(ports) if isinstance(p, dict)]


class HostMount(NamedTuple):
    volume_index: int
    volume_name: str
    path: str  # normalised: no trailing slash (except "/")
    anchor: FieldAnchor  # the hostPath `path` value
    mounts: tuple[tuple[ContainerRef, int, bool], ...]  # (container, volumeMounts index, readOnly)


def normalise_host_path(path: str) -> str:
    p = "/" + path.strip().strip("/") if path.strip().startswith("/") else path.strip()
    while "//" in p:
        p = p.replace("//", "/")
    return p


def host_mounts(obj: K8sObject) -> Iterator[HostMount]:
    """hostPath volumes of a workload, with the containers that mount them."""
    found = pod_spec(obj)
    if found is None:
        return
    path, spec = found
    volumes = spec.get("volumes")
    if not isinstance(volumes, list):
        return
    users: dict[str, list[tuple[ContainerRef, int, bool]]] = {}
    for c in containers(obj):
        mounts = c.node.get("volumeMounts")
        if not isinstance(mounts, list):
            continue
        for j, m in enumerate(mounts):
            if isinstance(m, dict) and isinstance(m.get("name"), str):
                users.setdefault(m["name"], []).append((c, j, m.get("readOnly") is True))
    for i, volume in enumerate(volumes):
        if not isinstance(volume, dict):
            continue
        host = volume.get("hostPath")
        raw = host.get("path") if isinstance(host, dict) else None
        if not isinstance(raw, str) or not raw.strip() or is_templated(raw):
            continue
        name = volume.get("name")
        name = name if isinstance(name, str) else f"#{i}"
        yield HostMount(i, name, normalise_host_path(raw), obj.at(*path, "volumes", i, "hostPath", "path"),
                        tuple(users.get(name, ())))


def _pod_metadata_path(obj: K8sObject) -> tuple[Any, ...] | None:
    found = pod_spec(obj)
    if found is None:
        return None
    return found[0][:-1] + ("metadata",)


def pod_annotations(obj: K8sObject) -> dict[str, Any]:
    """Annotations of the pod (template) metadata: where seccomp/AppArmor annotations act."""
    path = _pod_metadata_path(obj)
    if path is None:
        return {}
    ann = obj.get(*path, "annotations")
    return ann if isinstance(ann, dict) else {}


def pod_annotation_anchor(obj: K8sObject, key: str) -> FieldAnchor | None:
    path = _pod_metadata_path(obj)
    return None if path is None else obj.at(*path, "annotations", key)


def resources(c: ContainerRef, section: str) -> dict[str, Any]:
    """`resources.requests` or `resources.limits` of a container ({} when absent or malformed)."""
    return _mapping(_mapping(c.node.get("resources")).get(section))


def quantity_unset(value: Any) -> bool:
    """True when a resource quantity is missing, empty or zero (templated values count as set)."""
    if value is None or value is False:
        return True
    if isinstance(value, (int, float)):
        return value == 0
    if isinstance(value, str):
        text = value.strip()
        if is_templated(text):
            return False
        return text == "" or text.rstrip("mkKMGTPEi").strip() in ("0", "0.0", "")
    return False


_SUFFIXES = {"": 1, "m": 1e-3, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18,
             "Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "Ti": 2**40, "Pi": 2**50, "Ei": 2**60}


def parse_quantity(value: Any) -> float | None:
    """A Kubernetes quantity ("500m", "1Gi", 2, "1e3") as a number, or None when unparseable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    for suffix in sorted(_SUFFIXES, key=len, reverse=True):
        if suffix and text.endswith(suffix):
            number, factor = text[: -len(suffix)], _SUFFIXES[suffix]
            break
    else:
        number, factor = text, 1
    try:
        return float(number) * factor
    except ValueError:
        return None


PROBES = ("livenessProbe", "readinessProbe", "startupProbe")
PROBE_HANDLERS = ("exec", "httpGet", "tcpSocket", "grpc")


def probe_port(probe: Any) -> tuple[str, Any] | None:
    """(handler, port) of an httpGet/tcpSocket/grpc probe, or None."""
    if not isinstance(probe, dict):
        return None
    for handler in ("httpGet", "tcpSocket", "grpc"):
        action = probe.get(handler)
        if isinstance(action, dict) and "port" in action:
            return handler, action["port"]
    return None


def port_names_and_numbers(c: ContainerRef) -> tuple[set[str], set[int]]:
    names: set[str] = set()
    numbers: set[int] = set()
    for _, port in container_ports(c):
        if isinstance(port.get("name"), str):
            names.add(port["name"])
        number = port.get("containerPort")
        if isinstance(number, int) and not isinstance(number, bool):
            numbers.add(number)
        elif isinstance(number, str) and number.isdigit():
            numbers.add(int(number))
    return names, numbers


# Capabilities that amount to (near) root on the node: reported by dangerous-capability-added.
DANGEROUS_CAPABILITIES = frozenset({"ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO",
                                    "SYS_BOOT", "DAC_READ_SEARCH", "BPF", "MAC_ADMIN", "MAC_OVERRIDE"})


def is_windows_pod(obj: K8sObject) -> bool:
    """A pod that runs on Windows nodes (`os.name: windows` or a `kubernetes.io/os: windows` selector):
    Linux-only fields (runAsUser, runAsNonRoot, readOnlyRootFilesystem, seccomp) do not apply."""
    found = pod_spec(obj)
    if found is None:
        return False
    spec = found[1]
    os_field = spec.get("os")
    if isinstance(os_field, dict) and os_field.get("name") == "windows":
        return True
    selector = spec.get("nodeSelector")
    return isinstance(selector, dict) and (selector.get("kubernetes.io/os") == "windows"
                                           or selector.get("beta.kubernetes.io/os") == "windows")
