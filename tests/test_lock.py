"""The hashed lock (packaging/requirements.lock) that CI and the installer builds install from.

Offline: it pins every dependency of pyproject.toml (app + build) to a version the range allows, each
with hashes. Online (skipped, with the reason, when the package index cannot be reached): for every
supported Python each package it installs on Windows x64 has a binary wheel with one of the locked
hashes (the index's file lists), and pip itself resolves it for Windows x64 from binary wheels only
(``pip install --dry-run --only-binary=:all: --platform win_amd64``, the build's Python), so a
missing Windows wheel shows here and not on an officer's PC.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import packaging.tags
import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name, parse_wheel_filename

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "packaging" / "requirements.lock"
TEST_LOCK = ROOT / "packaging" / "requirements-test.lock"
# requires-python's lower bound up to the newest release the locked Qt (PySide6 6.12: < 3.16) has
# wheels for and we build with; keep in step with pyproject.toml and packaging/README.md.
SUPPORTED = ["3.11", "3.12", "3.13", "3.14"]
BUILD_PYTHON = "3.11"  # .github/workflows/windows.yml
INDEX = "https://pypi.org/simple"
NETWORK_TROUBLE = re.compile(
    r"NewConnectionError|ConnectTimeout|ReadTimeout|Max retries exceeded|Temporary failure in name resolution"
    r"|Network is unreachable|Could not fetch URL|ProxyError|SSLError|Connection refused"
)


def entries(lock: Path) -> list[tuple[str, str, str, list[str]]]:
    """(name, version, marker, hashes) of each pinned requirement."""
    out = []
    for block in re.split(r"\n(?=\S)", lock.read_text(encoding="utf-8")):
        if not block.strip() or block.startswith("#"):
            continue
        first = block.split(" \\\n", 1)[0]
        req, _, marker = first.partition(" ; ")
        name, _, version = req.partition("==")
        out.append(
            (canonicalize_name(name), version.strip(), marker.strip(), re.findall(r"--hash=(\S+)", block))
        )
    return out


def windows_requirements(lock: Path, python: str) -> str:
    """The lock as it applies on Windows x64 with ``python``: pip evaluates environment markers
    against the running interpreter even with --platform, so they are evaluated here."""
    env = {
        "sys_platform": "win32",
        "platform_system": "Windows",
        "os_name": "nt",
        "platform_machine": "AMD64",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "python_version": python,
        "python_full_version": f"{python}.0",
    }
    kept = []
    for name, version, marker, hashes in entries(lock):
        if marker and not Marker(marker).evaluate(env):
            continue
        kept.append(f"{name}=={version} " + " ".join(f"--hash={h}" for h in hashes))
    return "\n".join(kept) + "\n"


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


@pytest.mark.parametrize(("lock", "extra"), [(LOCK, "build"), (TEST_LOCK, "test")])
def test_the_lock_pins_every_dependency_within_its_range_with_hashes(lock: Path, extra: str) -> None:
    project = _project()
    pinned = {name: (version, hashes) for name, version, _m, hashes in entries(lock)}
    assert pinned, lock
    for line in [*project["dependencies"], *project["optional-dependencies"][extra]]:
        req = Requirement(line)
        name = canonicalize_name(req.name)
        assert name in pinned, (
            f"{name} is in pyproject.toml but not in {lock.name}: re-run the command at its top"
        )
        version, _ = pinned[name]
        assert req.specifier.contains(version, prereleases=True), (
            f"{name}=={version} is outside {req.specifier}"
        )
    for name, (version, hashes) in pinned.items():
        assert re.fullmatch(r"[0-9][0-9A-Za-z.+!-]*", version), (name, version)
        assert hashes and all(h.startswith("sha256:") for h in hashes), name


def test_nothing_gpl_is_locked_for_the_app() -> None:
    """The licence conflict of issue 22: the unit list is the project's own file now."""
    names = {name for name, *_ in entries(LOCK)}
    assert "vietnam-provinces" not in names


def test_requires_python_matches_the_checked_versions() -> None:
    spec = SpecifierSet(_project()["requires-python"])
    assert all(spec.contains(v) for v in SUPPORTED)
    assert not spec.contains("3.10"), "SQLAlchemy 2.1 and Pillow 13 in the lock need Python 3.11"
    assert f"--python-version {SUPPORTED[0]}" in LOCK.read_text(encoding="utf-8").splitlines()[1]


def _skip_if_offline(stderr: str) -> None:
    if NETWORK_TROUBLE.search(stderr):
        pytest.skip(
            f"the package index cannot be reached, the Windows wheel check did not run: {stderr[-300:]}"
        )


@pytest.fixture(scope="module")
def index_files() -> Callable[[str], list[dict]]:
    """The package index's file list of a project (the JSON simple API pip itself reads), cached."""
    seen: dict[str, list[dict]] = {}

    def files(name: str) -> list[dict]:
        if name not in seen:
            req = urllib.request.Request(
                f"{INDEX}/{name}/", headers={"Accept": "application/vnd.pypi.simple.v1+json"}
            )
            try:
                with urllib.request.urlopen(req, timeout=30) as answer:
                    seen[name] = json.load(answer)["files"]
            except (urllib.error.URLError, TimeoutError, OSError) as exc:
                _skip_if_offline(f"{type(exc).__name__}: Could not fetch URL {req.full_url}: {exc}")
                raise
        return seen[name]

    return files


@pytest.mark.parametrize("python", SUPPORTED)
def test_every_locked_package_has_a_hashed_windows_x64_wheel(python: str, index_files) -> None:
    """For each supported Python: every package the lock installs on Windows x64 has a wheel on the
    index for that Python and win_amd64 (or a pure one), of the pinned version, whose sha256 is one of
    the lock's hashes. From the index's file lists alone: a few small requests, no wheel downloaded."""
    major, minor = (int(x) for x in python.split("."))
    tags = {
        *packaging.tags.cpython_tags((major, minor), platforms=["win_amd64"]),
        *packaging.tags.compatible_tags((major, minor), f"cp{major}{minor}", ["win_amd64"]),
    }
    problems = []
    for line in windows_requirements(LOCK, python).splitlines():
        pin, *hash_words = line.split()
        name, version = pin.split("==")
        hashes = {h.removeprefix("--hash=sha256:") for h in hash_words}
        wheels = []
        for f in index_files(name):
            if not f["filename"].endswith(".whl") or f.get("yanked"):
                continue
            _n, ver, _b, wheel_tags = parse_wheel_filename(f["filename"])
            if str(ver) == version and wheel_tags & tags and f["hashes"].get("sha256") in hashes:
                if SpecifierSet(f.get("requires-python") or "").contains(f"{python}.0"):
                    wheels.append(f["filename"])
        if not wheels:
            problems.append(f"{name}=={version}: no hashed win_amd64 wheel for Python {python}")
    assert not problems, problems


def test_pip_resolves_the_lock_for_windows_from_binary_wheels(tmp_path: Path) -> None:
    """pip itself, for the Python the installer is built with (.github/workflows/windows.yml): a dry
    run that checks every hash. pip downloads the wheels to check them (~95 MB, ~20 s here: this index
    serves no separate metadata files), hence one Python version only; the test above covers all."""
    python = BUILD_PYTHON
    reqs = tmp_path / "win.txt"
    reqs.write_text(windows_requirements(LOCK, python), encoding="utf-8")
    assert "pefile==" in reqs.read_text() and "pywin32-ctypes==" in reqs.read_text()  # PyInstaller on Windows
    cmd = [
        sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--no-input",
        "--only-binary=:all:", "--platform", "win_amd64", "--implementation", "cp",
        "--python-version", python, "--target", str(tmp_path / "target"),
        "--require-hashes", "-r", str(reqs), "--report", str(tmp_path / "report.json"),
        "--timeout", "30", "--retries", "1",
    ]  # fmt: skip
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    if run.returncode != 0:
        _skip_if_offline(run.stderr)
    assert run.returncode == 0, run.stderr[-3000:]
    installed = json.loads((tmp_path / "report.json").read_text())["install"]
    files = [i["download_info"]["url"].rsplit("/", 1)[-1] for i in installed]
    assert len(files) == len(reqs.read_text().splitlines())
    assert all(re.search(r"-(none-any|win_amd64)\.whl$", f) for f in files), files
    assert not (tmp_path / "target").exists()  # a dry run: nothing installed
