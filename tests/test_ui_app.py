"""The real program started as a process: it shows its window, and a second start defers to the first."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from antq_desktop.services import demo
from antq_desktop.services import station as station_service
from antq_desktop.storage.paths import DataDir


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _app(data_dir: DataDir, *extra: str) -> list[str]:
    return [sys.executable, "-m", "antq_desktop.app", "--data-dir", str(data_dir.root), *extra]


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> DataDir:
    data_dir = DataDir(tmp_path_factory.mktemp("app"))
    st = station_service.open_station(data_dir)
    demo.create_demo_station(st.db, households=120, seed=5)
    st.close()
    return data_dir


def test_program_starts_to_its_main_window(demo_dir):
    result = subprocess.run(
        _app(demo_dir, "--exit-after-show"), env=_env(), capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "shown_after_s=" in result.stdout
    assert "ready_after_s=" in result.stdout  # the frame first, then the station and the first page
    assert (demo_dir.root / "window.ini").exists()  # the layout was saved on close


def test_the_window_frame_needs_neither_the_database_layer_nor_the_paper_libraries():
    """What runs before the first paint imports no SQLAlchemy, ORM classes, reportlab or openpyxl."""
    code = (
        "import sys, antq_desktop.app, antq_desktop.ui.main_window\n"
        "heavy = ('sqlalchemy', 'antq_desktop.storage.models', 'reportlab', 'openpyxl', 'alembic')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m.startswith(heavy)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=_env(), capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_second_start_brings_the_first_forward_and_leaves(demo_dir):
    first = subprocess.Popen(
        _app(demo_dir), env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        # The first copy holds the lock once its window is up.
        from antq_desktop.storage.lock import AlreadyRunning, InstanceLock

        deadline = time.monotonic() + 60
        while True:
            try:
                with InstanceLock(demo_dir.lock_file):
                    pass
            except AlreadyRunning:
                break
            assert first.poll() is None, first.stderr.read() if first.stderr else ""
            assert time.monotonic() < deadline, "the first copy never took the lock"
            time.sleep(0.2)
        second = subprocess.run(_app(demo_dir), env=_env(), capture_output=True, text=True, timeout=60)
        assert second.returncode == 0
        assert "đang mở" in second.stdout
        assert first.poll() is None, "the first copy must keep running"
        # A writing command is refused while the program is open, with one sentence.
        cli = subprocess.run(
            [sys.executable, "-m", "antq_desktop.cli", "--data-dir", str(demo_dir.root), "demo"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert cli.returncode == 1
        assert len(cli.stderr.strip().splitlines()) == 1
        assert "đang mở" in cli.stderr
    finally:
        first.terminate()
        first.wait(timeout=30)


def test_a_lock_held_only_a_moment_is_waited_for(demo_dir):
    """A command (a scheduled backup, or the probe above) holding the lock for a moment does not turn
    a start into "already open": the program waits, takes the lock and shows its window."""
    from antq_desktop.storage.lock import InstanceLock

    held = InstanceLock(demo_dir.lock_file)
    held.acquire()
    try:
        app = subprocess.Popen(
            _app(demo_dir, "--exit-after-show"),
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(1.5)
    finally:
        held.release()
    out, err = app.communicate(timeout=120)
    assert app.returncode == 0, err
    assert "shown_after_s=" in out
