"""Every visible string has a finished Vietnamese translation, and the compiled catalogue is current."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "translations"))

import refresh  # noqa: E402


def _messages(ts: Path) -> dict[tuple[str, str], str]:
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        for m in ctx.iter("message"):
            tr = m.find("translation")
            finished = tr is not None and tr.get("type") not in ("unfinished", "obsolete", "vanished")
            out[(ctx.findtext("name"), m.findtext("source"))] = (tr.text or "") if finished else ""
    return out


def test_every_source_string_has_a_finished_vietnamese_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    refresh.lupdate(fresh, "vi")  # what the code asks for today
    wanted = set(_messages(fresh))
    assert len(wanted) > 50
    have = _messages(ROOT / "translations" / "antq_vi.ts")
    missing = sorted(k for k in wanted if not have.get(k, "").strip())
    assert not missing, f"strings without a finished Vietnamese translation: {missing}"
    assert not refresh.unfinished(ROOT / "translations" / "qt_vi.ts")


def test_compiled_catalogue_matches_the_sources(tmp_path):
    qm = tmp_path / "antq_vi.qm"
    refresh.lrelease("vi", qm)
    assert qm.read_bytes() == (ROOT / "translations" / "antq_vi.qm").read_bytes(), (
        "translations/antq_vi.qm is stale: run python translations/refresh.py"
    )


def test_check_mode_passes():
    result = subprocess.run(
        [sys.executable, str(ROOT / "translations" / "refresh.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
