"""A medal candidate's leader post and exclusion are the person's record (issue 19, Deliver 5):
one travelling row per person (``medal_fact``), audited, carried up in the commune's bundle so the
hub's proposal sees them, and moved out of the old station setting by migration 0015."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import select
from test_sync_support import pair_with_hub, setup_station, site_id

from antq_desktop.domain import medal_rules as mr
from antq_desktop.services import awards as aw
from antq_desktop.services import groups as gr
from antq_desktop.services import households as hh
from antq_desktop.services import station as station_service
from antq_desktop.services.errors import UserError
from antq_desktop.storage import migrate
from antq_desktop.storage.database import Database
from antq_desktop.storage.models import AuditEntry, MedalFact, Setting
from antq_desktop.storage.models.medal_facts import medal_fact_id
from antq_desktop.storage.paths import DataDir

DAY = date(2026, 8, 19)
FIXTURES = Path(__file__).parent / "fixtures" / "schema"


def _person(db: Database, name: str, sex: str = "M") -> str:
    village = hh.villages(db)[0][0]
    hid = hh.save_household(db, hh.HouseholdDraft(village_id=village))
    return hh.save_person(
        db, hid, hh.PersonDraft(full_name=name, relation_to_head="Chủ hộ", sex=sex, birth_year=1970)
    )


def _served(db: Database, name: str, start: date, sex: str = "M") -> str:
    pid = _person(db, name, sex)
    gr.save_service_period(db, gr.ServicePeriodDraft(person_id=pid, kind="bao_ve_dan_pho", started_on=start))
    return pid


def _award(db: Database, person_id: str) -> None:
    """An earlier Giấy khen: what the leaders' rule asks besides the years in the post."""
    d = aw.new_decision(db, year=2025)
    d.number, d.decided_on, d.signer_name = "7", date(2025, 8, 19), "Nông Văn Thành"
    did = aw.save_decision(db, d)
    aw.add_recipients(db, [aw.RecipientDraft(did, "person", person_id=person_id)])
    aw.issue_decision(db, did)


def test_the_facts_are_the_persons_travelling_row_audited_and_cleared_as_a_tombstone(station) -> None:
    db = station.db
    pid = _served(db, "Ma Văn Tám", date(2005, 1, 1))
    aw.save_medal_facts(db, pid, aw.MedalFacts(exclusion="ket_an", exclusion_note="Bản án 12/2024"))
    here = site_id(db)
    with db.session() as s:
        row = s.get(MedalFact, medal_fact_id(pid))
        assert row is not None and row.person_id == pid and row.exclusion == "ket_an"
        assert row.origin_site == here and row.change_seq > 0 and not row.deleted
        assert s.get(Setting, "awards.medal_people") is None  # no longer a station setting
        trail = s.scalars(select(AuditEntry).where(AuditEntry.table_name == "medal_fact")).all()
        assert [(e.action, e.record_id) for e in trail] == [("create", row.id)]
        assert trail[0].details["changes"]["exclusion"] == [None, "ket_an"]
    assert aw.person_medal_facts(db, pid).exclusion == "ket_an"

    # A leader's post with both dates: the years stop at the end date.
    aw.save_medal_facts(
        db,
        pid,
        aw.MedalFacts("Phó Chủ tịch Ủy ban nhân dân xã", date(2010, 1, 1), leader_until=date(2015, 1, 1)),
    )
    facts = aw.person_medal_facts(db, pid)
    assert facts.exclusion == "" and facts.leader_until == date(2015, 1, 1)
    assert round(facts.years_in_post(DAY), 1) == 5.0
    with pytest.raises(UserError, match="Ngày thôi giữ chức vụ phải sau ngày bắt đầu"):
        aw.save_medal_facts(
            db, pid, aw.MedalFacts("Bí thư Đảng ủy xã", date(2020, 1, 1), leader_until=date(2019, 1, 1))
        )

    aw.save_medal_facts(db, pid, aw.MedalFacts())  # cleared: a tombstone that travels
    with db.session() as s:
        row = s.get(MedalFact, medal_fact_id(pid))
        assert row is not None and row.deleted
        assert s.scalars(
            select(AuditEntry.action).where(AuditEntry.record_id == row.id).order_by(AuditEntry.id)
        ).all() == ["create", "update", "delete"]
    assert aw.person_medal_facts(db, pid) == aw.MedalFacts()
    aw.save_medal_facts(db, pid, aw.MedalFacts(exclusion="ky_luat"))  # recorded again: the same row
    with db.session() as s:
        assert s.scalar(select(sa.func.count()).select_from(MedalFact)) == 1
    assert aw.medal_facts(db)[pid].exclusion == "ky_luat"


def test_set_at_a_commune_bundled_to_the_hub_the_hubs_proposal_shows_the_leader_and_the_exclusion(
    tmp_path: Path,
) -> None:
    from antq_desktop.sync import export_bundle, import_bundle

    hub = setup_station(tmp_path / "hub.sqlite3", "hub")
    commune = setup_station(tmp_path / "a.sqlite3", "A")
    try:
        pair_with_hub(hub, commune)
        chair = _person(commune, "Hoàng Văn Minh")
        convicted = _served(commune, "Ma Văn Tám", date(2005, 1, 1))
        member = _served(commune, "Nông Văn Bình", date(2005, 1, 1))
        _award(commune, chair)
        aw.save_medal_facts(commune, chair, aw.MedalFacts("Chủ tịch Ủy ban nhân dân xã", date(2015, 1, 1)))
        aw.save_medal_facts(
            commune, convicted, aw.MedalFacts(exclusion="ket_an", exclusion_note="Bản án 12/2024")
        )
        at_commune = [c.name for c in aw.medal_proposal(commune, 2026)]
        assert sorted(at_commune) == ["Hoàng Văn Minh", "Nông Văn Bình"]

        export_bundle(commune, site_id(hub), tmp_path / "up.antq")
        import_bundle(hub, tmp_path / "up.antq")

        proposal = {c.name: c for c in aw.medal_proposal(hub, 2026)}
        assert sorted(proposal) == sorted(at_commune)
        assert proposal["Hoàng Văn Minh"].post == "Chủ tịch Ủy ban nhân dân xã"
        assert proposal["Hoàng Văn Minh"].verdict.rule == "leader"
        rows = {c.name: c for c in aw.medal_candidates(hub, DAY)}
        assert rows["Ma Văn Tám"].verdict.status == mr.REFUSED
        assert "đã bị kết án (Bản án 12/2024)" in rows["Ma Văn Tám"].note
        assert member in {c.person_id for c in proposal.values()}

        # The hub reads a commune's facts; it does not write them.
        with pytest.raises(UserError, match="cấp trên"):
            aw.save_medal_facts(hub, convicted, aw.MedalFacts())
        # A cleared exclusion travels too (a tombstone), and the hub proposes the person again.
        aw.save_medal_facts(commune, convicted, aw.MedalFacts())
        export_bundle(commune, site_id(hub), tmp_path / "up2.antq")
        import_bundle(hub, tmp_path / "up2.antq")
        assert "Ma Văn Tám" in [c.name for c in aw.medal_proposal(hub, 2026)]
    finally:
        hub.dispose()
        commune.dispose()


def _fixture_with_setting(path: Path, entries: dict[str, object]) -> list[str]:
    """The 0014 station file with the old setting ``awards.medal_people``; two of its persons' ids."""
    import json

    shutil.copyfile(FIXTURES / "0014.sqlite3", path)
    con = sqlite3.connect(path)
    try:
        ids = [r[0] for r in con.execute("SELECT id FROM person WHERE deleted = 0 ORDER BY id LIMIT 2")]
        value = {
            ids[0]: entries["leader"],
            ids[1]: entries["excluded"],
            "no-such-person": entries["excluded"],
        }
        con.execute(
            "INSERT INTO setting (key, value) VALUES (?, ?)", ("awards.medal_people", json.dumps(value))
        )
        con.commit()
    finally:
        con.close()
    return ids


ENTRIES = {
    "leader": {"leader_post": "Bí thư Đảng ủy xã", "leader_since": "2012-05-01", "hotspot": False},
    "excluded": {"exclusion": "ket_an", "exclusion_note": "Bản án 12/2024"},
}


def _assert_moved(db: Database, ids: list[str], site: str) -> None:
    with db.session() as s:
        rows = {r.person_id: r for r in s.scalars(select(MedalFact))}
        assert set(rows) == set(ids)  # the entry of a person no longer in the register is dropped
        leader, excluded = rows[ids[0]], rows[ids[1]]
        assert (leader.leader_post, leader.leader_since) == ("Bí thư Đảng ủy xã", date(2012, 5, 1))
        assert (excluded.exclusion, excluded.exclusion_note) == ("ket_an", "Bản án 12/2024")
        for r in rows.values():
            assert r.id == medal_fact_id(r.person_id) and r.origin_site == site == r.modified_by_site
            assert r.field_versions == {"*": r.version} and r.change_seq > 0
        assert leader.change_seq != excluded.change_seq
        assert s.get(Setting, "awards.medal_people") is None
        trail = s.scalars(select(AuditEntry).where(AuditEntry.table_name == "medal_fact")).all()
        assert sorted(e.record_id for e in trail) == sorted(r.id for r in rows.values())
        assert all(e.action == "create" and "0015" in e.note for e in trail)
        clock = s.execute(sa.text("SELECT seq FROM sync_clock WHERE id = 1")).scalar()
        assert clock >= max(r.change_seq for r in rows.values())


def test_migration_0015_moves_the_setting_into_the_table_stamped_and_audited(data_dir: DataDir) -> None:
    data_dir.ensure()
    ids = _fixture_with_setting(data_dir.database, ENTRIES)
    st = station_service.open_station(data_dir)
    try:
        site = site_id(st.db)
        _assert_moved(st.db, ids, site)
        # The moved facts are what the rules read.
        facts = aw.medal_facts(st.db)
        assert facts[ids[1]].exclusion == "ket_an" and facts[ids[0]].leader_since == date(2012, 5, 1)
        from antq_desktop.services import audit

        assert audit.verify_chain(st.db).ok  # the chain still holds
    finally:
        st.close()


def test_migration_0015_on_postgresql_and_back_down(pg_url: str, tmp_path: Path) -> None:
    from alembic import command
    from test_schema_history import _copy_rows

    source = tmp_path / "0014.sqlite3"
    ids = _fixture_with_setting(source, ENTRIES)
    db = Database(pg_url)
    try:
        migrate.upgrade(db, target="0014")
        _copy_rows(source, db.engine)
        migrate.upgrade(db)
        with db.session() as s:
            site = s.execute(sa.text("SELECT site_id FROM sync_clock WHERE id = 1")).scalar()
        _assert_moved(db, ids, site)
        with db.engine.begin() as conn:
            cfg = migrate._alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0014")
        assert "medal_fact" not in sa.inspect(db.engine).get_table_names()
        with db.session() as s:
            back = s.get(Setting, "awards.medal_people").value
        assert back[ids[1]]["exclusion"] == "ket_an" and back[ids[0]]["leader_since"] == "2012-05-01"
    finally:
        db.dispose()


def test_erasing_a_persons_data_tombstones_their_medal_facts(station, tmp_path) -> None:
    from openpyxl import load_workbook

    from antq_desktop.services import personal_data

    pid = _served(station.db, "Ma Văn Tám", date(2005, 1, 1))
    aw.save_medal_facts(station.db, pid, aw.MedalFacts(exclusion="ket_an", exclusion_note="Bản án 12/2024"))
    # The person's own data lists them (their request comes before any erase).
    facts = personal_data.collect(station.db, pid)["medal_facts"]
    assert [(f["exclusion"], f["exclusion_note"]) for f in facts] == [("ket_an", "Bản án 12/2024")]
    sheet = load_workbook(personal_data.export_person(station.db, pid, tmp_path / "p.xlsx"))[
        "Chức vụ, loại trừ (KNC)"
    ]
    assert "Bản án 12/2024" in [c.value for row in sheet.iter_rows() for c in row]
    personal_data.erase_person(station.db, pid, "yêu cầu của người dân")
    with station.db.session() as s:
        row = s.get(MedalFact, medal_fact_id(pid))
        assert row is not None and row.deleted and row.exclusion_note == ""
    assert pid not in aw.medal_facts(station.db)
