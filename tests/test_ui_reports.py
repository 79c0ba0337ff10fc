"""The Reports area driven as an officer would: results entered, the year's report computed, a
figure opened to its records, the paper previewed, saved to Excel and marked sent; a village
assessed and the commune's share against the threshold updated."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook
from PySide6.QtWidgets import QDialog, QMessageBox
from qt_support import setup_app

from antq_desktop.services import assessments as asm
from antq_desktop.services import reports as rp
from antq_desktop.ui.reports import AssessmentDialog, ReportsArea, ResultDialog

TODAY = date.today()


def _row_of(tab, label: str) -> int:
    for r in range(tab.table.rowCount()):
        if tab.table.item(r, 0).text().strip() == label:
            return r
    raise AssertionError(f"no row {label!r}")


def test_results_report_drill_paper_excel_and_sent(qtbot, station, monkeypatch, tmp_path):
    setup_app(station.data_dir)
    db = station.db
    rp.set_convention(db, "calendar")
    area = ReportsArea(db, "canbo1")
    qtbot.addWidget(area)
    area.resize(1200, 760)
    area.show()

    entries = iter([("sung_tu_che", 2.0), ("sung_quan_dung", 1.0), ("dan", 15.0)])

    def fill(dialog: ResultDialog) -> QDialog.DialogCode:
        kind, quantity = next(entries)
        dialog.item_kind.setCurrentIndex(dialog.item_kind.findData(kind))
        dialog.quantity.setValue(quantity)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ResultDialog, "exec", fill)
    area.setCurrentWidget(area.results)
    for _ in range(3):
        area.results.add()
    assert area.results.table.rowCount() == 3

    tab = area.report
    tab.period.setText(str(TODAY.year))
    report = tab.compute()
    assert report is not None and report.value("handed_in.guns") == 3 and report.value("handed_in.dan") == 15
    row = _row_of(tab, "Súng các loại")
    assert tab.table.item(row, 1).text() == "3"
    tab.table.selectRow(row)
    drill = tab.open_figure()
    assert drill is not None and drill.table.rowCount() == 2, "two records behind the three guns"

    tab.preview()
    assert tab.last_preview.page_count() >= 1
    tab.last_preview.close()
    out = tmp_path / "bc.xlsx"
    assert tab.save_xlsx_to(out)
    cells = [c for row in load_workbook(out).active.iter_rows(values_only=True) for c in row if c is not None]
    assert "Súng các loại" in cells

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.mark_sent()
    assert "canbo1" in tab.state.text()
    assert [s.period for s in rp.submissions(db)] == [report.period.code]


def test_a_village_assessed_and_the_commune_share_updated(qtbot, station, monkeypatch):
    setup_app(station.data_dir)
    db = station.db
    area = ReportsArea(db)
    qtbot.addWidget(area)
    tab = area.assessment
    tab.refresh()
    assert tab.table.rowCount() == len(tab.rows) > 0

    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: errors.append(text))
    result = {"code": "proposed"}

    def assess(dialog: AssessmentDialog) -> QDialog.DialogCode:
        dialog.registered.setChecked(True)
        for box in dialog.checks.values():
            box.setChecked(True)
        dialog.result.setCurrentIndex(dialog.result.findData(result["code"]))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AssessmentDialog, "exec", assess)
    tab.table.selectRow(0)
    tab.edit()  # no household has signed: criterion 1 is not met, so it cannot be proposed
    assert errors and errors[-1].startswith("Chưa đủ điều kiện đề nghị công nhận")
    assert not asm.list_assessments(db, tab.year.value())[0].registered, "nothing half-saved"

    result["code"] = ""
    tab.table.selectRow(0)
    tab.edit()
    first = asm.list_assessments(db, tab.year.value())[0]
    assert first.registered and first.result == ""
    assert tab.table.item(0, 1).text() == "có"
    assert tab.summary.text().startswith(
        "0 trên 1 đơn vị đăng ký (khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục)"
    )


def test_the_self_assessment_meeting_is_linked_from_the_meetings_area(qtbot, station, monkeypatch):
    from datetime import datetime

    from antq_desktop.services import meetings as mt

    setup_app(station.data_dir)
    db = station.db
    year = TODAY.year
    village_id = asm.list_assessments(db, year)[0].village_id
    kind = mt.meeting_type_by_code(db, "binh_xet_an_toan")
    draft = mt.new_meeting(db, kind.id, starts_at=datetime(year, 11, 20, 8, 0))
    draft.village_ids = [village_id]
    meeting_id = mt.save_meeting(db, draft)
    area = ReportsArea(db)
    qtbot.addWidget(area)
    tab = area.assessment
    tab.refresh()

    def link(dialog: AssessmentDialog) -> QDialog.DialogCode:
        assert dialog.meeting.count() == 2, "the village's self-assessment meeting is offered"
        dialog.meeting.setCurrentIndex(dialog.meeting.findData(meeting_id))
        dialog.registered.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AssessmentDialog, "exec", link)
    tab.table.selectRow(0)
    tab.edit()
    assert asm.list_assessments(db, year)[0].meeting_id == meeting_id


def test_the_communes_other_units_are_added_assessed_and_its_own_criteria_ticked(qtbot, station, monkeypatch):
    """TT 124 Điều 5 on screen: a school added and recognised, counted on the village tab's summary;
    the commune's own criteria ticked and kept."""
    from PySide6.QtCore import QDate

    from antq_desktop.ui.reports import UnitDialog, UnitResultDialog

    setup_app(station.data_dir)
    db = station.db
    area = ReportsArea(db)
    qtbot.addWidget(area)
    tab = area.units
    year = tab.year.value()
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: errors.append(text))

    def add(dialog: UnitDialog) -> QDialog.DialogCode:
        dialog.name.setText("Trường Tiểu học Quảng Lâm")
        dialog.kind.setCurrentIndex(dialog.kind.findData("co_so_giao_duc"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(UnitDialog, "exec", add)
    tab.add_unit()
    assert tab.table.rowCount() == 1 and tab.table.item(0, 0).text() == "Trường Tiểu học Quảng Lâm"
    assert tab.table.item(0, 1).text() == "Cơ sở giáo dục"

    def recognise(dialog: UnitResultDialog) -> QDialog.DialogCode:
        dialog.registered.setChecked(True)
        for box in dialog.checks.values():
            box.setChecked(True)
        dialog.result.setCurrentIndex(dialog.result.findData("recognised"))
        dialog.number.setText("12/QĐ-UBND")
        dialog.decision_on.setDate(QDate(year, 11, 20))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(UnitResultDialog, "exec", recognise)
    tab.table.selectRow(0)
    tab.assess()
    assert errors == []
    (row,) = asm.list_unit_assessments(db, year)
    assert row.registered and row.result == "recognised" and row.decision_number == "12/QĐ-UBND"
    assert tab.table.item(0, 3).text() == "Được công nhận"

    assert tab.commune_checks, "the commune's own criteria are shown"
    for box in tab.commune_checks.values():
        box.setChecked(True)
    tab.save_commune()
    assert errors == []
    summary = asm.commune_summary(db, year)
    assert summary.criteria and all(summary.criteria.values()) and not summary.own_unmet
    assert all(box.isChecked() for box in tab.commune_checks.values()), "ticks shown again after saving"

    area.assessment.refresh()
    text = area.assessment.summary.text()
    assert text.startswith("1 trên 1 đơn vị đăng ký"), text
    assert "khu dân cư" in text and "cơ sở giáo dục" in text
