"""Setup is explicit: importing the code registers nothing; ``services.setup.wire()`` does (issue 17).

Runs in a fresh interpreter: this test process is already wired by conftest.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from test_sync_support import add_household

from antq_desktop.services import accounts

ROOT = Path(__file__).resolve().parents[1]

PROBE = r"""
import importlib, json, pkgutil
import antq_desktop
# Every module below the UI (Qt stays out): storage, services, sync, documents, papers, the CLI.
names = sorted(
    m.name for m in pkgutil.walk_packages(antq_desktop.__path__, "antq_desktop.")
    if not m.name.startswith(("antq_desktop.ui", "antq_desktop.app", "antq_desktop.storage.migrations"))
)
for name in names:
    importlib.import_module(name)
from sqlalchemy import event
from antq_desktop.services import hub_guard, period_lock, setup
from antq_desktop.storage import actors, audit_log, column_crypto
from antq_desktop.storage.stamping import AntqSession

def state():
    return {
        "guards": len(actors._write_guards),
        "anchors": len(audit_log._anchor_preparers),
        "locked_error": type(column_crypto.locked_error()).__name__,
        "hub_guard": event.contains(AntqSession, "before_flush", hub_guard.before_flush),
        "period_lock": event.contains(AntqSession, "before_flush", period_lock.before_flush),
        "wired": setup.is_wired(),
    }

out = {"modules": len(names), "imported": state()}
setup.wire()
out["wired"] = state()
setup.wire()
out["twice"] = state()
print(json.dumps(out))
"""


def test_importing_registers_nothing_and_wire_fills_every_registry_once() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    got = json.loads(run.stdout)
    assert got["modules"] > 50
    assert got["imported"] == {
        "guards": 0,
        "anchors": 0,
        "locked_error": "SensitiveDataLocked",
        "hub_guard": False,
        "period_lock": False,
        "wired": False,
    }
    filled = {
        "guards": 1,
        "anchors": 1,
        "locked_error": "UserError",
        "hub_guard": True,
        "period_lock": True,
        "wired": True,
    }
    assert got["wired"] == filled
    assert got["twice"] == filled


def test_the_command_line_wires_at_start(station, run_cli) -> None:
    """``antq`` itself refuses a read-only account's write: cli.main wired the write guard."""
    accounts.create_account(station.db, "xem", "matkhau-xem", "viewer", "Cán bộ xem")
    household = add_household(station.db, "Nguyễn Văn Bình")
    root = station.data_dir.root
    station.close()
    env = {"ANTQ_USER": "xem", "ANTQ_PASSWORD": "matkhau-xem"}
    refused = run_cli("--data-dir", root, "households", "delete", household, "--yes", env=env)
    assert refused.returncode == 1, refused.stderr
    assert "chỉ xem" in refused.stderr
    assert "Traceback" not in refused.stderr
    listed = run_cli("--data-dir", root, "households", "list", "--json")
    assert household in listed.stdout
