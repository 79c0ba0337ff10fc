"""Stock figures are counted as of the period's end (issue 16, item 4; docs/domain.md "Kỳ báo cáo và phê duyệt").

The households, the signed households and the villages of a period are those in the register at
its end, by the household's history lines (created, deleted, restored, split off, merged away) and
a village's deletion day — not the register as it is now. So work done after a period ended does
not move that period's figures: a locked quarter keeps its approved figures at the commune and at
the hub while the next quarter's households are added and deleted. Real SQLite stations (and a
PostgreSQL hub with ANTQ_TEST_PG_URL), real bundles.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from test_hub import setup_pg_hub
from test_sync_support import COMMUNES, pair_with_hub, setup_station, site_id

from antq_desktop.services import commitments as cm
from antq_desktop.services import households as hh
from antq_desktop.services import hub
from antq_desktop.services import reports as rp
from antq_desktop.services.errors import UserError
from antq_desktop.storage.database import Database
from antq_desktop.storage.models import HouseholdEvent, Village
from antq_desktop.sync import export_bundle, import_bundle

ENTERED = date(2026, 1, 10)  # the day the register says the households were entered
MAY = date(2026, 5, 10)  # a split and a merge, in the second quarter
STOCK = ("households.total", "households.signed", "households.signed_pct", "villages.total")


@dataclass
class Commune:
    db: Database
    villages: list[str]
    h: list[str]  # h0 … h4
    split_off: str  # the household split off h3 in May


def backdate(db: Database, household_ids: list[str], day: date) -> None:
    """The register's history: these households' 'created' lines dated ``day`` (entered then)."""
    with db.session() as s:
        for e in s.scalars(
            select(HouseholdEvent).where(
                HouseholdEvent.household_id.in_(household_ids), HouseholdEvent.kind == "created"
            )
        ):
            e.happened_on = day


def build(db: Database) -> Commune:
    """Five households entered in January 2026 (h2 from before the history: no line at all), three
    signed in February, h3 in May; in May h3 splits a household off and h4 is merged into h0."""
    villages = [v for v, _n in hh.villages(db)]
    ids, persons = [], []
    for i in range(5):
        h = hh.save_household(db, hh.HouseholdDraft(village_id=villages[i % 2], address=f"Số {i + 1}"))
        persons.append(
            hh.save_person(db, h, hh.PersonDraft(full_name=f"Chủ Hộ {i}", relation_to_head="Chủ hộ"))
        )
        ids.append(h)
    child = hh.save_person(db, ids[3], hh.PersonDraft(full_name="Con Hộ Ba"))
    backdate(db, ids, ENTERED)
    with db.session() as s:  # h2: a household entered before the history was kept
        for e in s.scalars(select(HouseholdEvent).where(HouseholdEvent.household_id == ids[2])):
            e.deleted = True
    cm.mark(db, ids[:3], 2026, cm.Mark("signed", signed_on=date(2026, 2, 1)))
    cm.mark(db, ids[3:4], 2026, cm.Mark("signed", signed_on=date(2026, 5, 5)))
    new = hh.split_household(db, ids[3], [child], child, on=MAY)
    hh.merge_households(db, ids[0], ids[4], on=MAY)
    return Commune(db, villages, ids, new)


def stock(db: Database, period: str, commune_code: str | None = None) -> dict[str, Any]:
    values = rp.compute(db, period, commune_code=commune_code).values()
    return {k: values[k] for k in STOCK}


def drilled(db: Database, period: str, code: str) -> set[str]:
    return {r.id for r in rp.drill(db, period, code)}


def test_each_period_counts_the_register_as_it_was_at_its_end(tmp_path: Path) -> None:
    db = setup_station(tmp_path / "a.sqlite3", "A")
    try:
        rp.set_convention(db, "calendar")
        c = build(db)
        h0, h1, h2, h3, h4 = c.h
        # Before anything was entered: only h2, the household from before the history.
        assert stock(db, "2025")["households.total"] == 1
        # Q1: the five entered in January (h4 not yet merged, the split-off household not yet there);
        # the signature of May is not in it.
        assert stock(db, "2026-Q1") == {
            "households.total": 5,
            "households.signed": 3,
            "households.signed_pct": 60.0,
            "villages.total": 2,
        }
        assert drilled(db, "2026-Q1", "households.total") == {h0, h1, h2, h3, h4}
        assert drilled(db, "2026-Q1", "households.signed") == {h0, h1, h2}
        # H1: h4 merged away, the split-off household came in; h3's May signature counts.
        assert stock(db, "2026-H1")["households.total"] == 5
        assert drilled(db, "2026-H1", "households.total") == {h0, h1, h2, h3, c.split_off}
        assert drilled(db, "2026-H1", "households.signed") == {h0, h1, h2, h3}

        # Today: a household deleted, a household added, a village deleted. A period that ended
        # before today keeps its figures: the deleted household still counts in it, the new one not.
        before = {p: stock(db, p) for p in ("2026-Q1", "2026-H1")}
        hh.delete_households(db, [h1])
        hh.delete_households(db, [h2])  # no history before today: in the register until today
        added = hh.save_household(db, hh.HouseholdDraft(village_id=c.villages[0]))
        assert {p: stock(db, p) for p in ("2026-Q1", "2026-H1")} == before
        assert h1 in drilled(db, "2026-Q1", "households.total")
        assert added not in drilled(db, "2026-H1", "households.total")
        now = str(date.today().year)  # the year that holds today counts today's work
        assert drilled(db, now, "households.total") == {h0, h3, c.split_off, added}

        with db.session() as s:
            s.get(Village, c.villages[1]).deleted = True  # h1's, h3's and the split-off one's
        assert {p: stock(db, p) for p in ("2026-Q1", "2026-H1")} == before
        assert stock(db, now)["villages.total"] == 1
        assert drilled(db, now, "households.total") == {h0, added}  # the split-off one lived there too

        # A deleted household brought back is in the register again from that day.
        hh.restore_households(db, [h2])
        assert h2 in drilled(db, now, "households.total")
        assert {p: stock(db, p) for p in ("2026-Q1", "2026-H1")} == before
    finally:
        db.dispose()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_locked_quarter_keeps_its_approved_figures_while_the_next_quarters_work_goes_on(
    tmp_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    """After 2026-Q1 is approved, households added, deleted, split and merged later leave Q1's
    recomputed figures equal to the approved ones, at the commune and at the hub; the hub's table
    equals each commune's report and the province report their sum."""
    if backend == "postgresql":
        hub_db = setup_pg_hub(request.getfixturevalue("pg_url"))
    else:
        hub_db = setup_station(tmp_path / "hub.sqlite3", "hub")
    a_db = setup_station(tmp_path / "a.sqlite3", "A")
    b_db = setup_station(tmp_path / "b.sqlite3", "B")
    n = 0

    def carry(src: Database, dst: Database) -> None:
        nonlocal n
        n += 1
        export_bundle(src, site_id(dst), tmp_path / f"b{n}.antq")
        import_bundle(dst, tmp_path / f"b{n}.antq")

    try:
        for db in (hub_db, a_db, b_db):
            rp.set_convention(db, "calendar")
        a = build(a_db)
        build(b_db)  # B's register, untouched, is in every sum
        for db in (a_db, b_db):
            pair_with_hub(hub_db, db)
            carry(db, hub_db)
        code_a, code_b = COMMUNES["A"][0], COMMUNES["B"][0]

        def agree() -> None:
            """The hub's table = each commune's own report = the hub's scoped one; province = sum."""
            for period in ("2026-Q1", "2026-H1", str(date.today().year)):
                view = {r.commune_code: r for r in hub.list_communes(hub_db, period).communes}
                for code, db in ((code_a, a_db), (code_b, b_db)):
                    own = rp.compute(db, period).values()
                    assert rp.compute(hub_db, period, commune_code=code).values() == own, (period, code)
                    assert view[code].figures == {k: own[v] for k, v in hub.TABLE_FIGURES.items()}
                province = hub.province_report(hub_db, period).values()
                for k in ("households.total", "households.signed", "villages.total"):
                    assert province[k] == sum(
                        rp.compute(hub_db, period, commune_code=x).value(k) for x in (code_a, code_b)
                    )

        agree()
        hub.approve(hub_db, code_a, "2026-Q1", "Đã duyệt quý I")
        carry(hub_db, a_db)
        approved = stock(a_db, "2026-Q1")

        # The second quarter's (today's) work at A is not refused, and Q1 does not move.
        hh.delete_households(a_db, [a.h[1]])
        hh.save_household(a_db, hh.HouseholdDraft(village_id=a.villages[0]))
        hh.merge_households(a_db, a.h[0], a.split_off)
        cm.mark(a_db, [a.h[3]], 2026, cm.Mark("signed", signed_on=date(2026, 6, 1)))
        assert stock(a_db, "2026-Q1") == approved
        # History dated on or before the locked quarter's end would move it: refused.
        with pytest.raises(UserError) as err:
            hh.merge_households(a_db, a.h[0], a.h[3], on=date(2025, 12, 20))
        assert err.value.vi.startswith("Kỳ báo cáo 2026-Q1 ") and "mở lại kỳ" in err.value.vi
        assert stock(a_db, "2026-Q1") == approved

        carry(a_db, hub_db)
        check = hub.approval(hub_db, code_a, "2026-Q1")
        assert check.approved and not check.differs, [i.to_dict() for i in check.differences]
        [row] = [r for r in hub.list_communes(hub_db, "2026-Q1").communes if r.commune_code == code_a]
        assert row.approved and not row.differs
        assert stock(hub_db, "2026-Q1", code_a) == approved
        agree()
    finally:
        hub_db.dispose()
        a_db.dispose()
        b_db.dispose()
