"""The groups screen driven as an officer would: a camera model with its cameras, three members, the roster printed."""

from __future__ import annotations

import sqlite3
import unicodedata

from pypdf import PdfReader
from PySide6.QtWidgets import QDialog
from qt_support import setup_app, type_text

from antq_desktop.services import households as hh
from antq_desktop.ui.groups_page import GroupDialog, GroupsPage, MemberDialog

PEOPLE = ("Đỗ Văn Nhẫn", "Hoàng Thị Lan", "Lục Văn Đức", "Nông Văn Dũng")


def _register(db) -> None:
    vid = hh.villages(db)[0][0]
    for i, name in enumerate(PEOPLE):
        hid = hh.save_household(db, hh.HouseholdDraft(village_id=vid, address=f"Nhà số {i + 1}"))
        hh.save_person(
            db, hid, hh.PersonDraft(full_name=name, relation_to_head="Chủ hộ", birth_year=1975 + i)
        )


def test_camera_model_with_three_members_and_its_roster_printed(qtbot, station, monkeypatch):
    setup_app(station.data_dir)
    db = station.db
    _register(db)
    page = GroupsPage(db)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitExposed(page)

    # A new camera model, its camera count typed in the type's own attribute field.
    created: list[str] = []

    def fill_group(dialog: GroupDialog) -> None:
        dialog.type.setCurrentIndex(dialog.type.findText("Mô hình camera an ninh"))
        type_text(dialog.name, "Camera an ninh thôn Nà Mạ")
        dialog.village.setCurrentIndex(dialog.village.findText("Thôn Nà Mạ"))
        cameras = dialog.findChild(type(dialog.attr_widgets["cameras"]), "attr_cameras")
        cameras.setValue(12)
        dialog._save()
        created.append(dialog.saved_id)

    monkeypatch.setattr(GroupDialog, "exec", lambda self: (fill_group(self), QDialog.DialogCode.Accepted)[1])
    page.add_group()
    assert created and created[0]
    row = page.selected_group()
    assert row is not None and row.attributes["cameras"] == 12
    assert "Số mắt camera: 12" in page.table.item(page.table.currentRow(), 5).text()

    # Three members from the register, found by typing part of their folded names.
    def fill_member(dialog: MemberDialog, query: str) -> None:
        type_text(dialog.search, query)
        qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=3000)
        dialog._save()

    for query in ("do van", "hoang thi", "luc van"):
        monkeypatch.setattr(
            MemberDialog, "exec", lambda self, q=query: (fill_member(self, q), QDialog.DialogCode.Accepted)[1]
        )
        page.add_member()
    assert [page.roster.item(r, 0).text() for r in range(page.roster.rowCount())] == list(PEOPLE[:3])
    assert page.selected_group().members == 3

    # One leaves: the history stays on the roster, greyed, with the reason.
    page.roster.selectRow(2)
    from antq_desktop.ui.groups_page import LeaveDialog

    def leave(dialog: LeaveDialog) -> QDialog.DialogCode:
        dialog.reason.setText("Chuyển đi nơi khác")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LeaveDialog, "exec", leave)
    page.leave_member()
    assert page.selected_group().members == 2
    texts = [page.roster.item(r, 6).text() for r in range(page.roster.rowCount())]
    assert "Chuyển đi nơi khác" in texts and page.roster.rowCount() == 3
    con = sqlite3.connect(db.path)
    assert con.execute("SELECT count(*) FROM membership WHERE left_on IS NOT NULL").fetchone()[0] == 1

    # The roster opens in the print preview, and the PDF names the group and its members.
    page.print_roster()
    preview = page.last_preview
    qtbot.waitUntil(lambda: preview.isVisible(), timeout=3000)
    text = unicodedata.normalize("NFC", " ".join(p.extract_text() for p in PdfReader(preview.pdf_path).pages))
    text = " ".join(text.split())
    assert "CAMERA AN NINH THÔN NÀ MẠ" in text.upper()
    for name in PEOPLE[:2]:
        assert name in text
    preview.close()
