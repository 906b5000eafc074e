"""DF306 exposed-ssh-port."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

F = "FROM debian:12\n"

FIRES = [
    pytest.param(F + "EXPOSE 22\n", [2], [8], id="port-22"),
    pytest.param(F + "EXPOSE 8080 22/tcp\n", [2], [13], id="port-22-tcp"),
    pytest.param(F + "EXPOSE 22\nFROM debian:12\nEXPOSE 22\n", [2, 4], None, id="two-stages"),
]


@pytest.mark.parametrize("src, lines, columns", FIRES)
def test_fires(src, lines, columns):
    fires("DF306", src, lines=lines, columns=columns)


QUIET = [
    pytest.param(F + "EXPOSE 8080\n", id="other-port"),
    pytest.param(F + "EXPOSE 2222\n", id="near-miss-2222"),
    pytest.param(F + "EXPOSE 22/udp\n", id="udp"),
    pytest.param(F + "# k8slint ignore=exposed-ssh-port\nEXPOSE 22\n", id="suppressed"),
]


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("DF306", src)


def test_port_after_a_port_containing_22_points_at_the_instruction():
    fires("DF306", F + "EXPOSE 8022 22\n", lines=[2], columns=[1])
