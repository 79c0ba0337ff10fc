"""`antq meetings list` and `antq meetings minutes` as real processes."""

from __future__ import annotations

import json
from datetime import datetime

from docx import Document

from antq_desktop.services import meetings as mt


def _meeting(station) -> str:
    db = station.db
    t = mt.meeting_type_by_code(db, "lang_nghe_y_kien")
    draft = mt.new_meeting(db, t.id, starts_at=datetime(2026, 8, 19, 8, 0))
    draft.attendees_total = 120
    draft.chair = "Nông Văn Đức"
    draft.secretary = "Lục Thị Nga"
    draft.opinions = [
        mt.OpinionDraft(content="Đề nghị tăng cường tuần tra ban đêm", speaker_name="Đỗ Văn Nhẫn")
    ]
    return mt.save_meeting(db, draft)


def test_list_json_and_minutes_numbered_once(station, run_cli, tmp_path):
    mid = _meeting(station)
    station.close()
    root = station.data_dir.root
    proc = run_cli("--data-dir", root, "meetings", "list", "--year", 2026, "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    row = next(m for m in data["meetings"] if m["id"] == mid)
    assert (row["attendees"], row["opinions"], row["open_opinions"]) == (120, 1, 1)

    first = run_cli("--data-dir", root, "meetings", "minutes", mid, "-o", tmp_path / "bb.docx")
    assert first.returncode == 0, first.stderr
    text = "\n".join(p.text for p in Document(tmp_path / "bb.docx").paragraphs)
    assert "Đề nghị tăng cường tuần tra ban đêm" in text
    again = run_cli("--data-dir", root, "meetings", "minutes", mid, "-o", tmp_path / "bb.pdf")
    number = first.stdout.split("số ")[1].split(":")[0]
    assert number and number in again.stdout, "a reprint keeps the minutes' number"

    for args in (
        ("meetings", "minutes", "nope", "-o", tmp_path / "x.pdf"),
        ("meetings", "minutes", mid, "-o", tmp_path / "x.txt"),
        ("meetings", "list", "--year", 12),
    ):
        bad = run_cli("--data-dir", root, *args)
        assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1, bad.stderr
