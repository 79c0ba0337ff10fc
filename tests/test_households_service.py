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


def _live_members(station_or_db, hid: str) -> set[str]:
    db = getattr(station_or_db, "db", station_or_db)
    with db.session() as s:
        from sqlalchemy import select

        from antq_desktop.storage.models import Person

        return set(
            s.scalars(select(Person.full_name).where(Person.household_id == hid, Person.deleted.is_(False)))
        )


def test_deleting_a_household_deletes_its_members_and_undo_brings_back_exactly_them(station):
    from antq_desktop.services import overview

    a = _household(station, "Hoàng Văn Tư", ("Hoàng Thị Hoa", "Vợ"), ("Hoàng Văn Nam", "Con"))
    other = _household(station, "Bế Văn Sáu")
    nam = next(p.id for p in hh.get_household(station.db, a).persons if p.full_name == "Hoàng Văn Nam")
    hh.delete_person(station.db, nam)  # removed before the household: must stay removed
    persons_before = overview.overview(station.db).persons

    hh.delete_households(station.db, [a])
    assert _live_members(station, a) == set()
    assert _sql(station, "SELECT count(*) FROM person WHERE household_id = ? AND deleted = 0", a) == [(0,)]
    assert overview.overview(station.db).persons == persons_before - 2
    assert hh.find_persons(station.db, "hoang thi hoa") == []
    assert _live_members(station, other) == {"Bế Văn Sáu"}  # nobody else touched

    hh.restore_households(station.db, [a])  # what Ctrl+Z in the register calls
    assert _live_members(station, a) == {"Hoàng Văn Tư", "Hoàng Thị Hoa"}
    assert hh.get_household(station.db, a).head_name == "Hoàng Văn Tư"
    assert overview.overview(station.db).persons == persons_before

    # A member removed after the restore stays removed through a second delete and undo.
    hoa = next(p.id for p in hh.get_household(station.db, a).persons if p.full_name == "Hoàng Thị Hoa")
    hh.delete_person(station.db, hoa)
    hh.delete_households(station.db, [a])
    hh.restore_households(station.db, [a])
    assert _live_members(station, a) == {"Hoàng Văn Tư"}
    # And the member restored on its own comes back where it was.
    hh.restore_person(station.db, hoa)
    assert _live_members(station, a) == {"Hoàng Văn Tư", "Hoàng Thị Hoa"}


def test_a_household_is_found_by_id_or_by_its_code(station):
    a = _household(station, "Lò Văn Pọm")
    code = hh.get_household(station.db, a).household.code
    assert hh.household_by_ref(station.db, a).code == code
    row = hh.household_by_ref(station.db, code)
    assert (row.id, row.head_name, row.members) == (a, "Lò Văn Pọm", 1)
    with pytest.raises(UserError, match="antq households list"):
        hh.household_by_ref(station.db, "01304-09-99999")
    hh.delete_households(station.db, [a])
    with pytest.raises(UserError):
        hh.household_by_ref(station.db, code)
    assert hh.household_by_ref(station.db, code, include_deleted=True).id == a
    # Two households with one code (an import can bring that): the code is ambiguous.
    b = _household(station, "Lò Văn Ún", code="X-1")
    c = _household(station, "Lò Văn Bun", code="X-1", village="Bản Pác Bó")
    with pytest.raises(UserError, match="2 hộ"):
        hh.household_by_ref(station.db, "X-1")
    assert hh.household_by_ref(station.db, c).id == c != b


def test_the_members_tombstones_and_their_return_travel_in_a_bundle(tmp_path):
    from test_sync_support import canonical_dump, copy_templates, make_templates, open_net

    from antq_desktop.sync import export_bundle, import_bundle

    net = open_net(copy_templates(make_templates(tmp_path / "templates", ("A",)), tmp_path / "net"))
    try:
        a, hub = net.dbs["A"], net.dbs["hub"]
        village = next(vid for vid, n in hh.villages(a) if n == "Thôn Một")
        hid = hh.save_household(a, hh.HouseholdDraft(village_id=village))
        for name, rel in (("Nông Văn Dũng", "Chủ hộ"), ("Lý Thị Mai", "Vợ"), ("Nông Văn An", "Con")):
            hh.save_person(a, hid, hh.PersonDraft(full_name=name, relation_to_head=rel, birth_year=1990))
        an = next(p.id for p in hh.get_household(a, hid).persons if p.full_name == "Nông Văn An")
        hh.delete_person(a, an)

        def send(n: int) -> None:
            path = tmp_path / f"{n}.antq"
            export_bundle(a, net.ids["hub"], path)
            import_bundle(hub, path)
            assert canonical_dump(hub, scope_for=net.ids["A"]) == canonical_dump(a)

        send(1)
        assert _live_members(hub, hid) == {"Nông Văn Dũng", "Lý Thị Mai"}
        hh.delete_households(a, [hid])
        send(2)
        assert _live_members(hub, hid) == set()
        hh.restore_households(a, [hid])
        send(3)
        assert _live_members(hub, hid) == {"Nông Văn Dũng", "Lý Thị Mai"}
    finally:
        net.close()


def test_a_person_erased_after_an_undo_is_not_brought_back_by_the_next_one(station):
    from antq_desktop.services import personal_data

    a = _household(station, "Lục Văn Chức", ("Lục Thị Nhài", "Vợ"))
    nhai = next(p.id for p in hh.get_household(station.db, a).persons if p.full_name == "Lục Thị Nhài")
    hh.delete_households(station.db, [a])
    hh.restore_households(station.db, [a])
    # Erasing blanks the notes of her events (a later change to the "deleted" event of the first round).
    personal_data.erase_person(station.db, nhai, reason="yêu cầu của chủ thể dữ liệu")
    hh.delete_households(station.db, [a])
    hh.restore_households(station.db, [a])
    assert _live_members(station, a) == {"Lục Văn Chức"}
    assert _sql(station, "SELECT deleted FROM person WHERE id = ?", nhai) == [(1,)]
