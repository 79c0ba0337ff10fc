"""The person form as an officer meets it: letters in the phone, a birth date in the future (issue 18)."""

from __future__ import annotations

import pytest
from qt_support import setup_app, type_text

from antq_desktop.services import households as hh


@pytest.fixture
def person(qtbot, station):  # type: ignore[no-untyped-def]
    from antq_desktop.ui.households import PersonDialog

    setup_app(station.data_dir)
    dialog = PersonDialog(station.db, hh.villages(station.db)[0][0], hh.PersonDraft(full_name=""))
    qtbot.addWidget(dialog)
    type_text(dialog.name, "Đặng Văn Tuấn")
    dialog.birth.setText("1970")
    return dialog


def test_the_phone_field_refuses_letters(person) -> None:  # type: ignore[no-untyped-def]
    person.phone.setText("abc-xyz")
    person.buttons.accepted.emit()
    assert person.result() != person.DialogCode.Accepted
    assert "Số điện thoại 'abc-xyz' có chữ: chỉ ghi chữ số" in person.dup_note.text()
    person.phone.setText("+84 912.345.678")
    person.buttons.accepted.emit()
    assert person.result() == person.DialogCode.Accepted


def test_a_future_birth_date_is_called_so(person) -> None:  # type: ignore[no-untyped-def]
    person.birth.setText("02/04/2099")
    person.buttons.accepted.emit()
    assert person.result() != person.DialogCode.Accepted
    note = person.birth_note.text()
    assert (
        "Ngày sinh 02/04/2099 ở tương lai" in note and "dd/mm/yyyy" not in note and "ngày/tháng/năm" in note
    )


def test_an_over_long_name_is_refused(person) -> None:  # type: ignore[no-untyped-def]
    person.name.setText("A" * 5000)
    person.buttons.accepted.emit()
    assert person.result() != person.DialogCode.Accepted
    assert "Họ và tên dài 5000 ký tự, quá 100" in person.name_note.text()
