"""One place decides what was printed (services.print_register), and one helper says "not found"."""

from __future__ import annotations

from datetime import date

import pytest

from antq_desktop.papers import certificates as pc
from antq_desktop.services import awards as aw
from antq_desktop.services import households as hh
from antq_desktop.services import print_register
from antq_desktop.services.errors import UserError
from antq_desktop.services.lookup import get_or_refuse
from antq_desktop.storage.models import Household


def _decision(station, names: list[str], *, issue: bool = True) -> tuple[str, list[str]]:
    db = station.db
    vid = hh.villages(db)[0][0]
    d = aw.new_decision(db, year=2026)
    d.number, d.decided_on, d.signer_name = "21", date(2026, 8, 19), "Nông Văn Thành"
    did = aw.save_decision(db, d)
    drafts = []
    for name in names:
        hid = hh.save_household(db, hh.HouseholdDraft(village_id=vid))
        pid = hh.save_person(db, hid, hh.PersonDraft(full_name=name, relation_to_head="Chủ hộ", sex="M"))
        drafts.append(aw.RecipientDraft(did, "person", person_id=pid))
    aw.add_recipients(db, drafts)
    if issue:
        aw.issue_decision(db, did)
    return did, [a.id for a in aw.recipients(db, did)]


def _register(station, did: str) -> list[str]:
    return [r.award_id for r in aw.print_register(station.db, aw.RegisterQuery(decision_id=did))]


def test_the_printer_confirms_pages_and_only_those_are_entered(station):
    did, ids = _decision(station, ["Hoàng Văn Đức", "Đặng Văn Minh", "Lý Văn Sơn"])
    rows = print_register.record_printed(
        station.db, ids, how="printer", pages=[1, 7], mode="full", printed_by="canbo"
    )
    assert [r.award_id for r in rows] == [ids[1]]
    assert _register(station, did) == [ids[1]]
    assert rows[0].mode == "full_page" and rows[0].printed_by == "canbo"


def test_the_written_file_enters_every_certificate_in_it(station, tmp_path):
    did, ids = _decision(station, ["Hoàng Văn Đức", "Đặng Văn Minh"])
    pages = pc.write_certificates(station.db, did, tmp_path / "gk.pdf", record=True, printed_by="antq")
    assert pages == 2 and sorted(_register(station, did)) == sorted(ids)


def test_a_drafts_pages_are_never_entered_either_way(station, tmp_path):
    did, ids = _decision(station, ["Hoàng Văn Đức"], issue=False)
    assert print_register.record_printed(station.db, ids, how="printer", pages=[0], mode="full") == []
    pc.write_certificates(station.db, did, tmp_path / "nhap.pdf", record=True)
    assert _register(station, did) == []


def test_an_unknown_way_of_printing_is_refused(station):
    _did, ids = _decision(station, ["Hoàng Văn Đức"])
    with pytest.raises(UserError):
        print_register.record_printed(station.db, ids, how="fax", mode="full")


def test_get_or_refuse_says_not_found_for_missing_empty_and_deleted(station):
    db = station.db
    hid = hh.save_household(db, hh.HouseholdDraft(village_id=hh.villages(db)[0][0]))
    with db.session() as s:
        assert get_or_refuse(s, Household, hid, "không thấy", "not found").id == hid
        for missing in ("no-such-id", "", None):
            with pytest.raises(UserError, match="không thấy"):
                get_or_refuse(s, Household, missing, "không thấy", "not found")
    hh.delete_households(db, [hid])
    with db.session() as s:
        with pytest.raises(UserError, match="không thấy"):
            get_or_refuse(s, Household, hid, "không thấy", "not found")
        assert get_or_refuse(s, Household, hid, "không thấy", "not found", include_deleted=True).deleted
