"""The province report from grouped queries: every commune's figures at once, equal to its own report.

Communes set up, filled (demo + the records the demo does not make) and sent to a hub as real
bundles; the grouped figures (:func:`services.hub.province_figures.commune_reports`) are compared,
indicator by indicator (value and breakdown), with each commune's scoped report — the per-commune
path the province report took before, kept here as the oracle — before and after rows are tangled
across communes. The number of statements the province report runs does not grow with the communes.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from test_hub import _tangle, fill_commune, setup_pg_hub
from test_sync_support import PROVINCE, pair_with_hub, setup_station, site_id

from antq_desktop.domain import admin_units
from antq_desktop.services import demo
from antq_desktop.services import hub as hub_service
from antq_desktop.services import reports as rp
from antq_desktop.services import station as station_service
from antq_desktop.services.hub.province_figures import commune_reports
from antq_desktop.storage.database import Database
from antq_desktop.storage.migrate import upgrade
from antq_desktop.sync import export_bundle, import_bundle


def _hub(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> Database:
    if backend == "postgresql":
        return setup_pg_hub(request.getfixturevalue("pg_url"))
    return setup_station(tmp_path / "hub.sqlite3", "hub")


def _oracle(hub: Database, period: str, code: str) -> tuple[dict[str, Any], dict[str, set[str]]]:
    """One commune's own scoped report: what the province report summed before."""
    d = rp.load_definition(rp.DEFAULT_DEFINITION)
    p = rp.period(hub, period)
    r = rp.compute(hub, p, d, commune_code=code)
    kinds = {}
    for i in d.indicators:
        keys = rp.distinct_keys(hub, p, i, code)
        if keys is not None:
            kinds[i.code] = keys
    return {f.indicator.code: (f.value, f.breakdown) for f in r.figures}, kinds


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_grouped_figures_equal_each_communes_own_report(
    tmp_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    hub = _hub(tmp_path, backend, request)
    communes = {k: setup_station(tmp_path / f"{k}.sqlite3", k) for k in ("A", "B", "C")}
    try:
        for key, db in communes.items():
            fill_commune(db, key)
            pair_with_hub(hub, db)
            export_bundle(db, site_id(hub), tmp_path / f"{key}.antq")
            import_bundle(hub, tmp_path / f"{key}.antq")
        d = rp.load_definition(rp.DEFAULT_DEFINITION)
        codes = hub_service.commune_codes(hub)
        assert len(codes) == 3

        def check() -> dict[str, Any]:
            seen = {}
            for period in ("2026", "2026-Q3", "2026-11"):
                grouped = commune_reports(hub, rp.period(hub, period), d, codes)
                assert grouped is not None
                for code in codes:
                    figures, kinds = _oracle(hub, period, code)
                    assert grouped[0][code] == figures, (period, code)
                    assert grouped[1][code] == kinds, (period, code)
                    seen[f"{period} {code}"] = figures
            return seen

        before = check()
        _tangle(hub, {k: site_id(db) for k, db in communes.items()})
        after = check()
        assert before != after, "the tangle changes some commune's figures"
        # The province report is the sum of the oracle's reports (kinds counted once).
        province = hub_service.province_report(hub, "2026")
        oracle = [_oracle(hub, "2026", c) for c in codes]
        for i in d.indicators:
            if i.unit.strip() == "%":
                continue
            if (i.source, i.measure) in rp.DISTINCT:
                assert province.value(i.code) == len(set().union(*(k[i.code] for _f, k in oracle)))
            else:
                assert province.value(i.code) == pytest.approx(sum(f[i.code][0] for f, _k in oracle)), i.code
        # A definition with a measure the grouped path does not know: one scoped report per commune.
        odd = replace(d, indicators=(replace(d.indicators[0], source="handed_in", measure="records"),))
        assert commune_reports(hub, rp.period(hub, "2026"), odd, codes) is None
    finally:
        hub.dispose()
        for db in communes.values():
            db.dispose()


def _small_commune(path: Path, code: str, seed: int) -> Database:
    db = Database(f"sqlite:///{path}")
    upgrade(db)
    c = admin_units.commune(code)
    assert c is not None
    station_service.initialise(
        db,
        station_service.SetupRequest(
            province_code=PROVINCE,
            commune_code=code,
            unit_name=station_service.default_unit_name(c),
            admin_username="admin",
            admin_password="secret-1234",
            villages=["Thôn Một", "Thôn Hai"],
            role="commune",
        ),
    )
    with db.session() as s:
        demo.DemoBuilder(db, seed, rp.parse_period("2026", "calendar").end).build(s, 4, None)
    return db


def _statements(hub: Database) -> int:
    seen = []

    def count(*_a: Any) -> None:
        seen.append(1)

    event.listen(hub.engine, "before_cursor_execute", count)
    try:
        report = hub_service.province_report(hub, "2026")
    finally:
        event.remove(hub.engine, "before_cursor_execute", count)
    assert report.value("households.total") > 0
    return len(seen)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_the_province_report_runs_as_many_statements_for_5_communes_as_for_2(
    tmp_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    hub = _hub(tmp_path, backend, request)
    codes = [c.code for c in admin_units.communes(PROVINCE)][:5]
    try:
        counts = []
        for n, code in enumerate(codes):
            db = _small_commune(tmp_path / f"c{n}.sqlite3", code, seed=n)
            pair_with_hub(hub, db)
            export_bundle(db, site_id(hub), tmp_path / f"c{n}.antq")
            import_bundle(hub, tmp_path / f"c{n}.antq")
            db.dispose()
            if n + 1 in (2, 5):
                assert len(hub_service.commune_codes(hub)) == n + 1
                counts.append(_statements(hub))
        assert counts[0] == counts[1], counts
    finally:
        hub.dispose()


def test_every_shipped_report_is_computed_by_the_grouped_path() -> None:
    """An indicator the grouped path does not know sends the whole province report back to one
    report per commune (tens of statements each): every shipped definition must be known to it
    (the hand-typed figures of issue 19 once were not)."""
    from antq_desktop.services.hub.province_figures import _known

    for listed in rp.list_definitions():
        d = rp.load_definition(listed.code)
        unknown = [i.code for i in d.indicators if not _known(i)]
        assert not unknown, f"{listed.code}: {unknown}"
