"""The Sync area driven as officers would: pairing by card with the fingerprint confirmed, a bundle
exported and read back, an import previewed then applied, a damaged bundle refused with nothing
changed, a conflict resolved from the conflicts screen."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox
from qt_support import setup_app
from sqlalchemy import func, select
from test_sync_support import pair_with_hub, setup_station, site_id

from antq_desktop import sync
from antq_desktop.storage.models import AwardDecision, Household, Village
from antq_desktop.ui.sync_page import ImportPreviewDialog, PairDialog, SyncArea


@pytest.fixture
def pair_of_stations(tmp_path: Path):
    hub = setup_station(tmp_path / "hub.sqlite3", "hub")
    commune = setup_station(tmp_path / "a.sqlite3", "A")
    yield hub, commune
    hub.dispose()
    commune.dispose()


def _households(db) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count(Household.id)).where(Household.deleted.is_(False))))


def _add_household(db, name: str) -> str:
    with db.session() as s:
        v = s.scalars(select(Village).order_by(Village.code)).first()
        h = Household(village_id=v.id, head_name=name)
        s.add(h)
        s.flush()
        return h.id


def test_pair_export_preview_import_and_refuse_a_damaged_bundle(
    qtbot, station, pair_of_stations, tmp_path, monkeypatch
):
    setup_app(station.data_dir)
    hub, commune = pair_of_stations
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: messages.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: messages.append("!" + text))
    area = SyncArea(SimpleNamespace(db=commune))
    qtbot.addWidget(area)
    area.show()
    tab = area.exchange

    # Pairing: OK stays disabled until the officer confirms the fingerprint read on the phone.
    card_file = tmp_path / "hub-card.json"
    sync.export_card(hub, card_file)

    def confirm(dialog: PairDialog) -> QDialog.DialogCode:
        assert dialog.card.fingerprint in dialog.findChild(QLabel, "fingerprint").text()
        assert not dialog.ok.isEnabled()
        dialog.confirmed.setChecked(True)
        assert dialog.ok.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PairDialog, "exec", confirm)
    assert tab.pair_from(card_file)
    sync.pair(hub, sync.own_card(commune), fingerprint=sync.own_card(commune).fingerprint)
    assert [p.unit_name for p in tab.peers] == ["Công an tỉnh Cao Bằng"]

    _add_household(commune, "Nông Văn Đức")
    tab.refresh()
    tab.table.selectRow(0)
    assert int(tab.table.item(0, 4).text().replace(".", "")) > 0, "changes wait for an acknowledgement"
    up = tmp_path / "up.antq"
    result = tab.export_to(site_id(hub), up)
    assert result is not None and up.is_file() and "đã ghi và kiểm tra" in messages[-1]
    sync.import_bundle(hub, up)
    assert _households(hub) == _households(commune)

    down = tmp_path / "down.antq"
    sync.export_bundle(hub, site_id(commune), down)
    seen: list[list[str]] = []

    def accept(dialog: ImportPreviewDialog) -> QDialog.DialogCode:
        seen.append([dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())])
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportPreviewDialog, "exec", accept)
    before = _households(commune)
    damaged = tmp_path / "damaged.antq"
    data = bytearray(down.read_bytes())
    data[len(data) // 2] ^= 0x01
    damaged.write_bytes(bytes(data))
    assert tab.import_from(damaged) is None
    assert messages[-1].startswith("!") and "\n" not in messages[-1]
    assert seen == [] and _households(commune) == before, "a damaged bundle changes nothing"

    report = tab.import_from(down)
    assert report is not None and report.applied
    assert seen and seen[0][-1] == "Tổng cộng"
    assert tab.table.item(0, 2).text() != "—", "the last bundle received is shown"


def test_a_conflict_is_shown_side_by_side_and_the_other_value_restored(
    qtbot, station, pair_of_stations, tmp_path
):
    setup_app(station.data_dir)
    hub, commune = pair_of_stations
    pair_with_hub(hub, commune)
    with hub.session() as s:
        d = AwardDecision(
            number="7", symbol="QĐ-CAT", commune_code="01304", occasion="Ngày hội", status="draft"
        )
        s.add(d)
        s.flush()
        did = d.id
    sync.export_bundle(hub, site_id(commune), tmp_path / "h1.antq")
    sync.import_bundle(commune, tmp_path / "h1.antq")
    for db, value in ((hub, "Ngày hội toàn dân (cấp trên)"), (commune, "Ngày hội toàn dân (xã)")):
        with db.session() as s:
            s.get(AwardDecision, did).occasion = value
    sync.export_bundle(commune, site_id(hub), tmp_path / "a1.antq")
    sync.import_bundle(hub, tmp_path / "a1.antq")
    sync.export_bundle(hub, site_id(commune), tmp_path / "h2.antq")
    sync.import_bundle(commune, tmp_path / "h2.antq")

    db = next(x for x in (commune, hub) if sync.list_conflicts(x))
    area = SyncArea(SimpleNamespace(db=db))
    qtbot.addWidget(area)
    tab = area.conflicts
    tab.refresh()
    assert tab.table.rowCount() == 1
    cells = [tab.table.item(0, c).text() for c in range(6)]
    assert cells[0] == "Quyết định khen thưởng: 7/QĐ-CAT" and cells[1] == "occasion"
    assert {cells[2], cells[4]} == {"Ngày hội toàn dân (cấp trên)", "Ngày hội toàn dân (xã)"}
    other = cells[4]
    tab.table.selectRow(0)
    tab.decide("restore")
    assert tab.table.rowCount() == 0
    with db.session() as s:
        assert s.get(AwardDecision, did).occasion == other
