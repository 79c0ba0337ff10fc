"""Meetings driven as an officer would: two opinions recorded, one closed, the tracker shows one open;
a draft survives the form being closed without saving."""

from __future__ import annotations

import sqlite3
import unicodedata

from pypdf import PdfReader
from PySide6.QtWidgets import QDialog, QMessageBox
from qt_support import setup_app, type_text

from antq_desktop.services import meetings as mt
from antq_desktop.ui.meetings import AnswerDialog, MeetingDialog, MeetingsArea, OpinionDialog


def test_two_opinions_one_closed_tracker_shows_one_open(qtbot, station, monkeypatch):
    setup_app(station.data_dir)
    db = station.db
    area = MeetingsArea(db)
    qtbot.addWidget(area)
    area.resize(1200, 700)
    area.show()

    opinions = iter(
        [
            ("Lò Văn Pọm", "Đề nghị lắp đèn đường ở ngã ba Nà Mạ", "giao_thong"),
            ("Đàm Thị Hoa", "Tình trạng đánh bạc ở bản Pác Bó", "te_nan_xa_hoi"),
        ]
    )

    def fill_opinion(dialog: OpinionDialog) -> QDialog.DialogCode:
        speaker, content, field = next(opinions)
        type_text(dialog.speaker, speaker)
        type_text(dialog.content, content)
        dialog.field.setCurrentIndex(dialog.field.findData(field))
        dialog._ok()
        return QDialog.DialogCode.Accepted

    def fill_meeting(dialog: MeetingDialog) -> QDialog.DialogCode:
        code = mt.meeting_type_by_code(db, "lang_nghe_y_kien").id
        dialog.type.setCurrentIndex(dialog.type.findData(code))
        assert "lắng nghe ý kiến Nhân dân" in dialog.title.text()
        type_text(dialog.chair, "Đồng chí Nông Văn Đức")
        type_text(dialog.secretary, "Đồng chí Lục Thị Nga")
        dialog.total.setValue(85)
        dialog.surveys.setValue(40)
        monkeypatch.setattr(OpinionDialog, "exec", fill_opinion)
        dialog.add_opinion()
        dialog.add_opinion()
        type_text(dialog.conclusions, "Công an xã tiếp thu, trả lời trước ngày 30/11.")
        dialog.save()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MeetingDialog, "exec", fill_meeting)
    area.meetings.new_meeting()
    assert len(area.meetings.rows) == 1
    m = area.meetings.rows[0]
    assert (m.attendees_total, m.opinions, m.open_opinions) == (85, 2, 2)

    # The tracker: answer the first opinion, then close it.
    area.setCurrentIndex(1)
    tracker = area.tracker
    assert tracker.table.rowCount() == 2
    tracker.table.selectRow(0)
    first = tracker.selected()

    def fill_answer(dialog: AnswerDialog) -> QDialog.DialogCode:
        type_text(dialog.answer, "Đã đề nghị UBND xã lắp đèn trong tháng 12.")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AnswerDialog, "exec", fill_answer)
    tracker.answer()
    assert tracker.table.rowCount() == 1, "an answered opinion leaves the open list"
    tracker.status.setCurrentIndex(tracker.status.findData("answered"))
    tracker.table.selectRow(0)
    assert tracker.selected().id == first.id
    tracker.close_button.click()
    tracker.status.setCurrentIndex(tracker.status.findData("open"))
    assert tracker.table.rowCount() == 1
    assert mt.open_opinion_count(db) == 1
    assert "1 đang mở" in tracker.count_label.text() and "0 quá hạn" in tracker.count_label.text()
    con = sqlite3.connect(db.path)
    assert sorted(r[0] for r in con.execute("SELECT status FROM opinion")) == ["closed", "new"]

    # The minutes print with their number and both opinions.
    area.setCurrentIndex(0)
    area.meetings.table.selectRow(0)
    area.meetings.print_minutes()
    pdf = area.meetings.last_preview.pdf_path
    text = " ".join(
        unicodedata.normalize("NFC", " ".join(p.extract_text() for p in PdfReader(pdf).pages)).split()
    )
    assert "BIÊN BẢN" in text and "Đề nghị lắp đèn đường ở ngã ba Nà Mạ" in text and "Đàm Thị Hoa" in text
    assert area.meetings.rows[0].doc_number
    area.meetings.last_preview.close()


def test_a_closed_form_leaves_a_draft_offered_back(qtbot, station, monkeypatch):
    setup_app(station.data_dir)
    db = station.db
    dialog = MeetingDialog(db)
    qtbot.addWidget(dialog)
    dialog.title.setText("Họp thôn Nà Mạ về phòng chống đuối nước")
    dialog.total.setValue(42)
    qtbot.waitUntil(lambda: mt.load_draft(db, None) is not None, timeout=5000)
    dialog.close()  # the window closed (or the power went): the draft stays
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    again = MeetingDialog(db)
    qtbot.addWidget(again)
    assert again.title.text() == "Họp thôn Nà Mạ về phòng chống đuối nước"
    assert again.total.value() == 42
    again.cancel()
    assert mt.load_draft(db, None) is None
