"""Deprecated and removed Kubernetes API versions, per release.

From the Kubernetes deprecated API migration guide
(https://kubernetes.io/docs/reference/using-api/deprecation-guide/) for 1.16-1.32, and for later
releases (and alpha APIs) from the OpenAPI schemas of each release as shipped by
`kubernetes-validate`: a (group/version, kind) present in release N-1 and absent in N was
removed in N; it is deprecated from the release its replacement appeared in.
"""
from __future__ import annotations

import re
from typing import NamedTuple


class ApiLifecycle(NamedTuple):
    deprecated_in: str | None  # first release that deprecates it ("1.22")
    removed_in: str | None  # first release that no longer serves it; None while still served
    replacement: str | None  # apiVersion (or "apiVersion Kind") to move to; None when there is none


API_VERSIONS: dict[tuple[str, str], ApiLifecycle] = {}


def _add(api_version: str, deprecated_in: str | None, removed_in: str | None, replacement: str | None,
         *kinds: str) -> None:
    for kind in kinds:
        API_VERSIONS[(api_version, kind)] = ApiLifecycle(deprecated_in, removed_in, replacement)


# -- removed in 1.16
_add("extensions/v1beta1", "1.9", "1.16", "apps/v1", "Deployment", "DaemonSet", "ReplicaSet")
_add("extensions/v1beta1", "1.9", "1.16", "networking.k8s.io/v1", "NetworkPolicy")
_add("extensions/v1beta1", "1.10", "1.16", "policy/v1beta1", "PodSecurityPolicy")
for _v in ("apps/v1beta1", "apps/v1beta2"):
    _add(_v, "1.9", "1.16", "apps/v1", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ControllerRevision")
# -- removed in 1.21 / 1.22
_add("batch/v2alpha1", "1.8", "1.21", "batch/v1", "CronJob")
_add("extensions/v1beta1", "1.14", "1.22", "networking.k8s.io/v1", "Ingress")
_add("networking.k8s.io/v1beta1", "1.19", "1.22", "networking.k8s.io/v1", "Ingress", "IngressClass")
_add("apiextensions.k8s.io/v1beta1", "1.16", "1.22", "apiextensions.k8s.io/v1", "CustomResourceDefinition")
_add("admissionregistration.k8s.io/v1beta1", "1.16", "1.22", "admissionregistration.k8s.io/v1",
     "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration")
_add("apiregistration.k8s.io/v1beta1", "1.19", "1.22", "apiregistration.k8s.io/v1", "APIService")
_add("authentication.k8s.io/v1beta1", "1.19", "1.22", "authentication.k8s.io/v1", "TokenReview")
_add("authorization.k8s.io/v1beta1", "1.19", "1.22", "authorization.k8s.io/v1",
     "SubjectAccessReview", "LocalSubjectAccessReview", "SelfSubjectAccessReview", "SelfSubjectRulesReview")
_add("certificates.k8s.io/v1beta1", "1.19", "1.22", "certificates.k8s.io/v1", "CertificateSigningRequest")
_add("coordination.k8s.io/v1beta1", "1.19", "1.22", "coordination.k8s.io/v1", "Lease")
for _v in ("rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1alpha1"):
    _add(_v, "1.17", "1.22", "rbac.authorization.k8s.io/v1", "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding")
for _v in ("scheduling.k8s.io/v1beta1", "scheduling.k8s.io/v1alpha1"):
    _add(_v, "1.17", "1.22", "scheduling.k8s.io/v1", "PriorityClass")
_add("storage.k8s.io/v1beta1", "1.19", "1.22", "storage.k8s.io/v1", "CSIDriver", "CSINode", "StorageClass", "VolumeAttachment")
# -- removed in 1.25
_add("batch/v1beta1", "1.21", "1.25", "batch/v1", "CronJob")
_add("discovery.k8s.io/v1beta1", "1.21", "1.25", "discovery.k8s.io/v1", "EndpointSlice")
_add("events.k8s.io/v1beta1", "1.19", "1.25", "events.k8s.io/v1", "Event")
_add("autoscaling/v2beta1", "1.22", "1.25", "autoscaling/v2", "HorizontalPodAutoscaler")
_add("policy/v1beta1", "1.21", "1.25", "policy/v1", "PodDisruptionBudget")
_add("policy/v1beta1", "1.21", "1.25", None, "PodSecurityPolicy")
_add("node.k8s.io/v1beta1", "1.20", "1.25", "node.k8s.io/v1", "RuntimeClass")
# -- removed in 1.26 ... 1.32
_add("autoscaling/v2beta2", "1.23", "1.26", "autoscaling/v2", "HorizontalPodAutoscaler")
_add("flowcontrol.apiserver.k8s.io/v1beta1", "1.23", "1.26", "flowcontrol.apiserver.k8s.io/v1",
     "FlowSchema", "PriorityLevelConfiguration")
_add("storage.k8s.io/v1beta1", "1.24", "1.27", "storage.k8s.io/v1", "CSIStorageCapacity")
_add("flowcontrol.apiserver.k8s.io/v1beta2", "1.26", "1.29", "flowcontrol.apiserver.k8s.io/v1",
     "FlowSchema", "PriorityLevelConfiguration")
_add("flowcontrol.apiserver.k8s.io/v1beta3", "1.29", "1.32", "flowcontrol.apiserver.k8s.io/v1",
     "FlowSchema", "PriorityLevelConfiguration")
# -- later removals, and alpha APIs (off by default when they existed), from the release schemas
_add("resource.k8s.io/v1alpha1", None, "1.27", "resource.k8s.io/v1",
     "PodScheduling", "ResourceClaim", "ResourceClaimTemplate", "ResourceClass")
_add("networking.k8s.io/v1alpha1", None, "1.29", None, "ClusterCIDR")
_add("networking.k8s.io/v1alpha1", None, "1.31", "networking.k8s.io/v1", "IPAddress", "ServiceCIDR")
_add("resource.k8s.io/v1alpha2", None, "1.31", "resource.k8s.io/v1",
     "PodSchedulingContext", "ResourceClaim", "ResourceClaimParameters", "ResourceClaimTemplate", "ResourceClass",
     "ResourceClassParameters", "ResourceSlice")
_add("admissionregistration.k8s.io/v1alpha1", None, "1.32", "admissionregistration.k8s.io/v1",
     "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding")
_add("authentication.k8s.io/v1alpha1", None, "1.32", "authentication.k8s.io/v1", "SelfSubjectReview")
_add("coordination.k8s.io/v1alpha1", None, "1.32", "coordination.k8s.io/v1beta1", "LeaseCandidate")
_add("resource.k8s.io/v1alpha3", None, "1.32", None, "PodSchedulingContext")
_add("authentication.k8s.io/v1beta1", "1.28", "1.33", "authentication.k8s.io/v1", "SelfSubjectReview")
_add("admissionregistration.k8s.io/v1beta1", "1.30", "1.34", "admissionregistration.k8s.io/v1",
     "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding")
_add("resource.k8s.io/v1alpha3", None, "1.34", "resource.k8s.io/v1",
     "DeviceClass", "ResourceClaim", "ResourceClaimTemplate", "ResourceSlice")
_add("certificates.k8s.io/v1alpha1", None, "1.35", "certificates.k8s.io/v1", "PodCertificateRequest")
_add("storage.k8s.io/v1alpha1", None, "1.35", "storage.k8s.io/v1", "VolumeAttributesClass")
_add("storagemigration.k8s.io/v1alpha1", None, "1.35", "storagemigration.k8s.io/v1", "StorageVersionMigration")
_add("networking.k8s.io/v1beta1", "1.33", "1.37", "networking.k8s.io/v1", "IPAddress", "ServiceCIDR")
_add("storage.k8s.io/v1beta1", "1.34", "1.37", "storage.k8s.io/v1", "VolumeAttributesClass")
_add("certificates.k8s.io/v1alpha1", None, "1.37", "certificates.k8s.io/v1", "ClusterTrustBundle")
# -- deprecated, still served by the newest release
_add("v1", "1.19", None, None, "ComponentStatus")
_add("v1", "1.33", None, "discovery.k8s.io/v1 EndpointSlice", "Endpoints")
for _v in ("resource.k8s.io/v1beta1", "resource.k8s.io/v1beta2"):
    _add(_v, "1.34", None, "resource.k8s.io/v1", "DeviceClass", "ResourceClaim", "ResourceClaimTemplate", "ResourceSlice")
_add("admissionregistration.k8s.io/v1beta1", "1.36", None, "admissionregistration.k8s.io/v1",
     "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding")
_add("certificates.k8s.io/v1beta1", "1.37", None, "certificates.k8s.io/v1", "ClusterTrustBundle", "PodCertificateRequest")
_add("storagemigration.k8s.io/v1beta1", "1.37", None, "storagemigration.k8s.io/v1", "StorageVersionMigration")

_VERSION_RE = r"^v?(\d+)\.(\d+)"


def version_tuple(version: str) -> tuple[int, int]:
    m = re.match(_VERSION_RE, version.strip())
    return (int(m.group(1)), int(m.group(2))) if m else (1, 0)


def lifecycle(api_version: str, kind: str) -> ApiLifecycle | None:
    return API_VERSIONS.get((api_version, kind))


def removed_at(api_version: str, kind: str, target: str) -> ApiLifecycle | None:
    """The lifecycle entry when the API is no longer served by release `target`."""
    entry = API_VERSIONS.get((api_version, kind))
    if entry is None or entry.removed_in is None:
        return None
    return entry if version_tuple(entry.removed_in) <= version_tuple(target) else None


def deprecated_at(api_version: str, kind: str, target: str) -> ApiLifecycle | None:
    """The lifecycle entry when release `target` still serves the API but deprecates it."""
    entry = API_VERSIONS.get((api_version, kind))
    if entry is None or entry.deprecated_in is None:
        return None
    t = version_tuple(target)
    if version_tuple(entry.deprecated_in) > t:
        return None
    if entry.removed_in is not None and version_tuple(entry.removed_in) <= t:
        return None
    return entry
