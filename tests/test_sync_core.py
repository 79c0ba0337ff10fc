"""Sync by file, service level: cards and pairing, bundles, merge, acknowledgements, incarnations.

Real SQLite files (and PostgreSQL for the upper level when ``ANTQ_TEST_PG_URL``
is set); stations are set up once per session and copied per test.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, select
from test_sync_support import (
    COMMUNES,
    Net,
    add_household,
    canonical_dump,
    checkpoint,
    copy_templates,
    db_url,
    file_digest,
    make_templates,
    open_net,
)

from antq_desktop.services import station as station_service
from antq_desktop.services.errors import UserError
from antq_desktop.services.sync_status import peer_status, start_new_incarnation
from antq_desktop.storage.database import Database
from antq_desktop.storage.migrate import upgrade
from antq_desktop.storage.models import AwardDecision, Household, Site, SyncConflict
from antq_desktop.sync import (
    cards,
    export_bundle,
    export_card,
    import_bundle,
    list_conflicts,
    pair,
    read_card,
    resolve,
    revoke,
)

if TYPE_CHECKING:
    from conftest import PgServer


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_templates(tmp_path_factory.mktemp("sync-templates"))


@pytest.fixture
def net(templates: dict[str, Path], tmp_path: Path) -> Iterator[Net]:
    n = open_net(copy_templates(templates, tmp_path / "net"))
    yield n
    n.close()


def edit(db: Database, model: type, rid: str, **fields: object) -> None:
    with db.session() as s:
        obj = s.get(model, rid)
        for k, v in fields.items():
            setattr(obj, k, v)


def live_households(db: Database) -> set[str]:
    with db.session() as s:
        return set(s.scalars(select(Household.head_name).where(Household.deleted.is_(False))))


def send(src: Database, dst: Database, dst_id: str, path: Path, **kw: object):  # type: ignore[no-untyped-def]
    export_bundle(src, dst_id, path)
    return import_bundle(dst, path, **kw)  # type: ignore[arg-type]


# -- cards and pairing ------------------------------------------------------------------------


def test_card_file_round_trips_and_an_altered_card_is_refused(net: Net, tmp_path: Path) -> None:
    path = tmp_path / "hub.antqcard"
    card = export_card(net.dbs["hub"], path)
    again = read_card(path)
    assert again == card
    assert len(card.fingerprint.replace(" ", "")) == 16
    assert card.signing_public_key.startswith("ed25519:") and card.encryption_public_key.startswith("x25519:")
    payload = json.loads(path.read_text(encoding="utf-8"))
    payload["unit_name"] = "Công an tỉnh Giả"
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(UserError, match="không phải thẻ đơn vị"):
        read_card(path)


def test_pairing_checks_the_fingerprint_and_refuses_own_and_same_level_cards(
    templates: dict[str, Path], tmp_path: Path
) -> None:
    # Fresh, unpaired stations.
    from test_sync_support import setup_station

    hub = setup_station(tmp_path / "hub.sqlite3", "hub")
    a = setup_station(tmp_path / "a.sqlite3", "A")
    b = setup_station(tmp_path / "b.sqlite3", "B")
    try:
        hub_card = cards.own_card(hub)
        with pytest.raises(UserError, match="không khớp"):
            pair(a, hub_card, fingerprint="0000 0000 0000 0000")
        with pytest.raises(UserError, match="chính máy này"):
            pair(hub, hub_card)
        with pytest.raises(UserError, match="cùng cấp"):
            pair(a, cards.own_card(b))
        with a.session() as s:
            assert s.scalar(select(func.count()).select_from(Site).where(Site.is_upper_level.is_(True))) == 1
        result = pair(a, hub_card, fingerprint=hub_card.fingerprint.lower().replace(" ", ""))
        assert result.replaced_placeholder
        with a.session() as s:
            uppers = list(s.scalars(select(Site).where(Site.is_upper_level.is_(True))))
            assert [u.id for u in uppers] == [hub_card.site_id]
        assert station_service.unit_summary(a)["upper_level"] == hub_card.unit_name
    finally:
        for db in (hub, a, b):
            db.dispose()


# -- bundles: round trip, dry run, idempotence, acknowledgements --------------------------------


def test_bundle_round_trip_dry_run_writes_nothing_and_import_is_idempotent(net: Net, tmp_path: Path) -> None:
    a, hub = net.dbs["A"], net.dbs["hub"]
    for i in range(5):
        add_household(a, f"Hộ số {i}", address=f"Thôn Một, số {i}")
    export_bundle(a, net.ids["hub"], tmp_path / "a1.antq")
    hub_path = hub.path
    assert hub_path is not None
    hub.dispose()
    checkpoint(hub_path)
    before = file_digest(hub_path)
    preview = import_bundle(hub, tmp_path / "a1.antq", dry_run=True)
    hub.dispose()
    checkpoint(hub_path)
    assert file_digest(hub_path) == before, "a dry run must not write"
    assert preview.tables["household"].new == 5 and not preview.applied
    done = import_bundle(hub, tmp_path / "a1.antq")
    assert done.tables["household"].new == 5 and done.applied
    again = import_bundle(hub, tmp_path / "a1.antq")
    assert again.totals.new == again.totals.changed == 0 and again.seen_before
    assert canonical_dump(a) == canonical_dump(hub, scope_for=net.ids["A"])
    assert live_households(hub) == {f"Hộ số {i}" for i in range(5)}


def test_export_carries_everything_not_acknowledged_and_stops_after_the_ack(net: Net, tmp_path: Path) -> None:
    a, hub = net.dbs["A"], net.dbs["hub"]
    add_household(a, "Hộ thứ nhất")
    first = export_bundle(a, net.ids["hub"], tmp_path / "lost.antq")  # never imported
    add_household(a, "Hộ thứ hai")
    second = export_bundle(a, net.ids["hub"], tmp_path / "a2.antq")
    assert second.bundle_no == first.bundle_no + 1
    assert second.tables["household"] == 2, "the lost bundle's change travels again"
    import_bundle(hub, tmp_path / "a2.antq")
    assert live_households(hub) == {"Hộ thứ nhất", "Hộ thứ hai"}
    send(hub, a, net.ids["A"], tmp_path / "h1.antq")  # carries the hub's acknowledgement
    third = export_bundle(a, net.ids["hub"], tmp_path / "a3.antq")
    assert third.rows == 0, third.tables
    add_household(a, "Hộ thứ ba")
    assert export_bundle(a, net.ids["hub"], tmp_path / "a4.antq").tables == {"household": 1}


def test_bundles_in_any_order_and_twice_give_the_same_data(net: Net, tmp_path: Path, templates) -> None:  # type: ignore[no-untyped-def]
    a = net.dbs["A"]
    hid = add_household(a, "Hộ gốc", phone="0901")
    export_bundle(a, net.ids["hub"], tmp_path / "1.antq")
    edit(a, Household, hid, phone="0902", head_name="Hộ đổi tên")
    export_bundle(a, net.ids["hub"], tmp_path / "2.antq")
    edit(a, Household, hid, notes="ghi chú")
    export_bundle(a, net.ids["hub"], tmp_path / "3.antq")
    dumps = []
    for order in (["1", "2", "3"], ["3", "1", "2", "3"], ["2", "3", "1", "1"]):
        other = open_net(copy_templates(templates, tmp_path / "-".join(order)))
        try:
            for name in order:
                import_bundle(other.dbs["hub"], tmp_path / f"{name}.antq")
            dumps.append(canonical_dump(other.dbs["hub"], scope_for=net.ids["A"]))
        finally:
            other.close()
    assert dumps[0] == dumps[1] == dumps[2] == canonical_dump(a)


def test_deletes_travel_as_tombstones(net: Net, tmp_path: Path) -> None:
    a, hub = net.dbs["A"], net.dbs["hub"]
    hid = add_household(a, "Hộ sẽ xóa")
    send(a, hub, net.ids["hub"], tmp_path / "1.antq")
    with a.session() as s:
        s.get(Household, hid).mark_deleted()  # type: ignore[union-attr]
    report = send(a, hub, net.ids["hub"], tmp_path / "2.antq")
    assert report.tables["household"].changed == 1
    with hub.session() as s:
        assert s.get(Household, hid).deleted is True  # type: ignore[union-attr]


def test_edits_of_different_fields_both_survive_and_same_field_edits_are_listed(
    net: Net, tmp_path: Path
) -> None:
    a, hub = net.dbs["A"], net.dbs["hub"]
    with hub.session() as s:
        d = AwardDecision(
            number="7", symbol="QĐ-CAT", commune_code=COMMUNES["A"][0], occasion="Ngày hội", status="draft"
        )
        s.add(d)
        s.flush()
        did = d.id
    send(hub, a, net.ids["A"], tmp_path / "h1.antq")
    edit(hub, AwardDecision, did, occasion="Ngày hội toàn dân", status="issued")
    edit(a, AwardDecision, did, achievement="Thành tích xuất sắc", status="cancelled")
    send(a, hub, net.ids["hub"], tmp_path / "a1.antq")
    send(hub, a, net.ids["A"], tmp_path / "h2.antq")
    with a.session() as s:
        row = s.get(AwardDecision, did)
        assert row is not None
        assert (row.occasion, row.achievement) == ("Ngày hội toàn dân", "Thành tích xuất sắc")
        winner = row.status
    assert canonical_dump(a) == canonical_dump(hub, scope_for=net.ids["A"])
    found = [c for db in (a, hub) for c in list_conflicts(db)]
    assert {(c.table, c.field) for c in found} == {("award_decision", "status")}
    loser_side = next(
        db for db in (a, hub) if list_conflicts(db) and list_conflicts(db)[0].loser_value != winner
    )
    conflict = list_conflicts(loser_side)[0]
    resolve(loser_side, conflict.id, "restore")
    assert list_conflicts(loser_side) == []
    other = hub if loser_side is a else a
    other_id = net.ids["hub"] if other is hub else net.ids["A"]
    send(loser_side, other, other_id, tmp_path / "r.antq")
    with other.session() as s:
        assert s.get(AwardDecision, did).status == conflict.loser_value  # type: ignore[union-attr]
    with loser_side.session() as s:
        assert s.scalar(select(SyncConflict.resolution)) == "restored"


def test_upper_level_sends_a_commune_its_decisions_and_catalogues_but_not_other_communes(
    net: Net, tmp_path: Path
) -> None:
    a, b, hub = net.dbs["A"], net.dbs["B"], net.dbs["hub"]
    add_household(b, "Hộ của xã B")
    send(b, hub, net.ids["hub"], tmp_path / "b1.antq")
    with hub.session() as s:
        s.add(AwardDecision(number="1", symbol="QĐ", commune_code=COMMUNES["A"][0]))
        s.add(AwardDecision(number="2", symbol="QĐ", commune_code=COMMUNES["B"][0]))
    result = export_bundle(hub, net.ids["A"], tmp_path / "h.antq")
    assert result.tables.get("award_decision") == 1
    assert "household" not in result.tables
    # The built-in catalogue entries are shared rows (docs/sync.md): they go down and arrive unchanged.
    report = import_bundle(a, tmp_path / "h.antq")
    assert result.tables.get("group_type") == report.tables["group_type"].unchanged > 0
    assert (report.tables["group_type"].new, report.tables["group_type"].changed) == (0, 0)
    assert live_households(a) == set()


# -- refusals -----------------------------------------------------------------------------------


def test_refusals_leave_the_database_unchanged(
    net: Net, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, hub = net.dbs["A"], net.dbs["B"], net.dbs["hub"]
    add_household(a, "Hộ A")
    export_bundle(a, net.ids["hub"], tmp_path / "a.antq")
    monkeypatch.setattr("antq_desktop.sync.bundle.HEAD_REVISION", "9999")
    monkeypatch.setattr("antq_desktop.sync.bundle.__version__", "9.9.0")
    export_bundle(a, net.ids["hub"], tmp_path / "future.antq")
    monkeypatch.undo()
    (tmp_path / "junk.antq").write_bytes(b"PK\x03\x04 not a bundle")
    cases = [
        (b, tmp_path / "a.antq", "đơn vị khác"),
        (a, tmp_path / "a.antq", "chính máy này"),
        (hub, tmp_path / "future.antq", "phiên bản 9.9.0"),
        (hub, tmp_path / "junk.antq", "không phải gói dữ liệu"),
        (hub, tmp_path / "missing.antq", "Không đọc được"),
    ]
    for db, path, message in cases:
        before = canonical_dump(db)
        with pytest.raises(UserError, match=message):
            import_bundle(db, path)
        assert canonical_dump(db) == before
    revoke(hub, net.ids["A"])
    with pytest.raises(UserError, match="thu hồi"):
        import_bundle(hub, tmp_path / "a.antq")
    with pytest.raises(UserError, match="thu hồi"):
        export_bundle(hub, net.ids["A"], tmp_path / "x.antq")


def test_unknown_sender_is_refused(templates: dict[str, Path], tmp_path: Path) -> None:
    from test_sync_support import setup_station

    stranger = setup_station(tmp_path / "c.sqlite3", "C")
    net = open_net(copy_templates(templates, tmp_path / "net"))
    try:
        # The stranger pairs one way only: the hub never accepted its card.
        pair(stranger, cards.own_card(net.dbs["hub"]))
        add_household(stranger, "Hộ lạ")
        export_bundle(stranger, net.ids["hub"], tmp_path / "c.antq")
        with pytest.raises(UserError, match="chưa ghép nối"):
            import_bundle(net.dbs["hub"], tmp_path / "c.antq")
    finally:
        stranger.dispose()
        net.close()


def test_a_failed_write_counts_nothing_and_leaves_no_file(net: Net, tmp_path: Path) -> None:
    a = net.dbs["A"]
    add_household(a, "Hộ A")
    target = tmp_path / "no-such-folder" / "a.antq"
    with pytest.raises(UserError, match="Không ghi được"):
        export_bundle(a, net.ids["hub"], target)
    assert not target.exists() and not list(tmp_path.glob("**/.a.antq.part"))
    assert export_bundle(a, net.ids["hub"], tmp_path / "a.antq").bundle_no == 1


# -- restore: a new incarnation ------------------------------------------------------------------


def test_restoring_an_older_backup_loses_nothing_the_upper_level_had(net: Net, tmp_path: Path) -> None:
    a, hub = net.dbs["A"], net.dbs["hub"]
    add_household(a, "Hộ trước sao lưu")
    send(a, hub, net.ids["hub"], tmp_path / "1.antq")
    send(hub, a, net.ids["A"], tmp_path / "h1.antq")
    a_path = a.path
    assert a_path is not None
    a.dispose()
    checkpoint(a_path)
    backup = tmp_path / "backup.sqlite3"
    shutil.copyfile(a_path, backup)
    a = net.dbs["A"] = Database(db_url(a_path))
    add_household(a, "Hộ sau sao lưu")  # reaches the upper level, then is lost here
    send(a, hub, net.ids["hub"], tmp_path / "2.antq")
    send(hub, a, net.ids["A"], tmp_path / "h2.antq")
    a.dispose()
    shutil.copyfile(backup, a_path)
    for suffix in ("-wal", "-shm"):
        Path(str(a_path) + suffix).unlink(missing_ok=True)
    a = net.dbs["A"] = Database(db_url(a_path))
    assert start_new_incarnation(a) not in (0, 1)
    add_household(a, "Hộ mới sau khôi phục")  # its change number was used before the restore
    send(a, hub, net.ids["hub"], tmp_path / "3.antq")
    send(hub, a, net.ids["A"], tmp_path / "h3.antq")
    expected = {"Hộ trước sao lưu", "Hộ sau sao lưu", "Hộ mới sau khôi phục"}
    assert live_households(hub) == expected
    assert live_households(a) == expected
    assert canonical_dump(a) == canonical_dump(hub, scope_for=net.ids["A"])


def test_status_counts_what_the_peer_has_not_acknowledged(net: Net, tmp_path: Path) -> None:
    a, hub = net.dbs["A"], net.dbs["hub"]
    add_household(a, "Hộ A")
    [before] = peer_status(a)
    assert before.unacknowledged > 0 and before.last_sent_at is None
    send(a, hub, net.ids["hub"], tmp_path / "1.antq")
    send(hub, a, net.ids["A"], tmp_path / "h.antq")
    [after] = peer_status(a)
    assert after.unacknowledged == 0
    assert after.last_bundle_out == 1 and after.last_bundle_in == 1
    assert after.days_since_exchange == 0 and not after.overdue


# -- PostgreSQL upper level ----------------------------------------------------------------------


def test_a_postgresql_upper_level_applies_and_returns_a_commune_bundle(
    pg_server: PgServer, templates: dict[str, Path], tmp_path: Path
) -> None:
    url = pg_server.create()
    hub = Database(url)
    net = open_net(copy_templates(templates, tmp_path / "net"))
    try:
        upgrade(hub)
        station_service.initialise(
            hub,
            station_service.SetupRequest(
                province_code="04",
                commune_code="01304",
                unit_name="Công an tỉnh Cao Bằng (PG)",
                admin_username="admin",
                admin_password="secret-1234",
                role="hub",
            ),
        )
        a = net.dbs["A"]
        hub_card = cards.own_card(hub)
        # The commune, already paired with a SQLite upper level, pairs with this one too.
        pair(hub, cards.own_card(a))
        pair(a, hub_card)
        for i in range(20):
            add_household(a, f"Hộ {i}")
        report = send(a, hub, hub_card.site_id, tmp_path / "a.antq")
        assert report.tables["household"].new == 20
        assert send(a, hub, hub_card.site_id, tmp_path / "a2.antq").totals.new == 0
        assert canonical_dump(a) == canonical_dump(hub, scope_for=net.ids["A"])
        send(hub, a, net.ids["A"], tmp_path / "h.antq")
        assert export_bundle(a, hub_card.site_id, tmp_path / "a3.antq").rows == 0
    finally:
        net.close()
        hub.dispose()
        pg_server.drop(url)


def test_pair_with_hub_helper_pairs_both_ways(templates: dict[str, Path], tmp_path: Path) -> None:
    net = open_net(copy_templates(templates, tmp_path / "n"))
    try:
        for name in ("A", "B"):
            with net.dbs[name].session() as s:
                assert s.get(Site, net.ids["hub"]).paired_at is not None  # type: ignore[union-attr]
        with pytest.raises(UserError, match="khóa khác"):
            from test_sync_support import setup_station

            other = setup_station(tmp_path / "other-hub.sqlite3", "hub")
            card = cards.own_card(other)
            other.dispose()
            forged = cards.SiteCard(**{**card.fields(), "site_id": net.ids["hub"]})
            pair(net.dbs["A"], forged)
    finally:
        net.close()
