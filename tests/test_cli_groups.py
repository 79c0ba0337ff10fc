"""`antq groups list` and `antq groups roster` as real processes."""

from __future__ import annotations

import json
import unicodedata

from openpyxl import load_workbook
from pypdf import PdfReader

from antq_desktop.services import groups as gs
from antq_desktop.services import households as hh


def _team(station) -> str:
    db = station.db
    vid = hh.villages(db)[0][0]
    t = next(t for t in gs.list_group_types(db) if t.code == "to_hoa_giai")
    gid = gs.save_group(db, gs.GroupDraft(type_id=t.id, name="Tổ hòa giải thôn Nà Mạ", village_id=vid))
    for name in ("Đỗ Văn Nhẫn", "Hoàng Thị Lan"):
        hid = hh.save_household(db, hh.HouseholdDraft(village_id=vid))
        pid = hh.save_person(
            db, hid, hh.PersonDraft(full_name=name, relation_to_head="Chủ hộ", birth_year=1970)
        )
        gs.add_member(db, gs.MemberDraft(group_id=gid, person_id=pid, role=t.roles[-1].code))
    return gid


def test_list_json_and_roster_files(station, run_cli, tmp_path):
    gid = _team(station)
    station.close()
    root = station.data_dir.root
    proc = run_cli("--data-dir", root, "groups", "list", "--json")
    assert proc.returncode == 0, proc.stderr
    groups = json.loads(proc.stdout)["groups"]
    mine = next(g for g in groups if g["id"] == gid)
    assert (mine["name"], mine["village"], mine["members"]) == ("Tổ hòa giải thôn Nà Mạ", "Thôn Nà Mạ", 2)

    pdf = tmp_path / "to.pdf"
    assert run_cli("--data-dir", root, "groups", "roster", gid, "-o", pdf).returncode == 0
    text = unicodedata.normalize("NFC", " ".join(p.extract_text() for p in PdfReader(pdf).pages))
    assert "Đỗ Văn Nhẫn" in " ".join(text.split())

    xlsx = tmp_path / "to.xlsx"
    assert run_cli("--data-dir", root, "groups", "roster", gid, "-o", xlsx).returncode == 0
    values = [c for row in load_workbook(xlsx).active.iter_rows(values_only=True) for c in row if c]
    assert "Hoàng Thị Lan" in values

    for args in (
        ("groups", "roster", "no-such-id", "-o", pdf),
        ("groups", "roster", gid, "-o", tmp_path / "x.doc"),
    ):
        bad = run_cli("--data-dir", root, *args)
        assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1
