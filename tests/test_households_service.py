"""The household register service against a real SQLite file: paging, search, moves, splits, merges, trash."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from antq_desktop.services import commitments
from antq_desktop.services import households as hh
from antq_desktop.services.errors import UserError


def _village(station, name: str = "Thôn Nà Mạ") -> str:
    return next(vid for vid, n in hh.villages(station.db) if n == name)


def _household(station, head: str, *others: tuple[str, str], village: str = "Thôn Nà Mạ", **kw) -> str:
    hid = hh.save_household(station.db, hh.HouseholdDraft(village_id=_village(station, village), **kw))
    hh.save_person(
        station.db, hid, hh.PersonDraft(full_name=head, relation_to_head="Chủ hộ", birth_year=1970)
    )
    for name, relation in others:
        hh.save_person(
            station.db, hid, hh.PersonDraft(full_name=name, relation_to_head=relation, birth_year=1995)
        )
    return hid


def _sql(station, query: str, *args):
    con = sqlite3.connect(station.db.path)
    try:
        return con.execute(query, args).fetchall()
    finally:
        con.close()


def test_new_household_gets_a_code_a_head_and_a_created_event(station):
    hid = _household(
        station, "Đỗ Văn Nhẫn", ("Hoàng Thị Lan", "Vợ"), address="Nà Mạ, xóm trên", phone="0912345678"
    )
    detail = hh.get_household(station.db, hid)
    assert detail.head_name == "Đỗ Văn Nhẫn"
    assert detail.household.code.startswith("01304-01-")
    assert [p.full_name for p in detail.persons][0] == "Đỗ Văn Nhẫn"
    assert [line.kind for line in hh.history(station.db, hid)][:2] == ["created", "head_changed"]
    second = _household(station, "Lò Văn Pọm")
    assert hh.get_household(station.db, second).household.code.endswith("00002")


def test_search_finds_a_member_by_folded_name_and_the_head_by_address(station):
    a = _household(station, "Nông Văn Dũng", ("Đỗ Văn An", "Con"))
    b = _household(station, "Lý Thị Mai", address="Bản Pác Bó, gần trạm y tế", village="Bản Pác Bó")
    q = hh.HouseholdQuery(search="do van")
    assert [r.id for r in hh.fetch_households(station.db, q, 0, 50)] == [a]
    assert hh.count_households(station.db, q) == 1
    assert [r.id for r in hh.fetch_households(station.db, hh.HouseholdQuery(search="TRAM Y"), 0, 50)] == [b]
    assert hh.count_households(station.db, hh.HouseholdQuery(village_id=_village(station, "Bản Pác Bó"))) == 1
    assert [p.full_name for p in hh.find_persons(station.db, "đỗ an")] == ["Đỗ Văn An"]


def test_pages_sort_and_filter_by_commitment_status(station):
    ids = [_household(station, f"Người {i:02d}") for i in range(30)]
    commitments.mark(station.db, ids[:10], 2026, commitments.Mark("signed", signed_on=date(2026, 2, 1)))
    commitments.mark(station.db, ids[10:12], 2026, commitments.Mark("refused"))
    q = hh.HouseholdQuery(year=2026, sort="head", descending=True)
    first = hh.fetch_households(station.db, q, 0, 7)
    second = hh.fetch_households(station.db, q, 7, 7)
    assert [r.head_name for r in first + second] == [f"Người {i:02d}" for i in range(29, 15, -1)]
    signed = hh.HouseholdQuery(year=2026, status="signed")
    assert hh.count_households(station.db, signed) == 10
    assert hh.count_households(station.db, hh.HouseholdQuery(year=2026, status="not_signed")) == 18
    rows = hh.fetch_households(station.db, hh.HouseholdQuery(year=2026, sort="status"), 0, 100)
    assert [r.status for r in rows][:2] == ["not_signed", "not_signed"]


def test_move_split_and_merge_keep_history(station):
    a = _household(station, "Hoàng Văn Tư", ("Hoàng Thị Hoa", "Vợ"), ("Hoàng Văn Nam", "Con"))
    b = _household(station, "Bế Văn Sáu")
    nam = next(p.id for p in hh.get_household(station.db, a).persons if p.full_name == "Hoàng Văn Nam")
    hh.move_person(station.db, nam, b, relation="Con rể")
    assert len(hh.get_household(station.db, a).persons) == 2
    assert {p.full_name for p in hh.get_household(station.db, b).persons} == {"Bế Văn Sáu", "Hoàng Văn Nam"}
    kinds_a = [x.kind for x in hh.history(station.db, a)]
    assert "move_out" in kinds_a and "move_in" in [x.kind for x in hh.history(station.db, b)]

    hoa = next(p.id for p in hh.get_household(station.db, a).persons if p.full_name == "Hoàng Thị Hoa")
    new = hh.split_household(station.db, a, [hoa], hoa, address="Nà Mạ mới")
    assert hh.get_household(station.db, new).head_name == "Hoàng Thị Hoa"
    assert hh.get_household(station.db, new).household.address == "Nà Mạ mới"
    assert hh.get_household(station.db, a).head_name == "Hoàng Văn Tư"
    with pytest.raises(UserError):  # the old household must keep someone
        tu = hh.get_household(station.db, a).persons[0].id
        hh.split_household(station.db, a, [tu], tu)

    hh.merge_households(station.db, b, new)
    merged = hh.get_household(station.db, b)
    assert {p.full_name for p in merged.persons} == {"Bế Văn Sáu", "Hoàng Văn Nam", "Hoàng Thị Hoa"}
    assert merged.head_name == "Bế Văn Sáu"
    assert hh.get_household(station.db, new).deleted
    assert [x.kind for x in hh.history(station.db, new)][-1] == "merge"
    # Nothing was hard-deleted: every person row is still in the file.
    assert _sql(station, "SELECT count(*) FROM person WHERE deleted = 0")[0][0] == 4


def test_delete_is_soft_and_restorable(station):
    a = _household(station, "Triệu Văn Bảy")
    hh.delete_households(station.db, [a])
    assert hh.count_households(station.db, hh.HouseholdQuery()) == 0
    trash = hh.fetch_households(station.db, hh.HouseholdQuery(deleted=True), 0, 10)
    assert [r.id for r in trash] == [a]
    assert _sql(station, "SELECT deleted FROM household WHERE id = ?", a) == [(1,)]
    hh.restore_households(station.db, [a])
    assert hh.count_households(station.db, hh.HouseholdQuery()) == 1
    assert hh.get_household(station.db, a).head_name == "Triệu Văn Bảy"

    person = hh.get_household(station.db, a).persons[0].id
    hh.delete_person(station.db, person)
    assert hh.get_household(station.db, a).head_name == ""
    hh.restore_person(station.db, person)
    assert hh.get_household(station.db, a).head_name == "Triệu Văn Bảy"


def test_refuses_what_would_corrupt_the_register(station):
    with pytest.raises(UserError, match="họ và tên"):
        hh.save_person(station.db, _household(station, "A"), hh.PersonDraft(full_name="  "))
    with pytest.raises(UserError, match="thôn"):
        hh.save_household(station.db, hh.HouseholdDraft(village_id="nope"))
    with pytest.raises(UserError):
        hh.merge_households(station.db, "x", "x")
