"""The medal tab driven as an officer would (issue 19, Deliver 5): an exclusion recorded in the
dialog takes the person off the proposal; a leader's post recorded for someone chosen from the
register puts them under the leaders' rule; clearing puts things back."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QDialog, QMessageBox
from qt_support import setup_app, type_text

from antq_desktop.domain import medal_rules as mr
from antq_desktop.services import awards as aw
from antq_desktop.services import groups as gr
from antq_desktop.services import households as hh
from antq_desktop.ui.awards import AwardsArea, MedalFactsDialog, PersonSearch

YEAR = date.today().year


def _person(station, name: str, sex: str = "M") -> str:
    vid = hh.villages(station.db)[0][0]
    hid = hh.save_household(station.db, hh.HouseholdDraft(village_id=vid))
    return hh.save_person(
        station.db, hid, hh.PersonDraft(full_name=name, relation_to_head="Chủ hộ", sex=sex, birth_year=1968)
    )


def _row_of(tab, name: str) -> int:
    for r in range(tab.table.rowCount()):
        if tab.table.item(r, 0).text().startswith(name):
            return r
    raise AssertionError(f"{name} not listed")


def _when_dialog(qtbot, kind, act) -> list[object]:  # noqa: ANN001
    """Run ``act(dialog)`` on the next modal dialog of ``kind`` once it shows."""
    seen: list[object] = []

    def poll() -> None:
        from PySide6.QtWidgets import QApplication

        w = QApplication.activeModalWidget()
        if isinstance(w, kind) and w not in seen:
            seen.append(w)
            act(w)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def test_an_exclusion_and_a_leader_post_recorded_in_the_medal_tab(qtbot, station, monkeypatch) -> None:
    setup_app(station.data_dir)
    db = station.db
    member = _person(station, "Ma Văn Tám")
    gr.save_service_period(
        db, gr.ServicePeriodDraft(person_id=member, kind="bao_ve_dan_pho", started_on=date(2000, 1, 1))
    )
    chair = _person(station, "Hoàng Văn Minh")
    d = aw.new_decision(db, year=YEAR - 1)
    d.number, d.decided_on, d.signer_name = "7", date(YEAR - 1, 8, 19), "Nông Văn Thành"
    did = aw.save_decision(db, d)
    aw.add_recipients(db, [aw.RecipientDraft(did, "person", person_id=chair)])
    aw.issue_decision(db, did)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)

    area = AwardsArea(db, "canbo1")
    qtbot.addWidget(area)
    area.resize(1280, 720)
    area.show()
    area.setCurrentWidget(area.medals)
    tab = area.medals
    tab.refresh()
    row = _row_of(tab, "Ma Văn Tám")
    assert tab.table.item(row, 5).text() in ("Đủ điều kiện", "eligible")
    assert "Ma Văn Tám" in [c.name for c in aw.medal_proposal(db, YEAR)]

    # An exclusion: the person stays on the screen with the reason, and leaves the proposal.
    tab.table.selectRow(row)

    def exclude(dialog: MedalFactsDialog) -> None:
        dialog.exclusion.setCurrentIndex(dialog.exclusion.findData("ket_an"))
        type_text(dialog.note, "Bản án 12/2024")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    seen = _when_dialog(qtbot, MedalFactsDialog, exclude)
    qtbot.mouseClick(tab.facts_button, qtbot_button())
    assert seen and seen[0].result() == QDialog.DialogCode.Accepted
    row = _row_of(tab, "Ma Văn Tám")
    assert tab.table.item(row, 5).text() in ("Không xét tặng", "excluded")
    assert "đã bị kết án (Bản án 12/2024)" in tab.table.item(row, 6).text()
    assert "Ma Văn Tám" not in [c.name for c in aw.medal_proposal(db, YEAR)]
    assert aw.person_medal_facts(db, member).exclusion == "ket_an"

    # A leader's post for someone with no team service: chosen from the register, ruled as a leader.
    def pick(dialog: PersonSearch) -> None:
        type_text(dialog.search, "hoang van minh")
        dialog.find()
        dialog.results.setCurrentRow(0)
        dialog._pick()  # noqa: SLF001 - what Enter does

    def lead(dialog: MedalFactsDialog) -> None:
        type_text(dialog.post.lineEdit(), "Chủ tịch Ủy ban nhân dân xã")
        dialog.since.setDate(QDate(YEAR - 12, 1, 1))
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    picked = _when_dialog(qtbot, PersonSearch, pick)
    led = _when_dialog(qtbot, MedalFactsDialog, lead)
    qtbot.mouseClick(tab.other_button, qtbot_button())
    assert picked and led and led[0].result() == QDialog.DialogCode.Accepted
    row = _row_of(tab, "Hoàng Văn Minh")
    assert "Chủ tịch Ủy ban nhân dân xã" in tab.table.item(row, 0).text()
    assert tab.table.item(row, 4).text() == f"{mr.LEADER_YEARS:g}"  # the leaders' 10 years
    leader = next(c for c in aw.medal_proposal(db, YEAR) if c.name == "Hoàng Văn Minh")
    assert leader.verdict.rule == "leader" and leader.post == "Chủ tịch Ủy ban nhân dân xã"

    # Cleared in the same dialog: the exclusion is gone and Tám is proposed again.
    tab.table.selectRow(_row_of(tab, "Ma Văn Tám"))

    def clear(dialog: MedalFactsDialog) -> None:
        assert dialog.exclusion.currentData() == "ket_an"
        dialog.clear_button.click()
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    cleared = _when_dialog(qtbot, MedalFactsDialog, clear)
    qtbot.mouseClick(tab.facts_button, qtbot_button())
    assert cleared and cleared[0].result() == QDialog.DialogCode.Accepted
    assert "Ma Văn Tám" in [c.name for c in aw.medal_proposal(db, YEAR)]


def qtbot_button():  # noqa: ANN201
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_a_post_without_its_start_date_is_refused_in_one_sentence(qtbot, station, monkeypatch) -> None:
    setup_app(station.data_dir)
    pid = _person(station, "Lò Văn Páo")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a, **k: shown.append(text))
    dialog = MedalFactsDialog(station.db, pid, "Lò Văn Páo")
    qtbot.addWidget(dialog)
    type_text(dialog.post.lineEdit(), "Bí thư Đảng ủy xã")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert aw.person_medal_facts(station.db, pid) == aw.MedalFacts()
    assert shown and "ngày bắt đầu giữ chức vụ" in shown[0]
