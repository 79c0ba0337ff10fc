"""Document numbers against a real SQLite file: NĐ 30 form, yearly restart, no repeats, several PCs."""

from __future__ import annotations

from datetime import datetime

import pytest

from antq_desktop.services import meetings as mt
from antq_desktop.services import numbering as nb
from antq_desktop.services import station as station_service
from antq_desktop.services.errors import UserError


def take(db, doc_type: str = "minutes", year: int = 2026, **kw) -> str:
    with db.session() as s:
        return nb.next_number(s, doc_type, year, **kw).text


def _meeting(db, day: datetime) -> str:
    t = mt.meeting_type_by_code(db, "hop_thon")
    return mt.save_meeting(db, mt.MeetingDraft(type_id=t.id, title="Họp thôn", starts_at=day))


def test_nd30_form_leading_zero_below_ten_and_per_type_series(station):
    db = station.db
    numbers = [take(db) for _ in range(10)]
    assert numbers[:2] == ["01/BB-CAX", "02/BB-CAX"]
    assert numbers[8:] == ["09/BB-CAX", "10/BB-CAX"]
    assert take(db, "report") == "01/BC-CAX"  # each type has its own series
    with db.session() as s:
        n = nb.next_number(s, "decision", 2026)
    assert (n.number, n.symbol, n.year, n.line) == (1, "QĐ-CAX", 2026, "Số: 01/QĐ-CAX")
    assert nb.parse_number("Số: 05/BB-CAX") == (5, "BB-CAX")
    assert nb.parse_number("BB-CAX") is None


def test_numbers_restart_each_year_and_never_repeat_within_one(station):
    db = station.db
    y2026 = [take(db, year=2026) for _ in range(3)]
    y2027 = [take(db, year=2027) for _ in range(2)]
    assert y2027 == ["01/BB-CAX", "02/BB-CAX"]
    assert take(db, year=2026) == "04/BB-CAX"  # 2026 goes on where it was
    assert len(set(y2026)) == 3
    with pytest.raises(UserError, match="Năm"):
        take(db, year=1999)


def test_a_failed_transaction_takes_no_number_and_a_restart_keeps_the_counter(station):
    db = station.db
    mid = _meeting(db, datetime(2026, 5, 4, 8))
    assert mt.assign_minutes_number(db, _meeting(db, datetime(2026, 5, 1, 8))) == "01/BB-CAX"
    with pytest.raises(RuntimeError), db.session() as s:
        m = mt.meeting_record(s, mid)
        assert mt.ensure_minutes_number(s, m) == "02/BB-CAX"
        raise RuntimeError("the printer jammed")
    # Number and document rolled back together: no gap, and the meeting has no number.
    assert mt.get_meeting(db, mid).doc_number == ""
    station.close()
    reopened = station_service.open_station(station.data_dir)
    try:
        assert mt.assign_minutes_number(reopened.db, mid) == "02/BB-CAX"
        # Kept for reprints.
        assert mt.assign_minutes_number(reopened.db, mid) == "02/BB-CAX"
        assert take(reopened.db) == "03/BB-CAX"
    finally:
        reopened.close()


def test_a_deleted_document_keeps_its_number_used(station):
    db = station.db
    first = _meeting(db, datetime(2026, 2, 1, 8))
    assert mt.assign_minutes_number(db, first) == "01/BB-CAX"
    mt.delete_meetings(db, [first])
    assert mt.assign_minutes_number(db, _meeting(db, datetime(2026, 2, 2, 8))) == "02/BB-CAX"


def test_numbers_found_on_records_are_not_handed_out_again(station):
    """Records numbered elsewhere (the demo, an import, a restored backup) raise the floor."""
    db = station.db
    earlier = _meeting(db, datetime(2026, 3, 1, 8))
    with db.session() as s:
        mt.meeting_record(s, earlier).doc_number = "07/BB-CAX"
    assert mt.assign_minutes_number(db, _meeting(db, datetime(2026, 3, 2, 8))) == "08/BB-CAX"
    # Another year's records do not count.
    assert mt.assign_minutes_number(db, _meeting(db, datetime(2027, 1, 5, 8))) == "01/BB-CAX"
    assert take(db, floor=20) == "21/BB-CAX"


def test_symbols_are_configurable_and_checked(station):
    db = station.db
    with db.session() as s:
        assert nb.unit_code(s) == "CAX"  # a Công an xã
    nb.set_abbreviation(db, "minutes", "BBHN")
    nb.set_unit_code(db, "CAXQL")
    assert take(db) == "01/BBHN-CAXQL"
    nb.set_abbreviation(db, "minutes", "")
    nb.set_unit_code(db, "")
    assert take(db) == "02/BB-CAX"
    for bad in ("B B", "BB/1", "Bê"):
        with pytest.raises(UserError, match="không có dấu cách"):
            nb.set_abbreviation(db, "minutes", bad)
    with pytest.raises(UserError, match="danh mục"):
        nb.set_abbreviation(db, "memo", "X")


def test_each_pc_of_a_station_has_its_own_series_with_its_code(station):
    db = station.db
    assert take(db) == "01/BB-CAX"
    nb.set_site_code(db, "m2")
    assert [take(db), take(db)] == ["01/BB-CAX-M2", "02/BB-CAX-M2"]
    with db.session() as s:
        assert nb.peek_number(s, "minutes", 2026).text == "03/BB-CAX-M2"
    assert take(db, year=2027) == "01/BB-CAX-M2"
    nb.set_site_code(db, "")
    assert take(db) == "02/BB-CAX"
    with pytest.raises(UserError, match="Mã máy"):
        nb.set_site_code(db, "MAY-SO-2")
