"""Yearly commitments against a real SQLite file: campaign text, marking, breach, coverage."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from antq_desktop.services import commitments as cm
from antq_desktop.services import households as hh
from antq_desktop.services.errors import UserError


def _households(station, village: str, n: int) -> list[str]:
    vid = cm.village_by_name(station.db, village)[0]
    ids = []
    for i in range(n):
        hid = hh.save_household(station.db, hh.HouseholdDraft(village_id=vid))
        hh.save_person(station.db, hid, hh.PersonDraft(full_name=f"Chủ hộ {i}", relation_to_head="Chủ hộ"))
        ids.append(hid)
    return ids


def test_campaign_defaults_then_saved_text(station):
    c = cm.campaign(station.db, 2026)
    assert c.id is None and len(c.items) == 8 and "PHÒNG CHÁY" in c.items[5].upper()
    cm.save_campaign(station.db, 2026, "BẢN ĐĂNG KÝ HỘ GIA ĐÌNH AN TOÀN", ["Một", "Hai", "  "])
    saved = cm.campaign(station.db, 2026)
    assert (saved.title, saved.items) == ("BẢN ĐĂNG KÝ HỘ GIA ĐÌNH AN TOÀN", ["Một", "Hai"])
    cm.save_campaign(station.db, 2026, "Tiêu đề mới", ["Ba"])
    con = sqlite3.connect(station.db.path)
    assert con.execute("SELECT count(*) FROM commitment_text WHERE year = 2026").fetchone()[0] == 1
    with pytest.raises(UserError):
        cm.save_campaign(station.db, 2026, "x", [])


def test_marking_is_one_record_per_household_per_year(station):
    ids = _households(station, "Nà Mạ", 4)
    assert cm.mark(station.db, ids, 2026, cm.Mark("signed", signed_on=date(2026, 3, 2))) == 4
    assert cm.mark(station.db, ids[:1], 2026, cm.Mark("refused")) == 1
    assert cm.mark(station.db, ids[:1], 2026, cm.Mark("refused")) == 0
    con = sqlite3.connect(station.db.path)
    assert con.execute("SELECT count(*) FROM commitment WHERE year = 2026").fetchone()[0] == 4
    r = cm.record(station.db, ids[0], 2026)
    assert r.status == "refused" and r.signed_on is None
    assert cm.record(station.db, ids[1], 2026).signed_on == date(2026, 3, 2)
    assert cm.record(station.db, ids[1], 2025).status == "not_signed"
    with pytest.raises(UserError, match="vi phạm"):
        cm.mark(station.db, ids[1:2], 2026, cm.Mark("broken"))
    cm.mark(station.db, ids[1:2], 2026, cm.Mark("broken", breach_on=date(2026, 6, 1), breach_note="Đánh bạc"))
    r = cm.record(station.db, ids[1], 2026)
    assert (r.status, r.breach_note, r.signed_on) == ("broken", "Đánh bạc", date(2026, 3, 2))


def test_coverage_per_village_and_the_100_percent_rule(station):
    na_ma = _households(station, "Nà Mạ", 3)
    pac_bo = _households(station, "Pác Bó", 2)
    cm.mark(station.db, na_ma, 2026, cm.Mark("signed"))
    cm.mark(station.db, pac_bo[:1], 2026, cm.Mark("signed"))
    cm.mark(station.db, pac_bo[1:], 2026, cm.Mark("absent"))
    cm.mark(station.db, na_ma[:1], 2026, cm.Mark("broken", breach_note="Gây rối"))
    rows = {r.village: r for r in cm.coverage(station.db, 2026)}
    assert rows["Thôn Nà Mạ"].meets_rule and rows["Thôn Nà Mạ"].covered == 3
    assert rows["Bản Pác Bó"].to_dict() == {
        "village": "Bản Pác Bó",
        "households": 2,
        "signed": 1,
        "not_signed": 0,
        "refused": 0,
        "absent": 1,
        "broken": 0,
        "percent": 100.0,  # the household away is not residing: 1 of 1 (TT 124, issue 19)
        "meets_100_percent": True,
        "residing": 1,
    }
    assert rows["Xóm Đông Đình"].households == 0 and not rows["Xóm Đông Đình"].meets_rule
    total = cm.commune_total(list(rows.values()))
    assert (total.households, total.covered) == (5, 4)
    # A deleted household leaves the denominator.
    hh.delete_households(station.db, pac_bo[1:])
    assert {r.village: r for r in cm.coverage(station.db, 2026)}["Bản Pác Bó"].meets_rule


def test_village_lookup_accepts_names_without_their_kind(station):
    assert cm.village_by_name(station.db, "dong dinh")[1] == "Xóm Đông Đình"
    assert cm.village_by_name(station.db, "Thôn Nà Mạ")[1] == "Thôn Nà Mạ"
    with pytest.raises(UserError, match="Nà Mạ"):
        cm.village_by_name(station.db, "Khuổi Khon")
