"""Comparing versions for the update notice, and what names a channel."""

from __future__ import annotations

import pytest

from advocate_console.domain.releases import is_channel, is_newer, is_version, version_key
from advocate_console.settings import check_value


@pytest.mark.parametrize(
    ("candidate", "current", "newer"),
    [
        ("0.2.0", "0.1.0", True),
        ("0.1.0", "0.1.0", False),
        ("0.1", "0.1.0", False),
        ("0.10.0", "0.9.3", True),
        ("1.0rc1", "0.9", True),
        ("1.0", "1.0rc2", True),
        ("1.0b1", "1.0rc1", False),
        ("0.0.9", "0.1.0", False),
        ("nonsense", "0.1.0", False),
        ("1.0", "dev build", False),
    ],
)
def test_is_newer(candidate, current, newer):
    assert is_newer(candidate, current) is newer


def test_version_key_refuses_what_is_not_a_version():
    with pytest.raises(ValueError, match="not a version"):
        version_key("v1.0")
    assert is_version("2.0.0rc1") and not is_version("2.0.0\n") and not is_version("")


@pytest.mark.parametrize("name", ["stable", "beta", "pilot-emea", "lts.2026"])
def test_channel_names_the_server_and_the_settings_agree_on(name):
    assert is_channel(name)
    assert check_value("update_channel", name) is None


@pytest.mark.parametrize("name", ["", "Stable", "beta!", "-x", "stable\n", "a" * 65])
def test_channel_names_both_refuse(name):
    assert not is_channel(name)
    assert check_value("update_channel", name) is not None
