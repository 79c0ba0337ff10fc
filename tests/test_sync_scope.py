"""Scope on import, the older-bundle message, conflicts named and closed on both sides (issue 16).

Real SQLite stations from ``test_sync_support`` (an upper level "hub", communes
"A" and "B"); the hostile cases alter a station's database directly, as someone
with the PC in hand could, and export its bundle through the ordinary code.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, text, true
from test_sync_support import (
    COMMUNES,
    Net,
    add_household,
    canonical_dump,
    copy_templates,
    make_templates,
    open_net,
)

from antq_desktop.services import reports
from antq_desktop.services.errors import UserError
from antq_desktop.storage.database import Database
from antq_desktop.storage.models import (
    AuditEntry,
    Award,
    AwardDecision,
    Household,
    MeetingType,
    ReportSubmission,
    Site,
    SyncConflict,
    SyncLog,
)
from antq_desktop.sync import bundle as bundle_module
from antq_desktop.sync import cards, export_bundle, import_bundle, list_conflicts, resolve
from antq_desktop.sync.labels import record_label
from antq_desktop.sync.rows import TABLES, ScopeContext, row_in_scope, scope_clause, scope_context_in
from antq_desktop.sync.scope_check import ScopeRefused

CODE_A, CODE_B = COMMUNES["A"][0], COMMUNES["B"][0]


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_templates(tmp_path_factory.mktemp("scope-templates"))


@pytest.fixture
def net(templates: dict[str, Path], tmp_path: Path) -> Iterator[Net]:
    n = open_net(copy_templates(templates, tmp_path / "net"))
    yield n
    n.close()


def send(src: Database, dst: Database, dst_id: str, path: Path, **kw: object):  # type: ignore[no-untyped-def]
    export_bundle(src, dst_id, path)
    return import_bundle(dst, path, **kw)  # type: ignore[arg-type]


def refusals(db: Database) -> list[AuditEntry]:
    with db.session() as s:
        rows = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "import_refused")))
        s.expunge_all()
        return rows


def counters(db: Database) -> list[tuple[object, ...]]:
    with db.session() as s:
        sites = s.execute(
            select(Site.id, Site.peer_acked_seq, Site.received_seq, Site.last_bundle_in, Site.incarnation)
        ).all()
        logs = s.scalar(select(func.count(SyncLog.id)))
        clock = s.execute(text("SELECT seq, hlc FROM sync_clock")).first()
        return [*sorted(tuple(r) for r in sites), logs, tuple(clock or ())]


def assert_refused_and_nothing_written(db: Database, path: Path, *, match: str) -> ScopeRefused:
    before_rows, before_counters, before_refusals = canonical_dump(db), counters(db), len(refusals(db))
    with pytest.raises(ScopeRefused, match=match) as info:
        import_bundle(db, path, dry_run=True)
    with pytest.raises(ScopeRefused, match=match) as info:
        import_bundle(db, path)
    assert canonical_dump(db) == before_rows
    assert counters(db) == before_counters
    entries = refusals(db)
    assert len(entries) == before_refusals + 2  # the dry run and the import: each refusal is on record
    assert entries[-1].note == info.value.vi and entries[-1].details["table"] == info.value.table
    return info.value


# -- one definition of scope: the SQL clause and the row predicate agree -----------------------------


def test_row_predicate_agrees_with_the_sql_scope_clause(net: Net, tmp_path: Path) -> None:
    a, b, hub = net.dbs["A"], net.dbs["B"], net.dbs["hub"]
    add_household(a, "Hộ xã A")
    add_household(b, "Hộ xã B")
    send(a, hub, net.ids["hub"], tmp_path / "a.antq")
    send(b, hub, net.ids["hub"], tmp_path / "b.antq")
    with hub.session() as s:
        for code, origin in ((CODE_A, None), (CODE_B, None), ("", None), (CODE_B, net.ids["A"]), ("", "x")):
            d = AwardDecision(number="1", symbol="QĐ", commune_code=code, origin_site=origin)
            s.add(d)
            s.flush()
            s.add(Award(decision_id=d.id, recipient_name=f"Người {code}", origin_site=origin))
        s.add(MeetingType(code="t-tinh", name="Loại của tỉnh", source="province"))
        s.add(MeetingType(code="t-a", name="Loại của xã A", source="local", origin_site=net.ids["A"]))
        for code in (CODE_A, CODE_B):
            s.add(
                ReportSubmission(
                    commune_code=code,
                    definition_code="nam",
                    period="2026",
                    period_start=date(2026, 1, 1),
                    period_end=date(2026, 12, 31),
                )
            )
    with hub.session() as s:
        conn = s.connection()
        codes = dict(conn.execute(select(AwardDecision.id, AwardDecision.commune_code)).all())
        contexts = [scope_context_in(s, s.get(Site, net.ids[n])) for n in ("A", "B")]
        contexts.append(ScopeContext("hub", "nobody", net.ids["hub"], frozenset(), ""))
        contexts.append(ScopeContext("commune", "x", "y", frozenset(), CODE_A))
        compared = 0
        for ctx in contexts:
            for t in TABLES:
                by_sql = set(conn.scalars(select(t.table.c.id).where(scope_clause(t, ctx))))
                rows = list(conn.execute(select(t.table)).mappings())
                by_row = {r["id"] for r in rows if row_in_scope(t, r, ctx, codes.get)}
                assert by_row == by_sql, (t.name, ctx)
                compared += len(rows)
        assert compared > 100


# -- a commune's bundle: only its own records -----------------------------------------------------


def test_award_decision_for_another_commune_injected_at_a_commune_is_refused_at_the_hub(
    net: Net, tmp_path: Path
) -> None:
    """The issue's case: a decision carrying commune B's code, written into A's database, reached B."""
    a, b, hub = net.dbs["A"], net.dbs["B"], net.dbs["hub"]
    add_household(a, "Nguyễn Văn An")
    send(a, hub, net.ids["hub"], tmp_path / "a0.antq")  # a normal first exchange
    with a.session() as s:  # stamped like any record: origin A, a version, a change number
        s.add(AwardDecision(number="15", symbol="QĐ-UBND", commune_code=CODE_B, occasion="Giả mạo"))
    export_bundle(a, net.ids["hub"], tmp_path / "a1.antq")
    refused = assert_refused_and_nothing_written(hub, tmp_path / "a1.antq", match="15/QĐ-UBND")
    assert refused.table == "award_decision" and refused.reason == "commune"
    assert f"mã xã {CODE_B}" in refused.vi and COMMUNES["A"][1] in refused.vi
    assert refused.vi.count(".") == 1 and refused.vi.endswith(".")  # one sentence
    # B never sees it: the hub has nothing of it to send.
    result = send(hub, b, net.ids["B"], tmp_path / "h-b.antq")
    assert "award_decision" not in result.tables
    with b.session() as s:
        assert s.scalar(select(func.count(AwardDecision.id))) == 0


def test_a_decision_forged_as_the_upper_levels_and_an_award_on_another_communes_decision_are_refused(
    net: Net, tmp_path: Path
) -> None:
    a, hub = net.dbs["A"], net.dbs["hub"]
    with hub.session() as s:
        s.add(AwardDecision(number="9", symbol="QĐ-CAT", commune_code=CODE_B))
    send(hub, net.dbs["B"], net.ids["B"], tmp_path / "h-b.antq")
    with a.session() as s:  # claims to be the upper level's own decision for B
        s.add(AwardDecision(number="16", symbol="QĐ-CAT", commune_code=CODE_B, origin_site=net.ids["hub"]))
    export_bundle(a, net.ids["hub"], tmp_path / "a1.antq")
    refused = assert_refused_and_nothing_written(hub, tmp_path / "a1.antq", match="16/QĐ-CAT")
    assert refused.reason == "scope"


def test_an_award_put_on_another_communes_decision_is_refused(net: Net, tmp_path: Path) -> None:
    """An award of A's origin on the hub's decision for B would be sent to B with that decision."""
    a, hub = net.dbs["A"], net.dbs["hub"]
    with hub.session() as s:
        d = AwardDecision(number="9", symbol="QĐ-CAT", commune_code=CODE_B)
        s.add(d)
        s.flush()
        decision_b = d.id
    with a.session() as s:
        own = AwardDecision(number="4", symbol="QĐ-UBND", commune_code=CODE_A)
        s.add(own)
        s.flush()
        s.add(Award(decision_id=own.id, recipient_name="Người ngoài"))
    con = sqlite3.connect(str(a.engine.url.database))  # by hand, foreign keys off (sqlite3's default)
    with con:
        con.execute("UPDATE award SET decision_id = ?", (decision_b,))
    con.close()
    export_bundle(a, net.ids["hub"], tmp_path / "a1.antq")
    refused = assert_refused_and_nothing_written(hub, tmp_path / "a1.antq", match="Người ngoài")
    assert refused.table == "award" and f"xã {CODE_B}" in refused.vi


def test_a_commune_cannot_approve_itself_or_undo_the_upper_levels_approval(net: Net, tmp_path: Path) -> None:
    a, hub = net.dbs["A"], net.dbs["hub"]
    with a.session() as s:  # a forged approval of its own period
        s.add(
            ReportSubmission(
                commune_code=CODE_A,
                definition_code="nam",
                period="2025",
                period_start=date(2025, 1, 1),
                period_end=date(2025, 12, 31),
                locked=True,
                locked_by="Công an tỉnh Cao Bằng",
            )
        )
    export_bundle(a, net.ids["hub"], tmp_path / "a1.antq")
    refused = assert_refused_and_nothing_written(hub, tmp_path / "a1.antq", match="kỳ 2025 của xã")
    assert refused.reason == "approval"


def test_an_upper_level_approval_comes_back_unchanged_and_a_commune_undoing_it_is_refused(
    net: Net, tmp_path: Path
) -> None:
    a, hub = net.dbs["A"], net.dbs["hub"]
    sub_id = reports.approve_period(hub, CODE_A, "2026", by="Công an tỉnh Cao Bằng")
    send(hub, a, net.ids["A"], tmp_path / "h1.antq")
    echo = send(a, hub, net.ids["hub"], tmp_path / "a1.antq")  # the echo merges as unchanged
    assert echo.tables["report_submission"].unchanged == 1
    with a.session() as s:
        row = s.get(ReportSubmission, sub_id)
        assert row is not None and row.locked
        row.locked = False  # no service does this: someone with the database in hand
    export_bundle(a, net.ids["hub"], tmp_path / "a2.antq")
    refused = assert_refused_and_nothing_written(hub, tmp_path / "a2.antq", match="kỳ 2026 của xã")
    assert refused.reason == "approval" and "phần duyệt" in refused.vi
    with hub.session() as s:
        assert s.get(ReportSubmission, sub_id).locked  # type: ignore[union-attr]


def test_a_commune_may_not_recode_or_delete_the_upper_levels_catalogue(net: Net, tmp_path: Path) -> None:
    a, b, hub = net.dbs["A"], net.dbs["B"], net.dbs["hub"]
    with hub.session() as s:
        t = MeetingType(code="t-tinh", name="Hội nghị của tỉnh", source="province")
        s.add(t)
        s.flush()
        tid = t.id
    send(hub, a, net.ids["A"], tmp_path / "h1.antq")
    with a.session() as s:  # the code is what every commune's report counts by
        s.get(MeetingType, tid).code = "hop_dan"  # type: ignore[union-attr]
    export_bundle(a, net.ids["hub"], tmp_path / "a1.antq")
    refused = assert_refused_and_nothing_written(hub, tmp_path / "a1.antq", match="Hội nghị của tỉnh")
    assert refused.reason == "catalogue" and refused.table == "meeting_type"
    send(hub, b, net.ids["B"], tmp_path / "h-b.antq")
    with b.session() as s:
        assert s.get(MeetingType, tid).code == "t-tinh"  # type: ignore[union-attr]


# -- the upper level's bundle: only what travels down ---------------------------------------------


def test_hub_bundle_carrying_another_communes_household_is_refused_at_a_commune(
    net: Net, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, hub = net.dbs["A"], net.dbs["B"], net.dbs["hub"]
    add_household(b, "Trần Thị Bình")
    send(b, hub, net.ids["hub"], tmp_path / "b1.antq")
    original = bundle_module.scope_clause
    # An upper level whose program was altered: households of every commune go to A.
    monkeypatch.setattr(
        bundle_module,
        "scope_clause",
        lambda t, ctx: true() if t.name == "household" else original(t, ctx),
    )
    export_bundle(hub, net.ids["A"], tmp_path / "h1.antq")
    monkeypatch.undo()
    refused = assert_refused_and_nothing_written(a, tmp_path / "h1.antq", match="hộ Trần Thị Bình")
    assert refused.table == "household" and refused.reason == "scope"
    assert COMMUNES["A"][0] in refused.vi


def test_hub_bundle_that_makes_another_commune_one_of_a_communes_stations_is_refused(
    net: Net, tmp_path: Path
) -> None:
    a, b, hub = net.dbs["A"], net.dbs["B"], net.dbs["hub"]
    add_household(b, "Trần Thị Bình")
    send(b, hub, net.ids["hub"], tmp_path / "b1.antq")
    with hub.session() as s:  # the hub's database altered: B's station now "belongs" to A's commune
        s.get(Site, net.ids["B"]).commune_code = CODE_A  # type: ignore[union-attr]
    export_bundle(hub, net.ids["A"], tmp_path / "h1.antq")
    refused = assert_refused_and_nothing_written(a, tmp_path / "h1.antq", match=f"mang mã xã {CODE_B}")
    assert refused.table == "commune"


# -- legitimate exchanges still work --------------------------------------------------------------


def test_a_legitimate_province_exchange_passes_the_check_both_ways(net: Net, tmp_path: Path) -> None:
    a, b, hub = net.dbs["A"], net.dbs["B"], net.dbs["hub"]
    hid = add_household(a, "Nguyễn Văn An")
    add_household(b, "Trần Thị Bình")
    with a.session() as s:
        s.add(AwardDecision(number="3", symbol="QĐ-UBND", commune_code=CODE_A))
        s.add(MeetingType(code="t-xa", name="Loại của xã A", source="local"))
    with hub.session() as s:
        d = AwardDecision(number="8", symbol="QĐ-CAT", commune_code=CODE_A, status="draft")
        s.add(d)
        s.flush()
        s.add(Award(decision_id=d.id, recipient_name="Nguyễn Văn An"))
        s.add(MeetingType(code="t-tinh", name="Hội nghị của tỉnh", source="province"))
        did = d.id
    reports.mark_sent(a, "2026")
    for rnd in range(2):
        for name in ("A", "B"):
            send(net.dbs[name], hub, net.ids["hub"], tmp_path / f"{rnd}-{name}-up.antq")
            send(hub, net.dbs[name], net.ids[name], tmp_path / f"{rnd}-{name}-down.antq")
        if rnd == 0:
            reports.approve_period(hub, CODE_A, "2026", by="Công an tỉnh Cao Bằng")
            with a.session() as s:  # a commune edits a decision the upper level made for it
                s.get(AwardDecision, did).achievement = "Thành tích tốt"  # type: ignore[union-attr]
            with pytest.raises(UserError, match="cấp trên chỉ xem"), hub.session() as s:
                s.get(Household, hid).phone = "0912345678"  # type: ignore[union-attr]  # read-only at the hub
            with hub.session() as s:  # the upper level changes its own catalogue entry: it travels down
                s.scalars(
                    select(MeetingType).where(MeetingType.code == "t-tinh")
                ).one().name = "Hội nghị tỉnh"
    for name in ("A", "B"):
        assert canonical_dump(net.dbs[name]) == canonical_dump(hub, scope_for=net.ids[name])
    assert refusals(hub) == [] and refusals(a) == [] and refusals(b) == []
    with a.session() as s:
        assert s.get(Household, hid).phone != "0912345678"  # type: ignore[union-attr]
        assert s.scalar(select(MeetingType.name).where(MeetingType.code == "t-tinh")) == "Hội nghị tỉnh"
        assert s.scalar(select(ReportSubmission.locked).where(ReportSubmission.commune_code == CODE_A))


def test_an_upper_level_restored_from_an_older_backup_gets_its_own_rows_back_from_a_commune(
    net: Net, tmp_path: Path
) -> None:
    """The hub's own decision, catalogue entry and approval, made after its backup, come back."""
    from antq_desktop.services.sync_status import start_new_incarnation
    from antq_desktop.storage.backup import backup_to

    a, hub = net.dbs["A"], net.dbs["hub"]
    backup = tmp_path / "hub-backup.sqlite3"
    backup_to(hub, backup)
    with hub.session() as s:
        s.add(AwardDecision(number="8", symbol="QĐ-CAT", commune_code=CODE_A))
        s.add(MeetingType(code="t-tinh", name="Hội nghị của tỉnh", source="province"))
    reports.approve_period(hub, CODE_A, "2026", by="Công an tỉnh Cao Bằng")
    send(hub, a, net.ids["A"], tmp_path / "h1.antq")
    hub_path = Path(str(hub.engine.url.database))
    hub.dispose()
    shutil.copyfile(backup, hub_path)
    for suffix in ("-wal", "-shm"):
        Path(str(hub_path) + suffix).unlink(missing_ok=True)
    start_new_incarnation(hub)
    send(a, hub, net.ids["hub"], tmp_path / "a1.antq")
    send(hub, a, net.ids["A"], tmp_path / "h2.antq")
    assert canonical_dump(a) == canonical_dump(hub, scope_for=net.ids["A"])
    with hub.session() as s:
        assert s.scalar(select(ReportSubmission.locked))
        assert s.scalar(select(func.count(MeetingType.id)).where(MeetingType.code == "t-tinh")) == 1


# -- an older bundle says so ----------------------------------------------------------------------


def test_an_older_never_imported_bundle_is_not_called_already_imported(net: Net, tmp_path: Path) -> None:
    a, hub = net.dbs["A"], net.dbs["hub"]
    add_household(a, "Hộ một")
    export_bundle(a, net.ids["hub"], tmp_path / "1.antq")
    add_household(a, "Hộ hai")
    export_bundle(a, net.ids["hub"], tmp_path / "2.antq")
    first = import_bundle(hub, tmp_path / "2.antq")
    assert not first.seen_before and not first.older_than_received and first.note() == ""
    old = import_bundle(hub, tmp_path / "1.antq")
    assert not old.seen_before and old.older_than_received
    assert old.totals.new == old.totals.changed == 0  # its rows merged: nothing left to do
    assert old.note() == f"Gói này cũ hơn gói số 2 đã nhận từ {COMMUNES['A'][1]}: không có gì cần nhập."
    assert old.note(False).endswith("nothing to do.")
    assert old.as_dict()["older_than_received"] and old.as_dict()["note"] == old.note()
    again = import_bundle(hub, tmp_path / "2.antq")
    assert again.seen_before and not again.older_than_received
    assert again.note() == "Gói này đã được nhập trước đó: không có gì thay đổi."


# -- conflicts: named, and closed on both sides ---------------------------------------------------


def _hub_decision(net: Net, tmp_path: Path) -> str:
    """A decision the upper level made for commune A, sent down: both may change it (the hub reads
    the commune's own records only — docs/sync.md — so a crossing edit needs a record both write)."""
    hub = net.dbs["hub"]
    with hub.session() as s:
        d = AwardDecision(number="8", symbol="QĐ-CAT", commune_code=CODE_A, status="draft")
        s.add(d)
        s.flush()
        did = d.id
    send(hub, net.dbs["A"], net.ids["A"], tmp_path / "decision.antq")
    return did


def _crossing_edit(net: Net, tmp_path: Path, did: str, tag: str) -> None:
    """The hub and A change the same decision's achievement, and their bundles cross in flight."""
    a, hub = net.dbs["A"], net.dbs["hub"]
    with hub.session() as s:
        s.get(AwardDecision, did).achievement = "Thành tích của tỉnh"  # type: ignore[union-attr]
    with a.session() as s:
        s.get(AwardDecision, did).achievement = "Thành tích của xã"  # type: ignore[union-attr]
    export_bundle(a, net.ids["hub"], tmp_path / f"{tag}-a.antq")
    export_bundle(hub, net.ids["A"], tmp_path / f"{tag}-h.antq")
    import_bundle(hub, tmp_path / f"{tag}-a.antq")
    import_bundle(a, tmp_path / f"{tag}-h.antq")


def test_conflicts_name_their_record_as_a_person_knows_it(net: Net, tmp_path: Path) -> None:
    a, hub = net.dbs["A"], net.dbs["hub"]
    did = _hub_decision(net, tmp_path)
    _crossing_edit(net, tmp_path, did, "x")
    for db in (a, hub):
        found = list_conflicts(db)
        assert [(c.table, c.field) for c in found] == [("award_decision", "achievement")]
        assert found[0].record_label == "8/QĐ-CAT"
        assert found[0].as_dict()["record_label"] == "8/QĐ-CAT"


def test_a_household_is_named_by_its_head_and_village(net: Net) -> None:
    a = net.dbs["A"]
    hid = add_household(a, "Lê Văn Cường")
    with a.session() as s:
        row = dict(s.execute(select(Household.__table__).where(Household.id == hid)).mappings().one())
        assert record_label(s, "household", row, hid) == "hộ Lê Văn Cường, Thôn Một"


@pytest.mark.parametrize("action", ["keep", "restore"])
def test_a_conflict_resolved_at_the_hub_closes_at_the_commune_after_one_exchange(
    net: Net, tmp_path: Path, action: str
) -> None:
    a, hub = net.dbs["A"], net.dbs["hub"]
    did = _hub_decision(net, tmp_path)
    _crossing_edit(net, tmp_path, did, "x")
    at_hub, at_a = list_conflicts(hub), list_conflicts(a)
    assert len(at_hub) == 1 and len(at_a) == 1
    resolve(hub, at_hub[0].id, action)
    with hub.session() as s:
        chosen = s.get(AwardDecision, did).achievement  # type: ignore[union-attr]
    expected = at_hub[0].winner_value if action == "keep" else at_hub[0].loser_value
    assert chosen == expected
    send(hub, a, net.ids["A"], tmp_path / "1.antq")
    assert list_conflicts(a) == []
    with a.session() as s:
        assert s.get(AwardDecision, did).achievement == chosen  # type: ignore[union-attr]
        assert s.scalar(select(SyncConflict.resolution)) == "superseded"
    send(a, hub, net.ids["hub"], tmp_path / "2.antq")
    assert list_conflicts(hub) == []
    assert canonical_dump(a) == canonical_dump(hub, scope_for=net.ids["A"])


def test_a_conflict_resolved_at_the_commune_closes_at_the_hub(net: Net, tmp_path: Path) -> None:
    a, hub = net.dbs["A"], net.dbs["hub"]
    did = _hub_decision(net, tmp_path)
    _crossing_edit(net, tmp_path, did, "x")
    resolve(a, list_conflicts(a)[0].id, "keep")
    send(a, hub, net.ids["hub"], tmp_path / "1.antq")
    assert list_conflicts(hub) == []


# -- the command line ------------------------------------------------------------------------------


def _data_dir(db: Database, folder: Path) -> Path:
    src = Path(str(db.engine.url.database))
    db.dispose()
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, folder / "antq.sqlite3")
    return folder


def test_cli_prints_the_refusal_the_older_bundle_and_named_conflicts(
    net: Net, tmp_path: Path, run_cli
) -> None:  # type: ignore[no-untyped-def]
    a, hub = net.dbs["A"], net.dbs["hub"]
    add_household(a, "Lê Văn Cường")
    did = _hub_decision(net, tmp_path)
    export_bundle(a, net.ids["hub"], tmp_path / "1.antq")
    add_household(a, "Hộ hai")
    export_bundle(a, net.ids["hub"], tmp_path / "2.antq")
    import_bundle(hub, tmp_path / "2.antq")
    _crossing_edit(net, tmp_path, did, "x")
    with a.session() as s:
        s.add(AwardDecision(number="15", symbol="QĐ-UBND", commune_code=CODE_B))
    export_bundle(a, net.ids["hub"], tmp_path / "bad.antq")
    hub_dir = _data_dir(hub, tmp_path / "hub-dir")

    old = run_cli("--data-dir", hub_dir, "sync", "import", tmp_path / "1.antq")
    assert old.returncode == 0, old.stderr
    assert f"Gói này cũ hơn gói số 3 đã nhận từ {COMMUNES['A'][1]}: không có gì cần nhập." in old.stdout
    assert "đã được nhập trước đó" not in old.stdout

    bad = run_cli("--data-dir", hub_dir, "sync", "import", tmp_path / "bad.antq", "--json")
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert "15/QĐ-UBND" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1

    listed = run_cli("--data-dir", hub_dir, "sync", "conflicts")
    assert listed.returncode == 0, listed.stderr
    assert "“8/QĐ-CAT”" in listed.stdout and "[" not in listed.stdout
    as_json = json.loads(run_cli("--data-dir", hub_dir, "sync", "conflicts", "--json").stdout)
    assert as_json["conflicts"][0]["record_label"] == "8/QĐ-CAT"


def test_a_commune_rebuilt_on_a_new_pc_gets_its_own_records_back_through_the_check(
    net: Net, tmp_path: Path
) -> None:
    """Recovery: rows of the old station's origin are the new station's own commune's records."""
    from test_sync_support import setup_station

    a, hub = net.dbs["A"], net.dbs["hub"]
    add_household(a, "Nguyễn Văn An")
    with hub.session() as s:
        s.add(AwardDecision(number="8", symbol="QĐ-CAT", commune_code=CODE_A))
    reports.mark_sent(a, "2026")
    send(a, hub, net.ids["hub"], tmp_path / "a1.antq")
    reports.approve_period(hub, CODE_A, "2026", by="Công an tỉnh Cao Bằng")
    new_pc = setup_station(tmp_path / "A2.sqlite3", "A")
    try:
        hub_card, new_card = cards.own_card(hub), cards.own_card(new_pc)
        cards.pair(new_pc, hub_card, fingerprint=hub_card.fingerprint)
        cards.pair(hub, new_card, fingerprint=new_card.fingerprint, replaces=net.ids["A"])
        with new_pc.session() as s:
            new_id = s.scalar(select(Site.id).where(Site.is_self.is_(True)))
        back = send(hub, new_pc, new_id, tmp_path / "full.antq")
        assert back.totals.new > 0
        with new_pc.session() as s:
            assert s.scalar(select(Household.head_name).where(Household.head_name == "Nguyễn Văn An"))
            assert s.scalar(select(ReportSubmission.locked))
        send(new_pc, hub, net.ids["hub"], tmp_path / "up.antq")
        send(hub, new_pc, new_id, tmp_path / "down.antq")
        assert canonical_dump(new_pc) == canonical_dump(hub, scope_for=new_id)
        assert refusals(hub) == [] and refusals(new_pc) == []
    finally:
        new_pc.dispose()


def test_a_postgresql_upper_level_refuses_an_injected_row_and_records_it(
    pg_server, templates: dict[str, Path], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from antq_desktop.services import station as station_service
    from antq_desktop.storage.migrate import upgrade
    from antq_desktop.sync import cards

    url = pg_server.create()
    hub = Database(url)
    n = open_net(copy_templates(templates, tmp_path / "net"))
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
        a = n.dbs["A"]
        hub_card = cards.own_card(hub)
        cards.pair(hub, cards.own_card(a))
        cards.pair(a, hub_card)
        add_household(a, "Nguyễn Văn An")
        send(a, hub, hub_card.site_id, tmp_path / "a0.antq")
        with a.session() as s:
            s.add(AwardDecision(number="15", symbol="QĐ-UBND", commune_code=CODE_B))
        export_bundle(a, hub_card.site_id, tmp_path / "a1.antq")
        refused = assert_refused_and_nothing_written(hub, tmp_path / "a1.antq", match="15/QĐ-UBND")
        assert refused.table == "award_decision"
    finally:
        n.close()
        hub.dispose()
        pg_server.drop(url)
