"""``python -m antq_desktop.licences`` and Help → About list every shipped third-party distribution
with its licence, the same list, checked against the installed distributions' own metadata."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from antq_desktop import licences

ROOT = Path(__file__).resolve().parent.parent
# Metadata that names a licence without an SPDX expression: what the package's licence file says.
ALIASES = {
    "PSFL": "PSF-2.0",  # defusedxml: "PSFL", classifier Python Software Foundation License
    "Python Software Foundation License": "PSF-2.0",
    "BSD License": "BSD-3-Clause",  # reportlab: "BSD license (see license.txt ...)", a 3-clause text
}


def runtime_closure() -> dict[str, metadata.Distribution]:
    """pyproject.toml's run-time dependencies and theirs, as installed (no extras: no test/build)."""
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    seen: dict[str, metadata.Distribution] = {}
    todo = [Requirement(d) for d in deps]
    while todo:
        req = todo.pop()
        if req.marker and not req.marker.evaluate({"extra": ""}):
            continue
        name = canonicalize_name(req.name)
        if name not in seen:
            seen[name] = metadata.distribution(req.name)
            todo += [Requirement(r) for r in seen[name].requires or []]
    return seen


def licence_in_metadata(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    if meta.get("License-Expression"):
        return meta["License-Expression"]
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and ("(" not in text) and (len(text.split()) == 1 or " OR " in text):
        return ALIASES.get(text, text)
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    assert len(classifiers) == 1, (dist.name, text, classifiers)
    return ALIASES.get(classifiers[0], classifiers[0])


def test_the_list_is_exactly_the_installed_run_time_distributions_with_their_licences() -> None:
    installed = runtime_closure()
    listed = {canonicalize_name(c.name): c for c in licences.DISTRIBUTIONS}
    assert set(listed) == set(installed), (
        f"missing from antq_desktop/licences.py: {sorted(set(installed) - set(listed))}; "
        f"listed but not shipped: {sorted(set(listed) - set(installed))}"
    )
    for name, dist in installed.items():
        assert listed[name].licence == licence_in_metadata(dist), name


def test_nothing_shipped_is_gpl_only() -> None:
    """A proprietary program may ship LGPL (Qt, as replaceable libraries) and permissive code, and the
    PyInstaller bootloader under its exception, but nothing GPL-only (issue 22: vietnam-provinces)."""
    for c in licences.shipped():
        if "GPL" in c.licence:
            assert "LGPL" in c.licence or "Bootloader-exception" in c.licence, c
    assert "vietnam-provinces" not in {canonicalize_name(n) for n in runtime_closure()}


def test_the_command_lists_every_component_with_its_licence_and_version() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "antq_desktop.licences", "--json"], capture_output=True, text=True, check=True
    )
    rows = json.loads(run.stdout)
    assert [(r["name"], r["licence"]) for r in rows] == [(c.name, c.licence) for c in licences.shipped()]
    by_name = {r["name"]: r for r in rows}
    for c in licences.DISTRIBUTIONS:
        assert by_name[c.name]["version"] == metadata.version(c.name)
    plain = subprocess.run(
        [sys.executable, "-m", "antq_desktop.licences"], capture_output=True, text=True, check=True
    ).stdout
    assert len(plain.splitlines()) == len(rows)
    assert "SQLAlchemy" in plain and "OFL-1.1" in plain and "PyInstaller bootloader" in plain


def test_the_about_dialog_shows_the_same_list(qtbot, station) -> None:
    from qt_support import setup_app

    from antq_desktop.ui.about_dialog import AboutDialog

    setup_app(station.data_dir)
    dialog = AboutDialog(station)
    qtbot.addWidget(dialog)
    table = dialog.table
    shown = [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]
    assert shown == [(c.name, c.version, c.licence) for c in licences.shipped()]
