from __future__ import annotations

import pytest

from linter.testing import for_each_workload, fires, quiet

RULE = "KS242"
C = "containers: []\n"


def line_of(src: str, needle: str) -> int:
    return next(i for i, line in enumerate(src.splitlines(), 1) if needle in line)


_bad = for_each_workload("restartPolicy: OnFailure\n" + C)
FIRES = [pytest.param(_bad[k], [line_of(_bad[k], "restartPolicy")], id=f"on-failure-in-{k.lower()}")
         for k in ("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet")]
_never = for_each_workload("restartPolicy: Never\n" + C)["Deployment"]
FIRES.append(pytest.param(_never, [line_of(_never, "restartPolicy")], id="never-in-deployment"))

QUIET = [
    pytest.param(for_each_workload("restartPolicy: Always\n" + C)["Deployment"], id="always"),
    pytest.param(for_each_workload(C)["StatefulSet"], id="unset-defaults-to-always"),
    pytest.param(for_each_workload("restartPolicy: Never\n" + C)["Pod"], id="bare-pod-never"),
    pytest.param(for_each_workload("restartPolicy: Never\n" + C)["Job"], id="job-never"),
    pytest.param(for_each_workload("restartPolicy: Never  # k8slint: ignore=restart-policy\n" + C)["Deployment"], id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)
