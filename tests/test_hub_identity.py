"""The hub is the province's upper level, not a commune (issue 16, item 5).

Real SQLite stations set up through the services, real cards and bundles, the
``antq`` command line as a real subprocess where the issue names a command:

* ``antq init --hub --province CODE`` with no commune: the hub's site row has
  role "hub", the province and no commune code; no commune row, no villages;
* the hub's overview is the province's communes, never an imported commune's
  villages;
* pairing a commune of another province is refused without ``--yes``;
* a second station with the same commune code is refused, or declared the
  replacement of the first (``--replaces``: the old one is revoked, its
  records stay the commune's and reach the new PC);
* ``sync export --to`` takes a station id, commune code or unit name and
  answers "ambiguous" with the candidates;
* the hub reads a commune's records and does not edit them.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from test_sync_support import COMMUNES, pair_with_hub, setup_request, setup_station, site_id
from test_sync_support import add_household as support_add_household

from antq_desktop.services import households as households_service
from antq_desktop.services import hub as hub_service
from antq_desktop.services import overview, station
from antq_desktop.services.errors import UserError
from antq_desktop.storage.database import Database
from antq_desktop.storage.migrate import upgrade
from antq_desktop.storage.models import Household, Site, Village
from antq_desktop.sync import cards, export_bundle, import_bundle

Cli = Callable[..., subprocess.CompletedProcess[str]]
YEAR = date.today().year


def ok(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert result.returncode == 0, result.stderr
    return result


def refused(result: subprocess.CompletedProcess[str]) -> str:
    """Exit 1 with one sentence on stderr, never a traceback."""
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr


def station_dir(tmp: Path, name: str, **changes: object) -> tuple[Path, Database]:
    """A data folder holding set-up station ``name`` (``changes`` alter its set-up request)."""
    folder = tmp / name
    folder.mkdir(parents=True)
    db = Database(f"sqlite:///{folder / 'antq.sqlite3'}")
    upgrade(db)
    req = setup_request(name.split("-")[0])
    for k, v in changes.items():
        setattr(req, k, v)
    station.initialise(db, req)
    return folder, db


def add_household(db: Database, head: str) -> str:
    return support_add_household(db, head, address="Thôn Một")


def send(src: Database, dst: Database, path: Path, full: bool = False) -> None:
    export_bundle(src, site_id(dst), path, full=full)
    import_bundle(dst, path)


# -- init --hub without a commune ------------------------------------------------------------------


def test_init_hub_takes_a_province_and_no_commune(run_cli: Cli, tmp_path: Path) -> None:
    password = tmp_path / "pw.txt"
    password.write_text("secret-1234\n", encoding="utf-8")
    hub = tmp_path / "tinh"
    common = ["--unit-name", "Công an tỉnh Cao Bằng", "--admin", "admin", "--password-file", password]

    # --commune with --hub is refused (the hub belongs to no commune): nothing is set up.
    text = refused(
        run_cli("--data-dir", hub, "init", "--hub", "--province", "04", "--commune", "01304", *common)
    )
    assert "--commune" in text and "không thuộc xã nào" in text
    # A commune still needs its code.
    assert "--commune" in refused(run_cli("--data-dir", tmp_path / "xa", "init", "--province", "04", *common))

    ok(run_cli("--data-dir", hub, "init", "--hub", "--province", "04", *common))
    con = sqlite3.connect(hub / "antq.sqlite3")
    try:
        me = con.execute(
            "SELECT role, province_code, commune_code, unit_code, unit_name FROM site WHERE is_self"
        ).fetchall()
        others = con.execute("SELECT count(*) FROM site WHERE NOT is_self").fetchone()[0]
        communes = con.execute("SELECT count(*) FROM commune").fetchone()[0]
        villages = con.execute("SELECT count(*) FROM village").fetchone()[0]
    finally:
        con.close()
    assert me == [("hub", "04", "", "04", "Công an tỉnh Cao Bằng")]
    assert (others, communes, villages) == (0, 0, 0), "no upper level, commune or villages of its own"
    info = json.loads(ok(run_cli("--data-dir", hub, "info", "--json")).stdout)
    assert info["unit"]["role"] == "hub" and info["unit"]["commune_code"] == ""
    assert info["unit"]["province"] == "Cao Bằng"
    card = json.loads(
        ok(run_cli("--data-dir", hub, "sync", "card", "-o", tmp_path / "h.card", "--json")).stdout
    )
    assert (card["role"], card["province_code"], card["commune_code"]) == ("hub", "04", "")

    # The existing commune set-up keeps working.
    ok(run_cli("--data-dir", tmp_path / "xa", "init", "--province", "04", "--commune", "01304", *common))


# -- overview --------------------------------------------------------------------------------------


def test_the_hubs_overview_is_its_communes_never_an_imported_communes_villages(tmp_path: Path) -> None:
    hub = setup_station(tmp_path / "hub.sqlite3", "hub")
    a = setup_station(tmp_path / "a.sqlite3", "A")
    b = setup_station(tmp_path / "b.sqlite3", "B")
    try:
        for db, heads in ((a, ("Nông Văn Một", "Hoàng Thị Hai")), (b, ("Lục Văn Ba",))):
            pair_with_hub(hub, db)
            for head in heads:
                add_household(db, head)
        send(a, hub, tmp_path / "a.antq")
        send(b, hub, tmp_path / "b.antq")

        cov = overview.coverage(hub, YEAR)
        assert cov.by == "commune"
        assert [(r.code, r.name, r.households) for r in cov.rows] == [
            ("01290", "Xã Bảo Lâm", 1),
            ("01304", "Xã Quảng Lâm", 2),
        ]
        with hub.session() as s:
            village_names = set(s.scalars(select(Village.name)))
        assert village_names == {"Thôn Một", "Thôn Hai"}  # the communes' villages did arrive…
        assert not {r.name for r in cov.rows} & village_names  # …and are not the hub's overview
        unit = station.unit_summary(hub)
        assert (unit["role"], unit["commune"], unit["commune_code"], unit["villages"]) == ("hub", "", "", 0)
        assert unit["province"] == "Cao Bằng"
        assert overview.overview(hub, YEAR).households == 3  # the province's total

        # At a commune nothing changes: by village.
        assert overview.coverage(a, YEAR).by == "village"
        assert [r.name for r in overview.coverage(a, YEAR).rows] == ["Thôn Một", "Thôn Hai"]
    finally:
        for db in (hub, a, b):
            db.dispose()


def test_the_overview_page_of_a_hub_lists_communes(qtbot, station, tmp_path: Path) -> None:
    from qt_support import setup_app

    from antq_desktop.ui.overview_page import OverviewPage

    setup_app(station.data_dir, "en")
    hub = setup_station(tmp_path / "hub.sqlite3", "hub")
    a = setup_station(tmp_path / "a.sqlite3", "A")
    try:
        pair_with_hub(hub, a)
        add_household(a, "Nông Văn Một")
        send(a, hub, tmp_path / "a.antq")
        page = OverviewPage(hub)
        qtbot.addWidget(page)
        page.refresh()
        assert page.table.horizontalHeaderItem(0).text() == "Commune"
        assert page.table.rowCount() == 1 and page.table.item(0, 0).text() == "Xã Quảng Lâm"
        assert page.hub_note.isVisibleTo(page)
    finally:
        hub.dispose()
        a.dispose()


# -- pairing ----------------------------------------------------------------------------------------


def test_pairing_a_commune_of_another_province_needs_yes(run_cli: Cli, tmp_path: Path) -> None:
    hub_dir, hub = station_dir(tmp_path, "hub")
    # Xã Bắc Mê, Tuyên Quang (08): not the hub's Cao Bằng (04).
    xa_dir, xa = station_dir(
        tmp_path, "A-tq", province_code="08", commune_code="00991", unit_name="Công an xã Bắc Mê"
    )
    card = cards.export_card(xa, tmp_path / "bacme.card")
    hub_card = cards.export_card(hub, tmp_path / "hub.card")
    hub.dispose()
    xa.dispose()

    text = refused(
        run_cli(
            "--data-dir", hub_dir, "sync", "pair", tmp_path / "bacme.card", "--fingerprint", card.fingerprint
        )
    )
    assert "Tuyên Quang" in text and "--yes" in text
    with Database(f"sqlite:///{hub_dir / 'antq.sqlite3'}").session() as s:
        assert s.get(Site, card.site_id) is None, "nothing paired"
    # The commune side is warned the same way.
    assert "Cao Bằng" in refused(
        run_cli(
            "--data-dir", xa_dir, "sync", "pair", tmp_path / "hub.card", "--fingerprint", hub_card.fingerprint
        )
    )

    out = json.loads(
        ok(
            run_cli(
                "--data-dir", hub_dir, "sync", "pair", tmp_path / "bacme.card",
                "--fingerprint", card.fingerprint, "--yes", "--json",
            )
        ).stdout
    )  # fmt: skip
    assert out["paired"] and out["other_province"] == "Tuyên Quang"
    # Same province: no question asked.
    a = setup_station(tmp_path / "a.sqlite3", "A")
    try:
        ok(
            run_cli(
                "--data-dir",
                hub_dir,
                "sync",
                "pair",
                _card(a, tmp_path / "a.card"),
                "--fingerprint",
                cards.own_card(a).fingerprint,
            )
        )
    finally:
        a.dispose()


def _card(db: Database, path: Path) -> Path:
    cards.export_card(db, path)
    return path


def test_a_second_station_of_the_same_commune_is_refused_or_declared_its_replacement(
    run_cli: Cli, tmp_path: Path
) -> None:
    hub_dir, hub = station_dir(tmp_path, "hub")
    a = setup_station(tmp_path / "a.sqlite3", "A")
    # The commune's PC is lost; a new one is set up with the same commune code.
    a2 = setup_station(tmp_path / "a2.sqlite3", "A")
    try:
        pair_with_hub(hub, a)
        old_id, new_id = site_id(a), site_id(a2)
        head = "Nông Văn Trước"
        add_household(a, head)
        send(a, hub, tmp_path / "a.antq")
        cards.pair(a2, cards.own_card(hub), fingerprint=cards.own_card(hub).fingerprint)
        new_card = _card(a2, tmp_path / "a2.card")
        fp = cards.own_card(a2).fingerprint
    finally:
        hub.dispose()

    text = refused(run_cli("--data-dir", hub_dir, "sync", "pair", new_card, "--fingerprint", fp))
    assert "01304" in text and f"--replaces {old_id}" in text
    # A station that is not of this commune cannot be "replaced".
    assert "không phải" in refused(
        run_cli("--data-dir", hub_dir, "sync", "pair", new_card, "--fingerprint", fp, "--replaces", "nope")
    )

    out = json.loads(
        ok(
            run_cli(
                "--data-dir", hub_dir, "sync", "pair", new_card, "--fingerprint", fp,
                "--replaces", old_id, "--json",
            )
        ).stdout
    )  # fmt: skip
    assert out["replaced_station"] == old_id
    hub = Database(f"sqlite:///{hub_dir / 'antq.sqlite3'}")
    try:
        with hub.session() as s:
            old, new = s.get(Site, old_id), s.get(Site, new_id)
            assert old is not None and old.revoked_at is not None, "the old station is retired"
            assert new is not None and new.paired_at is not None and new.revoked_at is None
            kept = s.scalar(select(Household).where(Household.head_name == head))
            assert kept is not None and kept.origin_site == old_id, "its records stay the commune's"
        # The commune code now names the new PC, which receives the old station's records.
        ok(run_cli("--data-dir", hub_dir, "sync", "export", "--to", "01304", "-o", tmp_path / "back.antq"))
        import_bundle(a2, tmp_path / "back.antq")
        with a2.session() as s:
            assert s.scalar(select(Household.id).where(Household.head_name == head)) is not None
        # A bundle from the retired station is no longer accepted.
        export_bundle(a, site_id(hub), tmp_path / "late.antq")
        with pytest.raises(UserError):
            import_bundle(hub, tmp_path / "late.antq")
    finally:
        for db in (hub, a, a2):
            db.dispose()


# -- export --to ------------------------------------------------------------------------------------


def test_export_to_takes_an_id_a_commune_code_or_a_name_and_says_ambiguous(
    run_cli: Cli, tmp_path: Path
) -> None:
    hub_dir, hub = station_dir(tmp_path, "hub")
    a = setup_station(tmp_path / "a.sqlite3", "A")
    b = setup_station(tmp_path / "b.sqlite3", "B")
    # Commune C's station carries the same unit name as B's (a typing slip at set-up).
    c = Database(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    upgrade(c)
    req = setup_request("C")
    req.unit_name = COMMUNES["B"][1]
    station.initialise(c, req)
    try:
        for db in (a, b, c):
            pair_with_hub(hub, db)
        ids = {k: site_id(db) for k, db in (("A", a), ("B", b), ("C", c))}
    finally:
        for db in (hub, a, b, c):
            db.dispose()

    def to(key: str) -> subprocess.CompletedProcess[str]:
        return run_cli(
            "--data-dir", hub_dir, "sync", "export", "--to", key, "-o", tmp_path / "x.antq", "--json"
        )

    assert json.loads(ok(to("01304")).stdout)["to"]["site_id"] == ids["A"]
    assert json.loads(ok(to("Công an xã Quảng Lâm")).stdout)["to"]["site_id"] == ids["A"]
    assert json.loads(ok(to("công an xã quảng lâm")).stdout)["to"]["site_id"] == ids["A"]
    assert json.loads(ok(to(ids["B"])).stdout)["to"]["site_id"] == ids["B"]
    assert json.loads(ok(to(ids["C"][:12])).stdout)["to"]["site_id"] == ids["C"]
    assert json.loads(ok(to("01321")).stdout)["to"]["site_id"] == ids["C"]
    text = refused(to(COMMUNES["B"][1]))
    assert "nhiều đơn vị" in text and ids["B"] in text and ids["C"] in text
    assert "01290" in text and "01321" in text
    assert "Không tìm thấy" in refused(to("99999"))


def test_ambiguous_commune_code_from_an_older_database_names_the_candidates(tmp_path: Path) -> None:
    """Two paired stations with one commune code (possible before the refusal): "ambiguous", not "not found"."""
    hub = setup_station(tmp_path / "hub.sqlite3", "hub")
    a = setup_station(tmp_path / "a.sqlite3", "A")
    b = setup_station(tmp_path / "b.sqlite3", "B")
    try:
        pair_with_hub(hub, a)
        pair_with_hub(hub, b)
        with hub.session() as s:  # what an older program let through
            s.get(Site, site_id(b)).commune_code = COMMUNES["A"][0]  # type: ignore[union-attr]
        with hub.session() as s, pytest.raises(UserError) as err:
            cards.find_peer_in(s, COMMUNES["A"][0])
        assert "nhiều đơn vị" in err.value.vi and site_id(a) in err.value.vi
        assert site_id(b) in err.value.vi
    finally:
        for db in (hub, a, b):
            db.dispose()


# -- the hub does not edit a commune's records ----------------------------------------------------


def test_the_hub_reads_a_communes_records_and_does_not_edit_them(tmp_path: Path) -> None:
    hub = setup_station(tmp_path / "hub.sqlite3", "hub")
    a = setup_station(tmp_path / "a.sqlite3", "A")
    try:
        pair_with_hub(hub, a)
        hid = add_household(a, "Nông Văn Một")
        send(a, hub, tmp_path / "a.antq")
        detail = households_service.get_household(hub, hid)

        before = _dump_household(hub, hid)
        with pytest.raises(UserError) as err:
            households_service.save_household(hub, replace(detail.household, phone="0912"))
        text = err.value.vi
        assert "Công an xã Quảng Lâm" in text and "chỉ xem" in text and text.count(".") <= 1
        assert "“Nông Văn Một”" in text, "the household named by its head, not an id"
        with pytest.raises(UserError):
            households_service.delete_households(hub, [hid])
        with pytest.raises(UserError) as err:  # nor a new household in a commune's village
            households_service.save_household(
                hub, households_service.HouseholdDraft(village_id=detail.household.village_id)
            )
        assert "Cấp trên không lập" in err.value.vi
        assert _dump_household(hub, hid) == before, "nothing written"

        # What travels down stays the hub's to write: approving the commune's period.
        assert hub_service.approve(hub, COMMUNES["A"][0], str(YEAR))
        # And the commune's own correction still reaches the hub.
        with a.session() as s:
            s.get(Household, hid).phone = "0987"  # type: ignore[union-attr]
        send(a, hub, tmp_path / "a2.antq")
        with hub.session() as s:
            assert s.get(Household, hid).phone == "0987"  # type: ignore[union-attr]
    finally:
        hub.dispose()
        a.dispose()


def _dump_household(db: Database, hid: str) -> tuple[object, ...]:
    with db.session() as s:
        h = s.get(Household, hid)
        assert h is not None
        return (h.phone, h.deleted, h.version, h.change_seq)


def test_the_sync_screen_asks_before_another_province_and_before_a_replacement(
    qtbot, station, tmp_path: Path, monkeypatch
) -> None:
    from types import SimpleNamespace

    from PySide6.QtWidgets import QDialog, QMessageBox
    from qt_support import setup_app

    from antq_desktop.ui.sync_page import PairDialog, SyncArea

    setup_app(station.data_dir, "en")
    hub = setup_station(tmp_path / "hub.sqlite3", "hub")
    a = setup_station(tmp_path / "a.sqlite3", "A")
    a2 = setup_station(tmp_path / "a2.sqlite3", "A")
    _, tq = station_dir(
        tmp_path, "A-tq", province_code="08", commune_code="00991", unit_name="Công an xã Bắc Mê"
    )
    try:
        pair_with_hub(hub, a)
        questions: list[str] = []
        answers: list[bool] = []
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        monkeypatch.setattr(
            QMessageBox,
            "question",
            lambda _p, _t, text, *a, **k: (questions.append(text), yes if answers.pop(0) else no)[1],
        )
        monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
        monkeypatch.setattr(PairDialog, "exec", lambda _d: QDialog.DialogCode.Accepted)
        area = SyncArea(SimpleNamespace(db=hub))
        qtbot.addWidget(area)
        tab = area.exchange

        answers[:] = [False]
        assert not tab.pair_from(_card(tq, tmp_path / "tq.card"))
        assert "Tuyên Quang" in questions[-1]
        answers[:] = [True]
        assert tab.pair_from(tmp_path / "tq.card")

        answers[:] = [False]
        assert not tab.pair_from(_card(a2, tmp_path / "a2.card"))
        assert "Công an xã Quảng Lâm" in questions[-1]
        with hub.session() as s:
            assert s.get(Site, site_id(a2)) is None and s.get(Site, site_id(a)).revoked_at is None  # type: ignore[union-attr]
        answers[:] = [True]
        assert tab.pair_from(tmp_path / "a2.card")
        with hub.session() as s:
            assert s.get(Site, site_id(a)).revoked_at is not None  # type: ignore[union-attr]
            assert s.get(Site, site_id(a2)).paired_at is not None  # type: ignore[union-attr]
    finally:
        for db in (hub, a, a2, tq):
            db.dispose()


def test_a_hub_set_up_by_an_older_version_shows_no_commune_on_its_card(tmp_path: Path) -> None:
    """Older hubs kept a commune code in their own site row; the card no longer carries it."""
    hub = setup_station(tmp_path / "hub.sqlite3", "hub")
    try:
        with hub.session() as s:
            me = s.scalar(select(Site).where(Site.is_self.is_(True)))
            assert me is not None
            me.commune_code = me.unit_code = "01304"
        card = cards.own_card(hub)
        assert (card.role, card.commune_code, card.unit_code, card.province_code) == ("hub", "", "04", "04")
        assert station.unit_summary(hub)["commune_code"] == ""
    finally:
        hub.dispose()


def test_the_hubs_overview_and_guard_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    hub = Database(pg_url)
    upgrade(hub)
    station.initialise(hub, setup_request("hub"))
    a = setup_station(tmp_path / "a.sqlite3", "A")
    try:
        pair_with_hub(hub, a)
        hid = add_household(a, "Nông Văn Một")
        send(a, hub, tmp_path / "a.antq")
        cov = overview.coverage(hub, YEAR)
        assert cov.by == "commune" and [(r.code, r.households) for r in cov.rows] == [("01304", 1)]
        with pytest.raises(UserError):
            households_service.delete_households(hub, [hid])
    finally:
        hub.dispose()
        a.dispose()
