"""TT 124/2021 at commune level (issue 19, part 4): the offices, businesses and schools counted beside the
villages, the commune's own criteria, the 70 % rule over every unit, households away (vắng), the Giấy
công nhận, and the units travelling up to the hub in a bundle."""

from __future__ import annotations

import random
import unicodedata
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from pypdf import PdfReader
from test_migrations import schema_diff
from test_sync_support import pair_with_hub, setup_station, site_id

from antq_desktop.domain import safety_standard as rules
from antq_desktop.papers.recognition import write_recognitions
from antq_desktop.services import assessments as asm
from antq_desktop.services import commitments as cm
from antq_desktop.services import households as hh
from antq_desktop.services.errors import UserError
from antq_desktop.storage import migrate
from antq_desktop.storage.database import Database
from antq_desktop.storage.models import CommuneUnit, UnitAssessment
from antq_desktop.sync.bundle import export_bundle
from antq_desktop.sync.labels import record_label, table_label
from antq_desktop.sync.merge import import_bundle

DECIDED = date(2026, 11, 10)
KINDS = tuple(rules.UNIT_KINDS)


def _villages(db) -> dict[str, str]:
    return {name: vid for vid, name in hh.villages(db)}


def _signed_village(db, vid: str, year: int = 2026) -> None:
    ids = [hh.save_household(db, hh.HouseholdDraft(village_id=vid))]
    cm.mark(db, ids, year, cm.Mark("signed", signed_on=date(year, 2, 1)))


def _recognise_village(db, vid: str, recognised: bool) -> None:
    every = {c["code"]: True for c in asm.criteria(db)}
    asm.save_assessment(
        db,
        asm.AssessmentDraft(
            vid,
            2026,
            registered=True,
            criteria=every,
            result="recognised" if recognised else "not_recognised",
            decision_number="25/QĐ-UBND" if recognised else "",
            decision_on=DECIDED if recognised else None,
        ),
    )


def _unit(db, i: int) -> str:
    return asm.save_unit(db, asm.UnitDraft(f"Đơn vị số {i:02d}", KINDS[i % 3], address=f"Số {i} đường Một"))


def _assess_unit(db, uid: str, recognised: bool) -> None:
    every = {c["code"]: True for c in asm.unit_criteria(db)}
    asm.save_unit_assessment(
        db,
        asm.UnitAssessmentDraft(
            uid,
            2026,
            registered=True,
            criteria=every if recognised else {},
            result="recognised" if recognised else "not_recognised",
            decision_number="25/QĐ-UBND" if recognised else "",
            decision_on=DECIDED if recognised else None,
        ),
    )


@pytest.fixture
def commune_of_25(station):
    """The test station's 3 villages (all recognised) and 22 offices, businesses and schools, all
    registered, of which 13 are recognised: 16 of 25 recognised. Returns (db, the 9 others' ids)."""
    db = station.db
    for vid in _villages(db).values():
        _signed_village(db, vid)
        _recognise_village(db, vid, True)
    units = [_unit(db, i) for i in range(22)]
    for i, uid in enumerate(units):
        _assess_unit(db, uid, recognised=i < 13)
    return db, units[13:]


def test_the_70_percent_rule_counts_villages_and_the_other_units(commune_of_25) -> None:
    db, waiting = commune_of_25
    s = asm.commune_summary(db, 2026)
    # Điều 5 khoản 4: the denominator is every registered unit, not the 3 villages alone.
    assert (s.units, s.villages, s.other_units, s.registered) == (25, 3, 22, 25)
    assert s.to_dict()["by_kind"]["khu_dan_cu"] == {"units": 3, "registered": 3, "recognised": 3}
    assert sum(k["units"] for k in s.to_dict()["by_kind"].values()) == 25
    assert (s.recognised, s.percent, s.needed, s.meets_threshold) == (16, 64.0, 18, False)

    _assess_unit(db, waiting[0], recognised=True)  # 17 of 25 = 68 %: still short
    s = asm.commune_summary(db, 2026)
    assert (s.recognised, s.percent, s.meets_threshold) == (17, 68.0, False)
    every = {c["code"]: True for c in asm.commune_criteria(db)}
    with pytest.raises(UserError, match="17/25 đơn vị được công nhận.*cần ít nhất 18"):
        asm.save_commune_assessment(db, asm.CommuneDraft(2026, criteria=every, result="proposed"))

    _assess_unit(db, waiting[1], recognised=True)  # 18 of 25 = 72 %: the rule is met
    s = asm.commune_summary(db, 2026)
    assert (s.recognised, s.percent, s.meets_threshold, s.all_registered) == (18, 72.0, True, True)
    # ...but the commune's own criteria are a checklist too: one unticked blocks the proposal, named.
    short = {**every, "x1_mo_hinh": False}
    with pytest.raises(UserError, match="ít nhất 01 mô hình"):
        asm.save_commune_assessment(db, asm.CommuneDraft(2026, criteria=short, result="proposed"))
    with pytest.raises(UserError, match="số và ngày"):
        asm.save_commune_assessment(db, asm.CommuneDraft(2026, criteria=every, result="recognised"))
    rid = asm.save_commune_assessment(db, asm.CommuneDraft(2026, criteria=every, result="proposed"))
    s = asm.commune_summary(db, 2026)
    assert s.id == rid and s.meets_standard and s.result == "proposed" and s.unmet == []
    # A unit that has not registered keeps the commune from "100 % registered".
    asm.save_unit(db, asm.UnitDraft("Công ty TNHH Mới", "doanh_nghiep"))
    s = asm.commune_summary(db, 2026)
    assert (s.units, s.registered, s.all_registered, s.meets_standard) == (26, 25, False, False)
    assert any("25/26 đơn vị đăng ký" in u for u in s.unmet)


def test_the_rule_in_whole_numbers_at_the_edges() -> None:
    assert [rules.needed(70, n) for n in (10, 25, 30, 1)] == [7, 18, 21, 1]
    assert not rules.meets_threshold(17, 25, 70) and rules.meets_threshold(18, 25, 70)
    assert rules.meets_threshold(7, 10, 70) and not rules.meets_threshold(0, 0, 70)


def test_a_household_away_does_not_keep_the_village_from_100_percent(station) -> None:
    db = station.db
    vid = _villages(db)["Thôn Nà Mạ"]
    ids = [hh.save_household(db, hh.HouseholdDraft(village_id=vid)) for _ in range(3)]
    cm.mark(db, ids[:2], 2026, cm.Mark("signed", signed_on=date(2026, 2, 1)))
    cm.mark(db, ids[2:], 2026, cm.Mark("absent"))
    [row] = [r for r in asm.list_assessments(db, 2026) if r.village_id == vid]
    c1 = row.criterion1
    # TT 124 Điều 4: 100 % of the households *residing* register; the one away is not residing.
    assert (c1.households, c1.absent, c1.residing, c1.signed, c1.met, c1.percent) == (3, 1, 2, 2, True, 100.0)
    every = {c["code"]: True for c in asm.criteria(db)}
    asm.save_assessment(
        db, asm.AssessmentDraft(vid, 2026, registered=True, criteria=every, result="proposed")
    )
    assert row.to_dict()["households_residing"] == 2 and row.to_dict()["households_absent"] == 1
    # A household that refuses still counts against the village.
    refuser = hh.save_household(db, hh.HouseholdDraft(village_id=vid))
    cm.mark(db, [refuser], 2026, cm.Mark("refused"))
    [row] = [r for r in asm.list_assessments(db, 2026) if r.village_id == vid]
    assert (row.criterion1.residing, row.criterion1.met) == (3, False)
    assert any("2/3 hộ đang cư trú" in u for u in row.unmet)
    # A village whose every household is away has nobody residing to register: not met, said so.
    other = _villages(db)["Bản Pác Bó"]
    away = hh.save_household(db, hh.HouseholdDraft(village_id=other))
    cm.mark(db, [away], 2026, cm.Mark("absent"))
    with pytest.raises(UserError, match="đều vắng"):
        asm.save_assessment(
            db, asm.AssessmentDraft(other, 2026, registered=True, criteria=every, result="proposed")
        )


def test_units_are_checked_when_saved(station) -> None:
    db = station.db
    with pytest.raises(UserError, match="Loại đơn vị"):
        asm.save_unit(db, asm.UnitDraft("Trường A", "truong_hoc"))
    with pytest.raises(UserError, match="tên"):
        asm.save_unit(db, asm.UnitDraft("  ", "co_quan"))
    uid = asm.save_unit(db, asm.UnitDraft("Trường THCS Quảng Lâm", "co_so_giao_duc"))
    with pytest.raises(UserError, match="Đã có đơn vị"):
        asm.save_unit(db, asm.UnitDraft("truong thcs quang lam", "co_quan"))
    assert asm.resolve_unit(db, "TRƯỜNG THCS QUẢNG LÂM") == uid == asm.resolve_unit(db, uid[:8])
    with pytest.raises(UserError, match="chưa đăng ký"):
        asm.save_unit_assessment(db, asm.UnitAssessmentDraft(uid, 2026, result="proposed"))
    every = {c["code"]: True for c in asm.unit_criteria(db)}
    with pytest.raises(UserError, match="số và ngày"):
        asm.save_unit_assessment(
            db, asm.UnitAssessmentDraft(uid, 2026, registered=True, criteria=every, result="recognised")
        )
    asm.delete_unit(db, uid)
    assert asm.list_units(db) == [] and asm.commune_summary(db, 2026).other_units == 0


def _pdf_text(path: Path) -> str:
    return unicodedata.normalize("NFC", " ".join(p.extract_text() for p in PdfReader(path).pages))


def test_the_giay_cong_nhan_names_each_recognised_unit_and_the_year(station, tmp_path: Path) -> None:
    db = station.db
    with pytest.raises(UserError, match="chưa có đơn vị nào được công nhận"):
        write_recognitions(db, 2026, tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()
    uid = asm.save_unit(db, asm.UnitDraft("Trường THCS Quảng Lâm", "co_so_giao_duc", address="Thôn Nà Mạ"))
    _assess_unit(db, uid, recognised=True)
    other = asm.save_unit(db, asm.UnitDraft("Công ty Cổ phần Nà Mạ", "doanh_nghiep"))
    _assess_unit(db, other, recognised=False)
    vid = _villages(db)["Xóm Đông Đình"]
    _signed_village(db, vid)
    _recognise_village(db, vid, True)
    papers, pages = write_recognitions(db, 2026, tmp_path / "gcn.pdf")
    assert (papers, pages) == (2, 2)
    text = _pdf_text(tmp_path / "gcn.pdf")
    for words in (
        "GIẤY CÔNG NHẬN",
        "ỦY BAN NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TRƯỜNG THCS QUẢNG LÂM",
        "XÓM ĐÔNG ĐÌNH",
        "năm 2026",
        "25/QĐ-UBND",
        "ngày 10 tháng 11 năm 2026",
    ):
        assert words in text, words
    assert "CÔNG TY CỔ PHẦN" not in text  # not recognised: no paper
    assert "dd/mm/yyyy" not in text.lower() and "...." not in text


def test_a_unit_and_its_assessment_travel_up_to_the_hub(tmp_path: Path) -> None:
    hub = setup_station(tmp_path / "hub.sqlite3", "hub")
    commune = setup_station(tmp_path / "a.sqlite3", "A")
    try:
        pair_with_hub(hub, commune)
        uid = asm.save_unit(commune, asm.UnitDraft("Trường THPT Một", "co_so_giao_duc", address="Tổ 1"))
        _assess_unit(commune, uid, recognised=True)
        every = {c["code"]: True for c in asm.commune_criteria(commune)}
        asm.save_commune_assessment(commune, asm.CommuneDraft(2026, criteria=every))
        export_bundle(commune, site_id(hub), tmp_path / "a.antq")
        report = import_bundle(hub, tmp_path / "a.antq")
        assert report is not None
        with hub.session() as s:
            unit = s.get(CommuneUnit, uid)
            assert unit is not None and unit.name == "Trường THPT Một" and unit.kind == "co_so_giao_duc"
            [a] = s.query(UnitAssessment).filter(UnitAssessment.unit_id == uid).all()
            assert (a.year, a.registered, a.result, a.decision_number) == (
                2026,
                True,
                "recognised",
                "25/QĐ-UBND",
            )
            assert (
                record_label(s, "unit_assessment", {"unit_id": uid, "year": 2026}) == "Trường THPT Một, 2026"
            )
        assert table_label("commune_unit") == "Cơ quan, doanh nghiệp, cơ sở giáo dục"
        # The hub reads a commune's records; it does not edit them (services/hub_guard.py).
        with pytest.raises(UserError, match="cấp trên chỉ xem"):
            asm.save_unit(hub, asm.UnitDraft("Trường THPT Một (sửa)", "co_so_giao_duc", id=uid))
    finally:
        hub.dispose()
        commune.dispose()


# -- migration 0012 on SQLite and PostgreSQL ------------------------------------------------------


def _downgrade(db: Database, target: str) -> None:
    from alembic import command

    cfg = migrate._alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, target)


def _migrate_0012_both_ways(url: str) -> None:
    db = Database(url)
    try:
        migrate.upgrade(db, target="0011")
        assert not {"commune_unit", "unit_assessment", "commune_assessment"} & set(
            sa.inspect(db.engine).get_table_names()
        )
        migrate.upgrade(db)  # to head, through 0012
        assert schema_diff(db) == []
        with db.engine.begin() as conn:  # a row in each new table, as the program writes them
            sync = {
                "origin_site": "s",
                "version": "1",
                "modified_by_site": "s",
                "change_seq": 1,
                "field_versions": {},
            }
            conn.execute(CommuneUnit.__table__.insert(), [{"id": "u1", "name": "Trường A", "kind": "co_quan",
                         "address": "", "sort_order": 1, "notes": "", "deleted": False, **sync}])  # fmt: skip
            conn.execute(UnitAssessment.__table__.insert(), [{"id": "a1", "unit_id": "u1", "year": 2026,
                         "registered": True, "criteria": {"u1_ke_hoach": True}, "result": "", "decision_number": "",
                         "notes": "", "deleted": False, **sync}])  # fmt: skip
        _downgrade(db, "0011")
        tables = set(sa.inspect(db.engine).get_table_names())
        assert (
            not {"commune_unit", "unit_assessment", "commune_assessment"} & tables
            and "village_assessment" in tables
        )
        migrate.upgrade(db)
        assert migrate.current_revision(db) == migrate.HEAD_REVISION and schema_diff(db) == []
    finally:
        db.dispose()


def test_migration_0012_on_sqlite(tmp_path: Path) -> None:
    _migrate_0012_both_ways(f"sqlite:///{tmp_path / 'm.sqlite3'}")


def test_migration_0012_on_postgresql(pg_url: str) -> None:
    _migrate_0012_both_ways(pg_url)


def test_the_threshold_rule_equals_exact_fractions_on_random_communes() -> None:
    """needed/meets_threshold in whole numbers agree with the exact comparison recognised/registered ≥ t %."""
    from fractions import Fraction

    seed = random.randrange(2**32)
    print(f"seed={seed}")  # a failing seed is kept below as an explicit example
    rng = random.Random(seed)
    cases = [(25, 17, 70.0), (25, 18, 70.0), (3, 2, 66.67), (7, 5, 71.43)]
    cases += [(rng.randint(1, 400), 0, rng.choice([50.0, 60.0, 70.0, 75.5, 80.0, 100.0])) for _ in range(300)]
    for registered, recognised, t in cases:
        recognised = recognised or rng.randint(0, registered)
        exact = Fraction(recognised) * 100 >= Fraction(str(t)) * registered
        assert rules.meets_threshold(recognised, registered, t) == exact, (seed, registered, recognised, t)
        n = rules.needed(t, registered)
        assert Fraction(n) * 100 >= Fraction(str(t)) * registered > Fraction(n - 1) * 100, (
            seed,
            registered,
            t,
        )


def test_an_approved_year_locks_the_units_and_the_communes_assessment(station) -> None:
    from antq_desktop.services import reports as rp

    db = station.db
    uid = asm.save_unit(db, asm.UnitDraft("Trường THCS Quảng Lâm", "co_so_giao_duc"))
    _assess_unit(db, uid, recognised=False)
    asm.save_commune_assessment(db, asm.CommuneDraft(2026))
    rp.mark_sent(db, "2026")
    rp.approve_period(db, "01304", "2026", by="Công an tỉnh Cao Bằng", reason="Đã duyệt số liệu năm 2026")
    with pytest.raises(UserError, match="đánh giá cơ quan, doanh nghiệp, cơ sở giáo dục.*mở lại"):
        _assess_unit(db, uid, recognised=True)
    with pytest.raises(UserError, match="đánh giá xã.*mở lại"):
        asm.save_commune_assessment(db, asm.CommuneDraft(2026, criteria={"x1_mo_hinh": True}))
    assert not asm.list_unit_assessments(db, 2026)[0].recognised, "nothing half-saved"
