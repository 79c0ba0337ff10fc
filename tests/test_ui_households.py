"""The household register driven as an officer would: search as you type, mark a village, undo a delete."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from qt_support import setup_app, type_text

from antq_desktop.services import commitments as cm
from antq_desktop.services import households as hh
from antq_desktop.ui.households import HouseholdsArea

YEAR = 2026


@pytest.fixture
def area(qtbot, station):
    setup_app(station.data_dir)
    db = station.db
    villages = dict((name, vid) for vid, name in hh.villages(db))
    people = [
        ("Thôn Nà Mạ", "Nông Văn Dũng", [("Đỗ Văn An", "Con")]),
        ("Thôn Nà Mạ", "Hoàng Thị Mai", []),
        ("Thôn Nà Mạ", "Lý Văn Páo", [("Lý Thị Sinh", "Vợ")]),
        ("Bản Pác Bó", "Đỗ Thị Vân", []),
        ("Bản Pác Bó", "Dương Văn Đoàn", []),
        ("Xóm Đông Đình", "Triệu Văn Bảy", []),
    ]
    for i, (village, head, members) in enumerate(people):
        hid = hh.save_household(
            db, hh.HouseholdDraft(village_id=villages[village], address=f"Nhà số {i + 1}")
        )
        hh.save_person(db, hid, hh.PersonDraft(full_name=head, relation_to_head="Chủ hộ", birth_year=1970))
        for name, rel in members:
            hh.save_person(db, hid, hh.PersonDraft(full_name=name, relation_to_head=rel, birth_year=1999))
    w = HouseholdsArea(db, reveal_ids=True)
    w.register.year.setValue(YEAR)
    qtbot.addWidget(w)
    w.resize(1100, 600)
    w.show()
    qtbot.waitExposed(w)
    return w


def heads(tab) -> list[str]:
    return [tab.model.row_at(r).head_name for r in range(tab.model.rowCount())]


def test_typing_do_van_finds_the_person_and_their_household(qtbot, area):
    tab = area.register
    assert tab.model.rowCount() == 6
    qtbot.keyClicks(tab.search, "do van")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3, timeout=3000)
    # "Đỗ Văn An" is a member of Nông Văn Dũng's household; the folded words "do" and "van" also
    # occur in "Đỗ Thị Vân" and "Dương Văn Đoàn" — and in no other household.
    assert sorted(heads(tab)) == sorted(["Nông Văn Dũng", "Đỗ Thị Vân", "Dương Văn Đoàn"])
    tab.search.clear()
    type_text(tab.search, "Đỗ Văn A")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=3000)
    assert heads(tab) == ["Nông Văn Dũng"]
    assert tab.count_label.text() == "1 hộ"


def test_marking_a_village_with_the_keyboard_and_coverage_follows(qtbot, area, station):
    tab = area.register
    tab.village.setCurrentIndex(tab.village.findText("Thôn Nà Mạ"))
    assert tab.model.rowCount() == 3
    tab.view.setFocus()
    tab.view.selectAll()
    qtbot.keyClick(tab.view, Qt.Key.Key_S)
    assert {tab.model.row_at(r).status for r in range(3)} == {"signed"}
    # One household refused: select it alone and press T.
    tab.view.selectionModel().clearSelection()
    tab.view.selectionModel().select(
        tab.model.index(1, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    qtbot.keyClick(tab.view, Qt.Key.Key_T)
    assert [tab.model.row_at(r).status for r in range(3)].count("refused") == 1
    rows = {c.village: c for c in cm.coverage(station.db, YEAR)}
    assert (rows["Thôn Nà Mạ"].covered, rows["Thôn Nà Mạ"].refused) == (2, 1)
    # Ctrl+Z takes the refusal back.
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {tab.model.row_at(r).status for r in range(3)} == {"signed"}
    area.setCurrentIndex(1)
    cov = area.coverage
    cov.year.setValue(YEAR)
    assert cov.table.item(0, 0).text() == "Thôn Nà Mạ"
    assert cov.table.item(0, 7).text() == "100,0 %"
    assert "Bản Pác Bó" in cov.summary.text()
    con = sqlite3.connect(station.db.path)
    assert (
        con.execute(
            "SELECT count(*) FROM commitment WHERE year = ? AND status = 'signed'", (YEAR,)
        ).fetchone()[0]
        == 3
    )


def test_delete_then_undo_and_restore_from_the_deleted_view(qtbot, area, station, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.Yes
    )
    tab = area.register
    tab.view.setFocus()
    tab.view.selectRow(0)
    victim = tab.model.row_at(0).head_name
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert victim in asked[0], "Delete asks first, naming the household"
    assert tab.model.rowCount() == 5 and victim not in heads(tab)
    con = sqlite3.connect(station.db.path)
    assert con.execute("SELECT count(*) FROM household WHERE deleted = 1").fetchone()[0] == 1
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.model.rowCount() == 6 and victim in heads(tab)
    # Delete again, then restore from the deleted view.
    tab.view.selectRow(0)
    tab.delete_action.trigger()
    tab.trash.setChecked(True)
    assert heads(tab) == [victim]
    assert tab.count_label.text() == "1 hộ đã xóa"
    tab.view.selectRow(0)
    tab.restore_action.trigger()
    assert tab.model.rowCount() == 0
    tab.trash.setChecked(False)
    assert tab.model.rowCount() == 6


def test_sorting_by_a_column_reorders_the_pages(qtbot, area):
    tab = area.register
    tab.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    names = heads(tab)
    assert names[0] == "Triệu Văn Bảy" and names[-1] == "Đỗ Thị Vân"
    tab.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    # A folded key in SQL: diacritics never scatter a name (Đ sorts with D).
    assert heads(tab)[:2] == ["Đỗ Thị Vân", "Dương Văn Đoàn"]


def test_person_form_refuses_a_duplicate_id_and_only_warns_on_a_mismatch(qtbot, area, station):
    from antq_desktop.ui.households import HouseholdDialog

    db = station.db
    first = area.register.model.row_at(0)
    existing = hh.get_household(db, first.id).persons[0]
    hh.save_person(db, first.id, replace_id(existing, "004070012345"))
    dialog = HouseholdDialog(db, None, village_id=hh.villages(db)[0][0], year=YEAR, reveal_ids=True)
    qtbot.addWidget(dialog)
    dialog.address.setText("Nhà số 9")
    from antq_desktop.ui.households import PersonDialog

    person = PersonDialog(db, dialog.village.currentData(), hh.PersonDraft(full_name=""), parent=dialog)
    qtbot.addWidget(person)
    type_text(person.name, "Đặng Văn Tuấn")
    person.birth.setText("1970")
    person.sex.setCurrentIndex(person.sex.findData("M"))
    person.id_number.setText("004070012345")
    person.buttons.accepted.emit()
    assert person.result() != person.DialogCode.Accepted
    assert not person.id_note.isHidden() and existing.full_name in person.id_note.text()
    assert 'href="' in person.id_note.text(), "the duplicate message links to the existing person"
    # A number whose year digits disagree with the birth year only warns.
    person.id_number.setText("004085012399")
    person.buttons.accepted.emit()
    assert person.result() == person.DialogCode.Accepted
    assert person.draft.full_name == "Đặng Văn Tuấn" and person.draft.birth_year == 1970
    assert dialog.ensure_saved()
    hh.save_person(db, dialog.household_id, person.draft)
    dialog.load()
    assert [p.full_name for p in dialog.persons] == ["Đặng Văn Tuấn"]


def replace_id(draft, number):
    from dataclasses import replace

    return replace(draft, id_number=number, birth_year=1970, sex="M")


def test_ids_are_masked_for_a_role_that_may_not_see_them(qtbot, station):
    from antq_desktop.ui.households import HouseholdDialog

    setup_app(station.data_dir)
    db = station.db
    vid = hh.villages(db)[0][0]
    hid = hh.save_household(db, hh.HouseholdDraft(village_id=vid))
    hh.save_person(
        db, hid, hh.PersonDraft(full_name="Lò Văn Pọm", relation_to_head="Chủ hộ", id_number="004070012345")
    )
    dialog = HouseholdDialog(db, hid, reveal_ids=False)
    qtbot.addWidget(dialog)
    assert dialog.members.item(0, 4).text() == "0040******45"
