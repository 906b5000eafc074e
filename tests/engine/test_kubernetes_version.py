"""`--kubernetes-version` and the `kubernetes-version` config key."""
from __future__ import annotations

import pytest

from linter.config import ConfigError, build_config
from linter.testing import default_registry

CRONJOB = "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: x}\n"


@pytest.mark.parametrize("given,expected", [("1.30", "1.30"), ("v1.29", "1.29"), ("1.31.4", "1.31"), (None, "1.34")])
def test_config_key_is_normalised(given, expected):
    raw = {} if given is None else {"kubernetes-version": given}
    assert build_config(default_registry(), raw).kubernetes_version == expected


@pytest.mark.parametrize("bad", [1.3, "latest", "2", 130])
def test_bad_values_are_config_errors(bad):
    with pytest.raises(ConfigError, match="kubernetes-version"):
        build_config(default_registry(), {"kubernetes-version": bad})


def test_cli_option_overrides_config(run_cli, write):
    write("cron.yaml", CRONJOB)
    write(".k8slint.yaml", 'kubernetes-version: "1.24"\n')
    code, out, _ = run_cli("--format", "json", "cron.yaml")
    assert "KS005" not in out and "KS330" in out
    code, out, _ = run_cli("--format", "json", "--kubernetes-version", "1.25", "cron.yaml")
    assert code == 1 and "KS005" in out
    assert run_cli("--kubernetes-version", "one", "cron.yaml")[0] == 2
