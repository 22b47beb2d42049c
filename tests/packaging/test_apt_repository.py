"""packaging/linux/build-apt-repo: a signed apt repository from .deb files, checked here
with gpgv and apt's own index format (the install from it is in test_debian_package.py)."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

from tests.packaging.conftest import need_tool
from tests.packaging.repository import BUILD_APT_REPO, ThrowawayKey, build_repo


def dummy_deb(folder: Path, version: str, package: str = "advocate-console") -> Path:
    """A package with nothing but its control file: what the repository script sees."""
    need_tool("dpkg-deb", "dpkg")
    root = folder / f"{package}-{version}"
    (root / "DEBIAN").mkdir(parents=True)
    (root / "DEBIAN" / "control").write_text(
        f"Package: {package}\nVersion: {version}\nArchitecture: amd64\n"
        "Maintainer: IT <it@example.com>\nDescription: test\n"
    )
    deb = folder / f"{package}_{version}_amd64.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(root), str(deb)],
        check=True,
        capture_output=True,
    )
    return deb


@pytest.fixture
def key():
    need_tool("apt-ftparchive", "apt-utils")
    need_tool("gpg", "gnupg")
    with ThrowawayKey() as made:
        yield made


def packages(repo: Path, suite: str = "stable") -> list[dict[str, str]]:
    """The Packages index, one dict per stanza."""
    text = (repo / "dists" / suite / "main" / "binary-amd64" / "Packages").read_text()
    stanzas = [s for s in text.split("\n\n") if s.strip()]
    return [dict(line.split(": ", 1) for line in s.splitlines() if ": " in line) for s in stanzas]


def test_a_repository_is_signed_and_lists_each_version_published(tmp_path, key):
    repo = tmp_path / "repo"
    first = build_repo(repo, key, dummy_deb(tmp_path, "0.1.0"))
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == str(repo)
    assert [p["Version"] for p in packages(repo)] == ["0.1.0"]

    later = build_repo(repo, key, dummy_deb(tmp_path, "0.1.0-2"))

    assert later.returncode == 0, later.stderr
    listed = {p["Version"]: p for p in packages(repo)}
    assert set(listed) == {"0.1.0", "0.1.0-2"}
    deb = repo / listed["0.1.0-2"]["Filename"]
    assert deb.is_file() and deb.parent == repo / "pool/main/a/advocate-console"
    assert listed["0.1.0-2"]["SHA256"] == hashlib.sha256(deb.read_bytes()).hexdigest()
    dists = repo / "dists" / "stable"
    keyring = repo / "advocate-console-archive-keyring.gpg"
    for signed in (["InRelease"], ["Release.gpg", "Release"]):
        verified = subprocess.run(
            ["gpgv", "--keyring", str(keyring), *[str(dists / name) for name in signed]],
            capture_output=True,
            text=True,
        )
        assert verified.returncode == 0, verified.stderr
    release = (dists / "Release").read_text()
    assert "Origin: Advocate Console" in release and "Suite: stable" in release
    index = (dists / "main/binary-amd64/Packages").read_bytes()
    assert hashlib.sha256(index).hexdigest() in release  # what apt checks the index by


def test_a_changed_release_file_no_longer_verifies(tmp_path, key):
    repo = tmp_path / "repo"
    assert build_repo(repo, key, dummy_deb(tmp_path, "0.1.0")).returncode == 0
    inrelease = repo / "dists" / "stable" / "InRelease"
    inrelease.write_text(inrelease.read_text().replace("Suite: stable", "Suite: stabIe"))
    keyring = repo / "advocate-console-archive-keyring.gpg"
    verified = subprocess.run(["gpgv", "--keyring", str(keyring), str(inrelease)])
    assert verified.returncode != 0


@pytest.mark.parametrize(
    ("what", "says"),
    [
        ("no key", "--key KEY is needed"),
        ("unknown key", "no secret key"),
        ("another package", "is not an advocate-console package"),
    ],
)
def test_the_script_refuses_what_it_cannot_publish_safely(tmp_path, key, what, says):
    deb = dummy_deb(tmp_path, "0.1.0", "other" if what == "another package" else "advocate-console")
    arguments = [str(BUILD_APT_REPO), "--repo", str(tmp_path / "repo"), str(deb)]
    if what != "no key":
        arguments[1:1] = [
            "--key",
            "nobody@example.invalid" if what == "unknown key" else key.fingerprint,
        ]
    result = subprocess.run(arguments, env=key.environ(), capture_output=True, text=True)
    assert result.returncode != 0
    assert says in result.stderr
    assert not (tmp_path / "repo" / "dists").exists()
