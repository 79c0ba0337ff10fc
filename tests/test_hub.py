"""The upper level's hub end to end: three communes, one hub, real processes, SQLite and PostgreSQL.

Three commune data directories with different records (a demo commune each,
different sizes and seeds, plus items handed in, tips, surrenders, mediations
and village assessments) are paired with one hub; each exports a bundle with
``antq sync export``; the hub imports all three with ``antq sync import``.
Then ``antq hub communes --json`` must show each commune's own figures, and
``antq hub report`` must equal the sum of the three communes' own
``antq report`` — every count and quantity summed, every percentage recomputed
from the summed numerator and denominator (not averaged). The same run with
the hub on PostgreSQL through ``--db-url`` when ``ANTQ_TEST_PG_URL`` is set.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select, update
from test_sync_support import COMMUNES, PROVINCE, pair_with_hub, setup_station, site_id

from antq_desktop.services import assessments as asm
from antq_desktop.services import commitments as cm
from antq_desktop.services import demo
from antq_desktop.services import groups as groups_service
from antq_desktop.services import hub as hub_service
from antq_desktop.services import reports as rp
from antq_desktop.services import results as rs
from antq_desktop.services import station as station_service
from antq_desktop.services.errors import UserError
from antq_desktop.storage.database import Database
from antq_desktop.storage.migrate import upgrade
from antq_desktop.storage.models import (
    Award,
    AwardDecision,
    Commitment,
    Group,
    GroupType,
    Household,
    Meeting,
    MeetingType,
    Membership,
    Opinion,
    Site,
    Village,
)

Cli = Callable[..., CompletedProcess[str]]
TODAY = date(2026, 10, 1)  # the demo's "today": every record inside the 2026 report year
HUB_UNIT = "Công an tỉnh Cao Bằng"
# commune key → (demo households, seed)
SIZES = {"A": (24, 11), "B": (37, 22), "C": (52, 33)}


def ok(result: CompletedProcess[str]) -> CompletedProcess[str]:
    assert result.returncode == 0, result.stderr
    return result


def fill_commune(db: Database, key: str) -> None:
    """A demo commune plus the records the demo does not make, different numbers per commune."""
    n, seed = SIZES[key]
    with db.session() as s:
        demo.DemoBuilder(db, seed, TODAY).build(s, n, None)
    k = "ABC".index(key) + 1
    villages = dict((name, vid) for vid, name in _villages(db))
    for i in range(k):
        rs.save(db, rs.HandedInDraft(date(2026, 3, 1 + i), "sung_tu_che", 1 + i, villages["Thôn Một"]))
        rs.save(db, rs.HandedInDraft(date(2026, 4, 1 + i), "phao", 0.5 * k))
        rs.save(db, rs.TipDraft(date(2026, 5, 1 + i), led_to_case=i % 2 == 0))
        rs.save(db, rs.MediationDraft(date(2026, 6, 1 + i), successful=i > 0))
    rs.save(db, rs.SurrenderDraft(date(2026, 7, 1), persons=k))
    every = {c["code"]: True for c in asm.criteria(db)}
    for name in list(villages)[: min(k, 2)]:
        asm.save_assessment(db, asm.AssessmentDraft(villages[name], 2026, registered=True))
    if key == "C":  # one recognised village: every household of Thôn Một signs 2026
        with db.session() as s:
            ids = list(s.scalars(select(Household.id).where(Household.village_id == villages["Thôn Một"])))
        cm.mark(db, ids, 2026, cm.Mark("signed", signed_on=date(2026, 2, 1)))
        asm.save_assessment(
            db,
            asm.AssessmentDraft(
                villages["Thôn Một"],
                2026,
                registered=True,
                criteria=every,
                result="recognised",
                decision_number="7/QĐ-UBND",
                decision_on=date(2026, 11, 2),
            ),
        )


def _villages(db: Database) -> list[tuple[str, str]]:
    with db.session() as s:
        return [
            tuple(r) for r in s.execute(select(Village.id, Village.name).where(Village.deleted.is_(False)))
        ]  # type: ignore[misc]


def setup_pg_hub(url: str) -> Database:
    db = Database(url)
    upgrade(db)
    station_service.initialise(
        db,
        station_service.SetupRequest(
            province_code=PROVINCE,
            commune_code="01304",
            unit_name=HUB_UNIT,
            admin_username="admin",
            admin_password="secret-1234",
            role="hub",
        ),
    )
    return db


def values(report_json: dict[str, Any]) -> dict[str, Any]:
    return {i["code"]: i for i in report_json["indicators"]}


def run_network(run_cli: Cli, tmp: Path, hub_url: str | None) -> None:
    """Three communes → bundles → one hub; every comparison the module docstring lists."""
    hub_dir = tmp / "tinh"
    hub_dir.mkdir(parents=True)
    hub_args: list[object] = ["--data-dir", hub_dir]
    if hub_url:
        hub_db = setup_pg_hub(hub_url)
        hub_args = ["--db-url", hub_url, *hub_args]
    else:
        hub_db = setup_station(hub_dir / "antq.sqlite3", "hub")
    hub_id = site_id(hub_db)
    own: dict[str, dict[str, Any]] = {}
    dirs: dict[str, Path] = {}
    try:
        for key in COMMUNES:
            d = tmp / f"xa-{key}"
            d.mkdir()
            db = setup_station(d / "antq.sqlite3", key)
            try:
                fill_commune(db, key)
                pair_with_hub(hub_db, db)
            finally:
                db.dispose()
            dirs[key] = d
    finally:
        hub_db.dispose()

    for key, d in dirs.items():
        ok(run_cli("--data-dir", d, "sync", "export", "--to", hub_id, "-o", tmp / f"{key}.antq"))
        own[key] = json.loads(
            ok(run_cli("--data-dir", d, "report", "--period", "2026", "--format", "json")).stdout
        )
        ok(run_cli(*hub_args, "sync", "import", tmp / f"{key}.antq"))

    # The communes differ, and the figures the test compares are not all zero.
    households = [values(own[k])["households.total"]["value"] for k in COMMUNES]
    assert households == [SIZES[k][0] for k in COMMUNES]
    for code in ("models.groups", "meetings.total", "awards.total", "handed_in.guns", "tips.total"):
        assert all(values(own[k])[code]["value"] > 0 for k in COMMUNES), code
    assert values(own["C"])["villages.recognised"]["value"] == 1

    # antq hub communes --json: each commune's own figures.
    view = json.loads(ok(run_cli(*hub_args, "hub", "communes", "--period", "2026", "--json")).stdout)
    assert view["province_code"] == PROVINCE and view["unit_name"] == HUB_UNIT
    rows = {c["commune_code"]: c for c in view["communes"]}
    assert set(rows) == {code for code, _ in COMMUNES.values()}
    for key, (code, unit) in COMMUNES.items():
        row, mine = rows[code], values(own[key])
        assert row["paired"] and row["unit_name"] == unit and row["last_bundle_in"] == 1
        assert row["days_since_received"] == 0 and not row["overdue"]
        for fig, indicator in hub_service.TABLE_FIGURES.items():
            assert row["figures"][fig] == mine[indicator]["value"], (key, fig)
        assert row["figures"]["opinions_open"] == (
            mine["meetings.opinions_received"]["value"] - mine["meetings.opinions_answered"]["value"]
        )
        assert row["unacknowledged"] > 0, "the echo of the commune's rows is still to go down"

    # The province report: the sum of the communes' own reports.
    province = json.loads(
        ok(run_cli(*hub_args, "hub", "report", "--period", "2026", "--format", "json")).stdout
    )
    assert province["unit"]["unit_name"] == HUB_UNIT
    assert sorted(province["unit"]["communes"]) == sorted(rows)
    total = values(province)
    summed = {code: sum(values(own[k])[code]["value"] for k in COMMUNES) for code in total}
    # A count of kinds counts each kind once over the communes (services.reports.DISTINCT).
    kinds: set[str] = set()
    for d in dirs.values():
        db = Database(f"sqlite:///{d / 'antq.sqlite3'}")
        try:
            kinds |= rp.model_type_codes(groups_service.figures(db, date(2026, 1, 1), date(2026, 12, 31)))
        finally:
            db.dispose()
    assert 0 < len(kinds) < summed["models.types"]
    summed["models.types"] = len(kinds)
    for code, fig in total.items():
        if fig["unit"] == "%":
            continue
        assert fig["value"] == pytest.approx(summed[code]), code
        parts: dict[str, float] = {}
        for k in COMMUNES:
            for b in values(own[k])[code]["breakdown"]:
                parts[b["label"]] = parts.get(b["label"], 0) + b["value"]
        assert {b["label"]: b["value"] for b in fig["breakdown"]} == pytest.approx(parts), code

    def pct(num: str, den: str) -> float:
        return round(summed[num] * 100 / summed[den], 2) if summed[den] else 0.0

    assert total["households.signed_pct"]["value"] == pct("households.signed", "households.total")
    assert total["villages.recognised_pct"]["value"] == pct("villages.recognised", "villages.registered")
    averaged = sum(values(own[k])["villages.recognised_pct"]["value"] for k in COMMUNES) / 3
    assert total["villages.recognised_pct"]["value"] != pytest.approx(averaged), "recomputed, not averaged"

    # PDF and Excel of the province report.
    pdf = tmp / "tinh.pdf"
    out = ok(run_cli(*hub_args, "hub", "report", "--period", "2026", "-o", pdf)).stdout
    assert "báo cáo toàn tỉnh năm 2026" in out
    text = unicodedata.normalize("NFC", " ".join(p.extract_text() for p in PdfReader(pdf).pages))
    assert "CÔNG AN TỈNH CAO BẰNG" in text.upper() and "năm 2026" in text
    ok(run_cli(*hub_args, "hub", "report", "--period", "2026", "-o", tmp / "tinh.xlsx"))
    from openpyxl import load_workbook

    sheet = load_workbook(tmp / "tinh.xlsx").active
    by_code = {r[1]: r[4] for r in sheet.iter_rows(min_row=6, values_only=True) if r[1]}
    assert by_code["households.total"] == sum(households)

    # A round trip with commune A: the hub's echo goes down, A acknowledges it in its next bundle.
    code_a = COMMUNES["A"][0]
    ok(run_cli(*hub_args, "sync", "export", "--to", code_a, "-o", tmp / "down-A.antq"))
    ok(run_cli("--data-dir", dirs["A"], "sync", "import", tmp / "down-A.antq"))
    ok(run_cli("--data-dir", dirs["A"], "sync", "export", "--to", hub_id, "-o", tmp / "A2.antq"))
    ok(run_cli(*hub_args, "sync", "import", tmp / "A2.antq"))
    again = json.loads(ok(run_cli(*hub_args, "hub", "communes", "--period", "2026", "--json")).stdout)
    after = {c["commune_code"]: c for c in again["communes"]}
    assert after[code_a]["unacknowledged"] == 0 and after[code_a]["last_bundle_in"] == 2
    assert after[COMMUNES["B"][0]]["unacknowledged"] == rows[COMMUNES["B"][0]]["unacknowledged"]


@pytest.mark.slow
def test_three_communes_and_a_sqlite_hub_the_province_report_is_their_sum(
    run_cli: Cli, tmp_path: Path
) -> None:
    run_network(run_cli, tmp_path, None)


@pytest.mark.slow
def test_the_same_on_a_postgresql_hub_through_db_url(run_cli: Cli, tmp_path: Path, pg_url: str) -> None:
    run_network(run_cli, tmp_path, pg_url)


def test_hub_commands_refuse_a_commune_station_and_a_bad_db_url(run_cli: Cli, tmp_path: Path) -> None:
    d = tmp_path / "xa"
    d.mkdir()
    setup_station(d / "antq.sqlite3", "A").dispose()
    refused = run_cli("--data-dir", d, "hub", "communes")
    assert refused.returncode == 1 and "máy tổng hợp" in refused.stderr and refused.stderr.count("\n") == 1
    bad = run_cli("--db-url", "không-phải-url", "--data-dir", d, "info")
    assert bad.returncode == 1 and "--db-url" in bad.stderr and bad.stderr.count("\n") == 1
    pdf = run_cli("--data-dir", d, "hub", "report", "--period", "2026", "--format", "pdf")
    assert pdf.returncode == 1 and "-o" in pdf.stderr


def _first(conn: Any, model: Any, *where: Any) -> str:
    return str(conn.scalar(select(model.id).where(*where).order_by(model.id).limit(1)))


def _tangle(hub: Database, sites: dict[str, str]) -> None:
    """Rows the table's grouped queries must count exactly as one scoped report per commune does.

    Raw writes at the hub (no stamping): tombstones, groups out of use, kinds deleted, rows of one
    commune pointing at another commune's, kinds and an award decision made at the hub.
    """
    a, b = sites["A"], sites["B"]
    with hub.engine.begin() as c:
        ha, hb = (_first(c, Household, Household.origin_site == x) for x in (a, b))
        va = c.scalar(select(Household.village_id).where(Household.id == ha))
        # A tombstoned village of A: its households leave the counts.
        c.execute(update(Village).where(Village.id == va).values(deleted=True))
        # A household of B filed in a village of A: it counts for neither commune.
        other_a = _first(c, Village, Village.origin_site == a, Village.id != va)
        c.execute(update(Household).where(Household.id == hb).values(village_id=other_a))
        # A commitment of a household of B, made by A's station: not B's signature.
        signed_b = _first(
            c, Commitment, Commitment.origin_site == b, Commitment.year == 2026, Commitment.status == "signed"
        )
        c.execute(update(Commitment).where(Commitment.id == signed_b).values(origin_site=a))
        # Groups: one of A dissolved before the year's end, one founded after it; a kind of B deleted.
        g1, g2 = (
            str(x)
            for x in c.scalars(
                select(Group.id)
                .where(Group.origin_site == a, Group.deleted.is_(False))
                .order_by(Group.id)
                .limit(2)
            )
        )
        c.execute(update(Group).where(Group.id == g1).values(status="dissolved", status_on=date(2026, 6, 1)))
        c.execute(update(Group).where(Group.id == g2).values(founded_on=date(2027, 1, 5)))
        kind_b = c.scalar(
            select(Group.type_id).where(Group.origin_site == b, Group.deleted.is_(False)).limit(1)
        )
        c.execute(update(GroupType).where(GroupType.id == kind_b).values(deleted=True))
        # A membership of B in a group of A; an outside member of A twice (counted once).
        m_b = _first(c, Membership, Membership.origin_site == b, Membership.deleted.is_(False))
        g_a = _first(c, Group, Group.origin_site == a, Group.deleted.is_(False), Group.id.not_in([g1, g2]))
        c.execute(update(Membership).where(Membership.id == m_b).values(group_id=g_a))
        for m in c.scalars(
            select(Membership.id).where(Membership.origin_site == a, Membership.group_id == g_a).limit(2)
        ):
            c.execute(
                update(Membership)
                .where(Membership.id == m)
                .values(person_id=None, outside_name="Lò Văn Ngoài", outside_info='{"birth_year": 1980}')
            )
        # A meeting kind of A deleted; an opinion of B raised at a meeting of A.
        kind_a = c.scalar(select(Meeting.type_id).where(Meeting.origin_site == a).limit(1))
        c.execute(update(MeetingType).where(MeetingType.id == kind_a).values(deleted=True))
        meeting_a = _first(c, Meeting, Meeting.origin_site == a, Meeting.type_id != kind_a)
        o_b = _first(c, Opinion, Opinion.origin_site == b)
        c.execute(update(Opinion).where(Opinion.id == o_b).values(meeting_id=meeting_a))
        # Meeting kinds made at the hub: its own (not built in) is every commune's, an old copy of a
        # built-in kind seeded by the hub itself (before built-ins had one id, migration 0009) is no
        # commune's — a meeting of B of the first kind counts, one of A of the second does not.
        hub_id = c.scalar(select(Site.id).where(Site.is_self.is_(True)))
        shared = _first(c, MeetingType, MeetingType.source == "builtin")
        kind = dict(c.execute(select(MeetingType.__table__).where(MeetingType.id == shared)).mappings().one())
        hub_builtin = "00000000-0000-4000-8000-0000000000c0"
        kind.update(id=hub_builtin, origin_site=hub_id, modified_by_site=hub_id)
        c.execute(MeetingType.__table__.insert().values(**kind))
        kind.update(id="00000000-0000-4000-8000-0000000000c1", code="hop_cap_tren", source="local")
        c.execute(MeetingType.__table__.insert().values(**kind))
        for origin, type_id in ((b, kind["id"]), (a, hub_builtin)):
            m = _first(
                c, Meeting, Meeting.origin_site == origin, Meeting.id != meeting_a, Meeting.deleted.is_(False)
            )
            c.execute(update(Meeting).where(Meeting.id == m).values(type_id=type_id))
        # The upper level's own decision for commune A (made at the hub), with two awards, and an
        # award of B moved onto it: A's, not B's.
        decision = _first(c, AwardDecision, AwardDecision.origin_site == a)
        row = dict(
            c.execute(select(AwardDecision.__table__).where(AwardDecision.id == decision)).mappings().one()
        )
        row.update(
            id="00000000-0000-4000-8000-0000000000d1",
            origin_site=hub_id,
            status="issued",
            decided_on=date(2026, 8, 19),
            commune_code=COMMUNES["A"][0],
        )
        c.execute(AwardDecision.__table__.insert().values(**row))
        for n, award in enumerate(c.execute(select(Award.__table__).limit(2)).mappings()):
            c.execute(
                Award.__table__.insert().values(
                    **{
                        **award,
                        "id": f"00000000-0000-4000-8000-00000000000{n}",
                        "origin_site": hub_id,
                        "decision_id": row["id"],
                        "verification_code": f"HUB{n}",
                    }
                )
            )
        award_b = _first(c, Award, Award.origin_site == b, Award.deleted.is_(False))
        c.execute(update(Award).where(Award.id == award_b).values(decision_id=row["id"]))
    # The hub approves a period of A (a report row of the hub's, in A's scope) and of a commune it
    # does not know (in no commune's scope).
    hub_service.approve(hub, COMMUNES["A"][0], "2026-Q3", reason="đã duyệt")
    rp.approve_period(hub, "01321", "2026-Q3", by="Công an tỉnh Cao Bằng")


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_the_tables_grouped_figures_equal_each_communes_scoped_report(
    tmp_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    """list_communes reads each source once for the hub; every figure equals the commune's scoped report."""
    from antq_desktop.sync import export_bundle, import_bundle

    if backend == "postgresql":
        hub = setup_pg_hub(request.getfixturevalue("pg_url"))
    else:
        hub = setup_station(tmp_path / "hub.sqlite3", "hub")
    communes = {k: setup_station(tmp_path / f"{k}.sqlite3", k) for k in ("A", "B")}
    try:
        for key, db in communes.items():
            fill_commune(db, key)
            pair_with_hub(hub, db)
            export_bundle(db, site_id(hub), tmp_path / f"{key}.antq")
            import_bundle(hub, tmp_path / f"{key}.antq")
        sites = {k: site_id(db) for k, db in communes.items()}

        def check() -> dict[str, dict[str, Any]]:
            seen = {}
            for period in ("2026", "2026-Q3", "2026-11"):
                view = hub_service.list_communes(hub, period)
                assert [c.commune_code for c in view.communes] == hub_service.commune_codes(hub)
                for row in view.communes:
                    report = rp.compute(hub, period, commune_code=row.commune_code)
                    expected = {k: report.value(v) for k, v in hub_service.TABLE_FIGURES.items()}
                    assert row.figures == expected, (period, row.commune_code)
                    seen[f"{period} {row.commune_code}"] = row.figures
                    # Unacknowledged: the rows a scoped session counts above the acknowledgement.
                    with rp.scoped(hub, row.commune_code).session() as s:
                        assert row.unacknowledged == sum(
                            s.scalar(select(func.count()).select_from(m).where(m.change_seq > 0)) or 0
                            for m in rp.travelling_models()
                        )
            return seen

        before = check()
        _tangle(hub, sites)
        after = check()
        changed = {k for k in before if before[k] != after[k]}
        assert {k.split()[1] for k in changed} == {COMMUNES["A"][0], COMMUNES["B"][0]}, "the tangle shows"
        # The province report is still the sum of the communes' reports, figure for figure.
        province = hub_service.province_report(hub, "2026")
        for code in ("households.total", "households.signed", "models.members", "awards.total"):
            assert province.value(code) == sum(
                rp.compute(hub, "2026", commune_code=c).value(code) for c in hub_service.commune_codes(hub)
            )
    finally:
        hub.dispose()
        for db in communes.values():
            db.dispose()


def test_only_a_hub_approves_or_reopens_a_period(tmp_path: Path) -> None:
    """A commune station (paired with its hub, its own period even) is refused in one sentence, nothing written."""
    hub = setup_station(tmp_path / "hub.sqlite3", "hub")
    commune = setup_station(tmp_path / "a.sqlite3", "A")
    code = COMMUNES["A"][0]
    try:
        pair_with_hub(hub, commune)
        for fn, args, word in (
            (hub_service.approve, (code, "2026-Q3"), "duyệt"),
            (hub_service.reopen, (code, "2026-Q3", "xã xin sửa số liệu"), "mở lại"),
            (hub_service.approve, ("01321", "2026"), "duyệt"),  # any commune, known or not
        ):
            with pytest.raises(UserError) as err:
                fn(commune, *args)
            text = err.value.vi
            assert text.startswith("Máy này không được thiết lập làm máy tổng hợp của cấp trên"), text
            assert word in text and text.endswith(".") and text.count(".") == 1 and "\n" not in text
            assert err.value.en != text and "hub" in err.value.en
        assert rp.submissions(commune) == []
        # The hub itself approves and reopens the same period.
        hub_service.approve(hub, code, "2026-Q3", reason="đã duyệt")
        assert hub_service.reopen(hub, code, "2026-Q3", reason="xã xin sửa số liệu") == 1
    finally:
        hub.dispose()
        commune.dispose()


def test_drill_down_approval_and_search_through_the_services(tmp_path: Path) -> None:
    """In process: one commune's lists are its records only; approval locks and reopens its period."""
    from antq_desktop.sync import export_bundle, import_bundle

    hub = setup_station(tmp_path / "hub.sqlite3", "hub")
    communes = {k: setup_station(tmp_path / f"{k}.sqlite3", k) for k in ("A", "B")}
    try:
        for key, db in communes.items():
            fill_commune(db, key)
            pair_with_hub(hub, db)
            export_bundle(db, site_id(hub), tmp_path / f"{key}.antq")
            import_bundle(hub, tmp_path / f"{key}.antq")
        code_a, code_b = COMMUNES["A"][0], COMMUNES["B"][0]
        assert hub_service.commune_codes(hub) == [code_b, code_a]  # by name: Bảo Lâm, Quảng Lâm

        houses = hub_service.commune_households(hub, code_a)
        assert len(houses) == SIZES["A"][0]
        with communes["A"].session() as s:
            assert {h["id"] for h in houses} == set(s.scalars(select(Household.id)))
        assert len(hub_service.commune_households(hub, code_b)) == SIZES["B"][0]
        groups_a = hub_service.commune_groups(hub, code_a)
        assert len(groups_a) == rp.compute(communes["A"], "2026").value("models.groups")
        assert hub_service.commune_meetings(hub, code_a) and hub_service.commune_awards(hub, code_a)
        drill = rp.drill(hub, "2026", "households.signed", commune_code=code_b)
        assert len(drill) == rp.compute(communes["B"], "2026").value("households.signed")

        head = houses[0]["head_name"]
        found = hub_service.search_households(hub, head)
        assert any(h["id"] == houses[0]["id"] and h["commune_code"] == code_a for h in found)
        assert (
            hub_service.filter_communes(hub_service.list_communes(hub, "2026").communes, "bao lam")[
                0
            ].commune_code
            == code_b
        )

        hub_service.approve(hub, code_a, "2026-Q3", reason="đã duyệt")
        [sub] = rp.submissions(hub, code_a)
        assert sub.locked and sub.locked_by == "Công an tỉnh Cao Bằng" and sub.lock_reason == "đã duyệt"
        with pytest.raises(UserError, match="lý do"):
            hub_service.reopen(hub, code_a, "2026-Q3", reason=" ")
        assert hub_service.reopen(hub, code_a, "2026-Q3", reason="xã xin sửa số liệu") == 1
        assert not rp.submissions(hub, code_a)[0].locked
        with pytest.raises(UserError, match="chưa ghép nối"):
            hub_service.commune_households(hub, "01321")
        with pytest.raises(UserError, match="máy tổng hợp"):
            hub_service.list_communes(communes["A"])

        # Staleness: a month later both communes are overdue.
        later = hub_service.list_communes(hub, "2026", now=datetime.now().replace(year=2027))
        assert all(c.overdue and c.days_since_received >= 30 for c in later.communes)
    finally:
        hub.dispose()
        for db in communes.values():
            db.dispose()
