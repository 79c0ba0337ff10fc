"""``antq-desktop --self-test``, the check CI also runs on the packaged one-folder build."""

from __future__ import annotations

import os
import subprocess
import sys

from antq_desktop.ui import selftest


def test_self_test_from_source_passes_with_one_line():
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the self-test chooses offscreen by itself
    env.pop("ANTQ_DATA_DIR", None)
    result = subprocess.run(
        [sys.executable, "-m", "antq_desktop.app", "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("self-test ok (source)"), result.stdout
    for step in ("database", "main-window", "certificate", "pdf-read-back"):
        assert step in lines[0]


def test_a_failing_step_gives_one_line_and_exit_1(capsys, monkeypatch):
    def broken_app(argv, settings, lang):  # type: ignore[no-untyped-def]
        raise RuntimeError("no display\nsecond line")

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert selftest.run(broken_app) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert out == ["self-test FAILED at qt: RuntimeError: no display"]
