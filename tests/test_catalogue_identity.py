"""One identity for shared reference data (issue 16, part 3).

Built-in group types and meeting types have the same id at every station (UUIDv5 of the code) and
the same creation stamps, so two stations' copies are one record. Migration 0009 merges the
per-station copies older stations seeded for themselves; the merge travels. Reports count by code,
the upper level counts distinct kinds. Real SQLite files, real bundles, the real ``antq`` command
where the issue names one; no mocks.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

from alembic import command
from sqlalchemy import delete, func, insert, select, update
from test_sync_support import (
    COMMUNES,
    PROVINCE,
    canonical_dump,
    db_url,
    make_templates,
    open_net,
    pair_with_hub,
    setup_station,
    site_id,
)

from antq_desktop.domain import catalogues as builtin
from antq_desktop.services import demo
from antq_desktop.services import hub as hub_service
from antq_desktop.services import reports as rp
from antq_desktop.services import station as station_service
from antq_desktop.services.station import SetupRequest
from antq_desktop.storage import migrate
from antq_desktop.storage.database import Database
from antq_desktop.storage.models import Group, GroupType, Meeting, MeetingType, Site
from antq_desktop.storage.stamping import advance_clock
from antq_desktop.sync import bundle, cards, merge
from antq_desktop.sync.import_summary import ImportReport

Cli = Callable[..., CompletedProcess[str]]
TODAY = date(2026, 10, 1)  # the demo's "today": every record inside the 2026 report year
CATALOGUES = ((GroupType, Group), (MeetingType, Meeting))


def ok(result: CompletedProcess[str]) -> CompletedProcess[str]:
    assert result.returncode == 0, result.stderr
    return result


def fill(db: Database, households: int, seed: int) -> None:
    """A demo commune's records: groups of several kinds, meetings of several types."""
    with db.session() as s:
        demo.DemoBuilder(db, seed, TODAY).build(s, households, None)


def report(db: Database, commune_code: str | None = None) -> dict[str, Any]:
    return rp.compute(db, "2026", commune_code=commune_code).values()


def builtin_rows(db: Database, shared_only: bool = False) -> dict[str, list[dict[str, Any]]]:
    """The stored rows of the built-in entries, every column but the local change number
    (``shared_only``: not the old per-station copies)."""
    out = {}
    with db.engine.connect() as c:
        for model, _ref in CATALOGUES:
            t = model.__table__
            where = [t.c.source == "builtin"]
            if shared_only:
                where.append(t.c.origin_site == builtin.BUILTIN_ORIGIN)
            rows = c.execute(select(t).where(*where).order_by(t.c.id)).mappings()
            out[t.name] = [{k: v for k, v in r.items() if k != "change_seq"} for r in rows]
    return out


def live_per_code(db: Database) -> dict[str, dict[str, int]]:
    """Per catalogue: how many live rows each built-in code has."""
    out: dict[str, dict[str, int]] = {}
    with db.session() as s:
        for model, _ref in CATALOGUES:
            codes = [r["code"] for r in builtin.builtin_rows(model.__tablename__)]
            out[model.__tablename__] = dict(
                s.execute(
                    select(model.code, func.count())
                    .where(model.deleted.is_(False), model.code.in_(codes))
                    .group_by(model.code)
                ).all()
            )
    return out


def assert_one_per_code(db: Database) -> None:
    for table, counts in live_per_code(db).items():
        codes = {r["code"] for r in builtin.builtin_rows(table)}
        assert counts == dict.fromkeys(codes, 1), table
    with db.session() as s:  # every reference points to a shared row
        for model, ref in CATALOGUES:
            shared = {
                builtin.builtin_id(model.__tablename__, r["code"])
                for r in builtin.builtin_rows(model.__tablename__)
            }
            local = set(s.scalars(select(model.id).where(model.source != "builtin")))
            assert set(s.scalars(select(ref.type_id).distinct())) <= shared | local, ref.__tablename__


def old_seed(db: Database) -> dict[str, str]:
    """Make ``db`` what a station set up before 0009 was: its own random-id copy of every built-in
    entry (as the old seed wrote them), its records pointing to those copies, no shared rows.
    Returns old id → shared id."""
    moved: dict[str, str] = {}
    with db.engine.begin() as c:
        me = c.scalar(select(Site.id).where(Site.is_self.is_(True)))
        for model, ref in CATALOGUES:
            t, r = model.__table__, ref.__table__
            rows = [
                dict(x)
                for x in c.execute(select(t).where(t.c.origin_site == builtin.BUILTIN_ORIGIN)).mappings()
            ]
            for row, stamp in zip(rows, advance_clock(c, len(rows)), strict=True):
                copy = {
                    **row,
                    "id": str(uuid.uuid4()),
                    "origin_site": me,
                    "modified_by_site": me,
                    "version": stamp.version,
                    "change_seq": stamp.change_seq,
                    "field_versions": {"*": stamp.version},
                }
                c.execute(insert(t).values(**copy))
                c.execute(update(r).where(r.c.type_id == row["id"]).values(type_id=copy["id"]))
                moved[copy["id"]] = row["id"]
            c.execute(delete(t).where(t.c.origin_site == builtin.BUILTIN_ORIGIN))
    return moved


def run_0009(db: Database) -> None:
    """Revision 0009 on a database whose data is as 0008 left it (the schema is already at head)."""
    cfg = migrate._alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.stamp(cfg, "0008")
        command.upgrade(cfg, "0009")
        command.stamp(cfg, migrate.HEAD_REVISION)


def exchange(src: Database, dst: Database, folder: Path, n: list[int]) -> ImportReport:
    n[0] += 1
    path = folder / f"b{n[0]}.antq"
    bundle.export_bundle(src, site_id(dst), path)
    return merge.import_bundle(dst, path)


# -- two fresh stations --------------------------------------------------------------------------


def test_two_fresh_stations_hold_the_same_builtin_rows_and_an_exchange_finds_them_unchanged(
    tmp_path: Path,
) -> None:
    net = open_net(make_templates(tmp_path / "t", ("A",)))
    try:
        hub, a = net.dbs["hub"], net.dbs["A"]
        rows_a, rows_hub = builtin_rows(a), builtin_rows(hub)
        assert rows_a == rows_hub
        for table, rows in rows_a.items():
            shipped = builtin.builtin_rows(table)
            assert len(rows) == len(shipped) > 0
            for row in rows:
                assert row["id"] == builtin.builtin_id(table, row["code"])
                assert (row["origin_site"], row["modified_by_site"]) == ("builtin", "builtin")
                assert row["version"] == builtin.BUILTIN_VERSION
                assert row["field_versions"] == {"*": builtin.BUILTIN_VERSION}
        # The namespace is fixed: the id of one entry, as documented in docs/sync.md.
        assert builtin.builtin_id("meeting_type", "lang_nghe_y_kien") == str(
            uuid.uuid5(
                uuid.uuid5(uuid.NAMESPACE_URL, "urn:antq-desktop:builtin-catalogue"),
                "meeting_type:lang_nghe_y_kien",
            )
        )
        # Both ways, the built-in rows merge as the same row: nothing new, nothing changed.
        n = [0]
        for src, dst in ((a, hub), (hub, a)):
            r = exchange(src, dst, tmp_path, n)
            for model, _ref in CATALOGUES:
                s = r.tables[model.__tablename__]
                assert (s.new, s.changed, s.conflicts) == (0, 0, 0), model.__tablename__
                assert s.unchanged == len(rows_a[model.__tablename__])
        assert builtin_rows(a) == builtin_rows(hub) == rows_a
        assert_one_per_code(a)
        assert_one_per_code(hub)
    finally:
        net.close()


# -- stations as 0008 left them: duplicates merged, the merge travels ----------------------------


def test_0009_merges_the_copies_at_communes_and_the_hub_and_the_merge_travels(tmp_path: Path) -> None:
    net = open_net(make_templates(tmp_path / "t", ("A", "B")))
    try:
        hub, a, b = (net.dbs[k] for k in ("hub", "A", "B"))
        fill(a, 24, 11)
        fill(b, 31, 22)
        for db in (hub, a, b):
            old_seed(db)
        before = {"A": report(a), "B": report(b)}
        assert before["A"]["meetings.total"] > 0 and before["A"]["models.groups"] > 0
        n = [0]
        exchange(a, hub, tmp_path, n)
        exchange(b, hub, tmp_path, n)
        codes = {"A": net.ids["A"], "B": net.ids["B"]}
        with hub.session() as s:
            communes = {k: s.get(Site, v).commune_code for k, v in codes.items()}
        # The hub holds three copies of each built-in (its own, A's, B's); counted by code, its view
        # of each commune is that commune's own report.
        assert set(live_per_code(hub)["meeting_type"].values()) == {3}
        for k in ("A", "B"):
            assert report(hub, communes[k]) == before[k], k

        with a.session() as s:
            a_old = set(s.scalars(select(MeetingType.id).where(MeetingType.source == "builtin")))
            a_max_seq = s.scalar(select(func.max(MeetingType.change_seq)))

        # A migrates first: one row per code, its records re-pointed, its old copies tombstoned with
        # new change numbers (so they travel), the same report.
        run_0009(a)
        assert_one_per_code(a)
        assert report(a) == before["A"]
        with a.session() as s:
            old = s.execute(
                select(MeetingType.deleted, MeetingType.change_seq).where(MeetingType.id.in_(a_old))
            ).all()
        assert old and all(d and seq > a_max_seq for d, seq in old)

        # The hub migrates: its own copies and both communes' copies merged.
        run_0009(hub)
        assert_one_per_code(hub)
        for k in ("A", "B"):
            assert report(hub, communes[k]) == before[k], k

        # B has not migrated yet: the hub's bundle brings it the shared rows, its records re-pointed
        # and its old copies tombstoned — the hub's merge travelled down.
        r = exchange(hub, b, tmp_path, n)
        assert r.tables["meeting_type"].changed > 0
        assert_one_per_code(b)
        assert report(b) == before["B"]
        run_0009(b)  # nothing left to merge
        assert_one_per_code(b)

        # A's tombstones travel up as well; after a round every station agrees.
        for src, dst in ((a, hub), (b, hub), (hub, a), (hub, b)):
            exchange(src, dst, tmp_path, n)
        for k, db in (("A", a), ("B", b)):
            assert canonical_dump(db) == canonical_dump(hub, scope_for=net.ids[k]), k
            assert report(db) == before[k] == report(hub, communes[k]), k
            assert builtin_rows(db, shared_only=True) == builtin_rows(hub, shared_only=True)
        with hub.session() as s:  # every old copy, wherever it was made, is a tombstone at the hub
            assert not s.scalar(
                select(func.count()).where(
                    MeetingType.source == "builtin",
                    MeetingType.origin_site != builtin.BUILTIN_ORIGIN,
                    MeetingType.deleted.is_(False),
                )
            )
    finally:
        net.close()


def test_0009_keeps_what_the_station_changed_on_its_own_copy(tmp_path: Path) -> None:
    """Switched off a built-in kind, wrote its own minutes template: still so after the merge."""
    net = open_net(make_templates(tmp_path / "t", ("A",)))
    try:
        a = net.dbs["A"]
        old_seed(a)
        with a.session() as s:
            giao_ban = s.scalar(select(MeetingType).where(MeetingType.code == "giao_ban"))
            giao_ban.active = False
            hop_thon = s.scalar(select(MeetingType).where(MeetingType.code == "hop_thon"))
            hop_thon.minutes_template = "Biên bản họp thôn của xã"
            camera = s.scalar(select(GroupType).where(GroupType.code == "camera_an_ninh"))
            camera.attributes_schema = [
                *camera.attributes_schema,
                {"key": "ai_cameras", "label": "Số camera AI", "type": "int"},
            ]
        run_0009(a)
        assert_one_per_code(a)
        with a.session() as s:
            shared = {t.code: t for t in s.scalars(select(MeetingType).where(MeetingType.deleted.is_(False)))}
            assert shared["giao_ban"].active is False
            assert shared["hop_thon"].minutes_template == "Biên bản họp thôn của xã"
            assert shared["lang_nghe_y_kien"].version == builtin.BUILTIN_VERSION  # untouched: as shipped
            assert set(shared["giao_ban"].field_versions) == {"*", "active"}
            kinds = {t.code: t for t in s.scalars(select(GroupType).where(GroupType.deleted.is_(False)))}
            assert [x["key"] for x in kinds["camera_an_ninh"].attributes_schema] == [
                "cameras",
                "households_covered",
                "ai_cameras",
            ]
    finally:
        net.close()


# -- a commune recovered from the upper level on a new PC ----------------------------------------


def test_a_commune_recovered_from_the_hub_holds_one_copy_and_gives_the_same_report(
    tmp_path: Path, run_cli: Cli
) -> None:
    hub_dir, old_dir, new_dir = (tmp_path / d for d in ("tinh", "xa", "xa-may-moi"))
    for d in (hub_dir, old_dir, new_dir):
        d.mkdir()
    hub = setup_station(hub_dir / "antq.sqlite3", "hub")
    old = setup_station(old_dir / "antq.sqlite3", "A")
    try:
        pair_with_hub(hub, old)
        fill(old, 30, 7)
        before = report(old)
        assert before["meetings.total"] > 0
        with old.session() as s:
            listening = s.scalar(
                select(func.count())
                .select_from(Meeting)
                .join(MeetingType, MeetingType.id == Meeting.type_id)
                .where(Meeting.deleted.is_(False), MeetingType.code == "lang_nghe_y_kien")
            )
        assert listening > 0
        bundle.export_bundle(old, site_id(hub), tmp_path / "xa.antq")
        old_id = site_id(old)
        merge.import_bundle(hub, tmp_path / "xa.antq")
    finally:
        old.dispose()  # the old PC is gone
    # The new PC is set up with no villages of its own: they come back from the hub (recovery).
    new = Database(db_url(new_dir / "antq.sqlite3"))
    migrate.upgrade(new)
    code, unit = COMMUNES["A"]
    station_service.initialise(
        new,
        SetupRequest(
            province_code=PROVINCE,
            commune_code=code,
            unit_name=unit,
            admin_username="admin",
            admin_password="secret-1234",
            villages=[],
            role="commune",
        ),
    )
    try:  # the new PC is declared the replacement of the lost one (docs/sync.md)
        hub_card, new_card = cards.own_card(hub), cards.own_card(new)
        cards.pair(new, hub_card, fingerprint=hub_card.fingerprint)
        cards.pair(hub, new_card, fingerprint=new_card.fingerprint, replaces=old_id)
        new_id = site_id(new)
    finally:
        new.dispose()
        hub.dispose()
    recovery = tmp_path / "khoi-phuc.antq"
    ok(run_cli("--data-dir", hub_dir, "sync", "export", "--to", new_id, "--full", "-o", recovery))
    ok(run_cli("--data-dir", new_dir, "sync", "import", recovery))
    new = Database(db_url(new_dir / "antq.sqlite3"))
    try:
        after = report(new)
        assert after == before
        assert after["meetings.total"] == before["meetings.total"] > 0
        assert_one_per_code(new)
    finally:
        new.dispose()


# -- the province report counts distinct kinds ---------------------------------------------------

KINDS = ("to_an_ninh_tu_quan", "to_bao_ve_antt", "to_hoa_giai", "camera_an_ninh")


def test_the_province_report_counts_four_kinds_for_three_communes_using_the_same_four(tmp_path: Path) -> None:
    net = open_net(make_templates(tmp_path / "t", ("A", "B", "C")))
    try:
        hub = net.dbs["hub"]
        n = [0]
        own = {}
        for k in ("A", "B", "C"):
            db = net.dbs[k]
            with db.session() as s:
                for i, code in enumerate(KINDS):
                    s.add(
                        Group(
                            type_id=builtin.builtin_id("group_type", code),
                            name=f"Tổ {k} {i}",
                            founded_on=date(2026, 1, 5),
                        )
                    )
            own[k] = report(db)
            assert own[k]["models.types"] == 4
            exchange(db, hub, tmp_path, n)
        province = hub_service.province_report(hub, "2026").values()
        assert sum(own[k]["models.types"] for k in own) == 12
        assert province["models.types"] == 4
        # The other figures still add up.
        assert province["models.groups"] == sum(own[k]["models.groups"] for k in own) == 12
        # The hub's table and each commune's view through its scope agree with the commune.
        with hub.session() as s:
            codes = {k: s.get(Site, net.ids[k]).commune_code for k in own}
        for k in own:
            assert report(hub, codes[k])["models.types"] == 4
    finally:
        net.close()
