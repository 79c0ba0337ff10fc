"""The groups screen driven as an officer would: a camera model with its cameras, three members, the roster printed."""

from __future__ import annotations

import sqlite3
import unicodedata

from pypdf import PdfReader
from PySide6.QtWidgets import QDialog
from qt_support import setup_app, type_text

from antq_desktop.services import households as hh
from antq_desktop.ui.groups import GroupDialog, GroupsPage, MemberDialog

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
    from antq_desktop.ui.groups import LeaveDialog

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


def test_a_local_kind_with_its_own_figure_and_a_persons_memberships(qtbot, station, monkeypatch):
    from antq_desktop.services import groups as gs
    from antq_desktop.ui.groups import GroupTypeDialog
    from antq_desktop.ui.households import PersonDialog

    setup_app(station.data_dir)
    db = station.db
    _register(db)
    page = GroupsPage(db)
    qtbot.addWidget(page)

    def fill(dialog: GroupTypeDialog) -> QDialog.DialogCode:
        type_text(dialog.name, "Mô hình Dòng họ tự quản")
        dialog._add_attribute("Số dòng họ", "int")
        dialog._save()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(GroupTypeDialog, "exec", fill)
    page.type_filter.setCurrentIndex(0)
    page.edit_types()
    info = next(t for t in gs.list_group_types(db) if t.name == "Mô hình Dòng họ tự quản")
    assert [a.label for a in info.attributes] == ["Số dòng họ"] and info.attributes[0].type == "int"
    assert page.type_filter.currentText() == "Mô hình Dòng họ tự quản"

    # A person's page lists the groups they belong to, past and present.
    person = hh.find_persons(db, "do van nhan")[0]
    gid = gs.save_group(db, gs.GroupDraft(type_id=info.id, name="Dòng họ Đỗ", attributes={"so_dong_ho": 1}))
    mid = gs.add_member(db, gs.MemberDraft(group_id=gid, person_id=person.id, role=info.roles[0].code))
    from datetime import date

    gs.leave_member(db, mid, date.today(), "Chuyển đi")
    draft = next(p for p in hh.get_household(db, person.household_id).persons if p.id == person.id)
    dialog = PersonDialog(db, hh.villages(db)[0][0], draft)
    qtbot.addWidget(dialog)
    assert dialog.memberships.count() == 1 and "Dòng họ Đỗ" in dialog.memberships.item(0).text()
