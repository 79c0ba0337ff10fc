"""Awards driven as an officer would: a decision with a person of the register and a village,
issued, its certificates previewed and printed (the register gets exactly the pages printed),
checked on the "Kiểm tra giấy khen" screen; blanks with offsets and the calibration page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QDate
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox
from qt_support import setup_app, type_text

from antq_desktop.services import awards as aw
from antq_desktop.services import households as hh
from antq_desktop.ui.awards import AwardsArea, DecisionDialog, PersonSearch, RecipientDialog


def pdf_printer(path: Path, pages: tuple[int, int] | None = None) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    if pages:
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(*pages)
    return printer


def _person(station, name: str) -> str:
    vid = hh.villages(station.db)[0][0]
    hid = hh.save_household(station.db, hh.HouseholdDraft(village_id=vid))
    return hh.save_person(
        station.db, hid, hh.PersonDraft(full_name=name, relation_to_head="Chủ hộ", sex="F", birth_year=1968)
    )


def _issued(station, *names: str) -> str:
    d = aw.new_decision(station.db, year=2026)
    d.number, d.decided_on, d.signer_name = "21", date(2026, 8, 19), "Nông Văn Thành"
    did = aw.save_decision(station.db, d)
    aw.add_recipients(station.db, [aw.RecipientDraft(did, "individual", name=n) for n in names])
    aw.issue_decision(station.db, did)
    return did


def test_decision_made_issued_printed_registered_and_verified(qtbot, station, monkeypatch, tmp_path):
    setup_app(station.data_dir)
    db = station.db
    _person(station, "Đặng Thị Đào")
    area = AwardsArea(db, "canbo1")
    qtbot.addWidget(area)
    area.resize(1280, 720)
    area.show()
    tab = area.decisions
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)

    def pick_person(dialog: PersonSearch) -> QDialog.DialogCode:
        type_text(dialog.search, "dang thi dao")  # without diacritics, as typed in a hurry
        dialog.find()
        assert [h.full_name for h in dialog.hits] == ["Đặng Thị Đào"]
        dialog._pick()
        return QDialog.DialogCode.Accepted

    def add_village(dialog: RecipientDialog) -> QDialog.DialogCode:
        dialog.kind.setCurrentIndex(dialog.kind.findData("village"))
        assert dialog.target.count() == len(hh.villages(db))
        type_text(dialog.achievement, "Thôn dẫn đầu phong trào năm 2026")
        dialog._ok()
        return QDialog.DialogCode(dialog.result())

    def fill(dialog: DecisionDialog) -> QDialog.DialogCode:
        type_text(dialog.number, "15")
        dialog.decided_on.setDate(QDate(2026, 8, 19))
        type_text(dialog.signer_name, "Nông Văn Thành")
        monkeypatch.setattr(PersonSearch, "exec", pick_person)
        dialog.add_person()
        monkeypatch.setattr(RecipientDialog, "exec", add_village)
        dialog.add_other()
        assert dialog.recipients.rowCount() == 2
        dialog.issue()
        assert dialog.status == "issued" and not dialog.number.isEnabled()
        assert all(dialog.recipients.item(r, 5).text() for r in range(2)), "each recipient got a serial"
        dialog.save()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(DecisionDialog, "exec", fill)
    tab.new_decision()
    assert len(tab.rows) == 1
    row = tab.rows[0]
    assert (row.number, row.status, row.recipients) == ("15/QĐ-UBND", "issued", 2)
    assert tab.table.item(0, 5).text() == "Đã ban hành"

    # Print: preview, then a print job of every page; both certificates enter the register.
    tab.table.selectRow(0)
    from antq_desktop.ui.awards import PrintCertificatesDialog

    def print_all(dialog: PrintCertificatesDialog) -> QDialog.DialogCode:
        assert dialog.full.isChecked()
        dialog.preview()
        preview = dialog.last_preview
        assert preview.page_count() == 2
        text = " ".join(p.extract_text() for p in PdfReader(dialog.last_pdf).pages)
        assert "Đặng Thị Đào" in text and "BẢN NHÁP" not in text
        assert preview.print_to(pdf_printer(tmp_path / "out.pdf")) == 2
        assert len(dialog.registered) == 2
        preview.close()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PrintCertificatesDialog, "exec", print_all)
    tab.print_certificates()
    assert tab.table.item(0, 6).text() == "2"
    area.setCurrentWidget(area.register)
    assert area.register.table.rowCount() == 2
    assert {area.register.table.item(r, 5).text() for r in range(2)} == {"in lần đầu"}

    # Check a certificate: the serial typed, then a QR text with the name altered.
    area.setCurrentWidget(area.verify)
    person = next(a for a in aw.recipients(db, row.id) if a.kind == "person")
    type_text(area.verify.text, person.serial)
    area.verify.check()
    assert "Thật" in area.verify.verdict.text() and "Đặng Thị Đào" in area.verify.details.text()
    payload = next(c.payload for c in aw.certificate_data(db, row.id) if c.award_id == person.id)
    area.verify.text.setPlainText(payload.replace("Đặng Thị Đào", "Đặng Thị Đảo"))
    area.verify.check()
    assert "Đã bị sửa" in area.verify.verdict.text()


def test_blank_offsets_calibration_and_printing_part_of_a_decision(qtbot, station, monkeypatch, tmp_path):
    setup_app(station.data_dir)
    db = station.db
    did = _issued(station, "Lò Văn Páo", "Vàng A Sính", "Hoàng Thị Đượm")
    area = AwardsArea(db, "canbo1")
    qtbot.addWidget(area)
    area.show()
    tab = area.decisions
    tab.select(did)
    from antq_desktop.ui.awards import PrintCertificatesDialog

    dialog = PrintCertificatesDialog(db, tab.selected(), "canbo1", area)
    qtbot.addWidget(dialog)
    dialog.blank.setChecked(True)
    assert dialog.template.currentData().startswith("phoi_")
    dialog.x.setValue(2.5)
    dialog.y.setValue(-1.5)
    dialog.calibration()
    assert dialog.last_preview.page_count() == 1
    assert aw.blank_offset(db, dialog.template.currentData()) == (2.5, -1.5), "the offsets are kept"
    dialog.last_preview.close()

    dialog.preview()
    assert dialog.last_preview.page_count() == 3
    # Only page 2 goes through the printer: only the second recipient is registered.
    dialog.last_preview.print_to(pdf_printer(tmp_path / "p2.pdf", (2, 2)))
    assert [r.recipient for r in dialog.registered] == ["Vàng A Sính"]
    dialog.last_preview.print_to(pdf_printer(tmp_path / "p2b.pdf", (2, 2)))
    assert [r.print_no for r in aw.print_register(db)] == [2, 1], "a reprint is numbered"


def test_a_draft_decision_deleted_comes_back_with_undo(qtbot, station, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)  # "Delete?"
    setup_app(station.data_dir)
    db = station.db
    draft = aw.new_decision(db, year=2026)
    draft.occasion = "Tổng kết năm 2026"
    did = aw.save_decision(db, draft)
    area = AwardsArea(db)
    qtbot.addWidget(area)
    tab = area.decisions
    tab.select(did)
    tab.delete_decision()
    assert tab.rows == []
    area.undo_stack.undo()
    assert [r.id for r in tab.rows] == [did]


def test_the_print_dialog_starts_on_a4_and_remembers_the_template(qtbot, station, monkeypatch, tmp_path):
    setup_app(station.data_dir)
    db = station.db
    did = _issued(station, "Lò Văn Páo")
    from antq_desktop.ui.awards import PrintCertificatesDialog

    decision = next(r for r in aw.list_decisions(db) if r.id == did)
    dialog = PrintCertificatesDialog(db, decision, "canbo1")
    qtbot.addWidget(dialog)
    assert dialog.template.currentData() == "giay_khen_a4"
    dialog.template.setCurrentIndex(dialog.template.findData("giay_khen_a3"))
    dialog.render()
    assert aw.certificate_template(db, "full") == "giay_khen_a3"
    again = PrintCertificatesDialog(db, decision, "canbo1")
    qtbot.addWidget(again)
    assert again.template.currentData() == "giay_khen_a3"
    again.blank.setChecked(True)
    assert again.template.currentData() == "phoi_giay_khen_a4"


def test_issuing_without_legal_bases_asks_one_question_and_issues_when_confirmed(qtbot, station, monkeypatch):
    """The Issue button asks "no legal bases, issue anyway?" and issues only on Yes (issue 19)."""
    setup_app(station.data_dir)
    d = aw.new_decision(station.db, year=2026)
    d.number, d.decided_on, d.signer_name = "22", date(2026, 8, 19), "Nông Văn Thành"
    did = aw.save_decision(station.db, d)
    aw.add_recipients(station.db, [aw.RecipientDraft(did, "individual", name="Lý Văn Páo")])
    dialog = DecisionDialog(station.db, did)
    qtbot.addWidget(dialog)
    dialog.bases.setPlainText("")  # the officer removed every "Căn cứ" line
    asked: list[str] = []
    answers = iter([QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])

    def answer(_parent, _title, text, *a, **k):
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", answer)
    refusals: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: refusals.append(text))
    dialog.issue()  # "Issue it now?" Yes, then "no bases, issue anyway?" No
    assert asked[-1] == "Quyết định chưa có căn cứ pháp lý nào. Vẫn ban hành?"
    assert aw.get_decision(station.db, did).status == "draft" and dialog.status == "draft"

    asked.clear()
    answers = iter([QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Yes])
    dialog.issue()
    assert asked[-1] == "Quyết định chưa có căn cứ pháp lý nào. Vẫn ban hành?"
    assert aw.get_decision(station.db, did).status == "issued" and dialog.status == "issued"
    assert refusals == []
