"""The restore in Administration → Backups, driven as an administrator would (issue 16): it shows what
the restore would lose and offers a bundle export first."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from conftest import STATION_ADMIN, STATION_PASSWORD
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from qt_support import setup_app

from antq_desktop.services import accounts, backups
from antq_desktop.services import households as hh
from antq_desktop.sync import cards
from antq_desktop.ui.admin import AdminArea
from antq_desktop.ui.sync_page import table_label


def _addresses(path: Path) -> set[str]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in con.execute("SELECT address FROM household")}
    finally:
        con.close()


def _prepare(qtbot, station, tmp_path) -> tuple[AdminArea, Path]:
    setup_app(station.data_dir)
    accounts.sign_in(station.db, STATION_ADMIN, STATION_PASSWORD)
    village = hh.villages(station.db)[0][0]
    hh.save_household(station.db, hh.HouseholdDraft(village_id=village, address="trước"))
    saved = backups.backup(station, tmp_path / "saved.sqlite3")
    hh.save_household(station.db, hh.HouseholdDraft(village_id=village, address="sau"))
    area = AdminArea(station)
    qtbot.addWidget(area)
    return area, saved


def _answer(monkeypatch, button: str, shown: list[str]) -> None:
    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        box.findChild(QPushButton, button).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)


def test_the_loss_is_shown_and_cancel_keeps_the_data(qtbot, station, tmp_path, monkeypatch):
    area, saved = _prepare(qtbot, station, tmp_path)
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        box.escapeButton().click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    assert area.backups.restore_file(saved) is False
    assert shown and shown[0].startswith("2 thay đổi")
    assert table_label("household") in shown[0] and table_label("household_event") in shown[0]
    assert _addresses(station.data_dir.database) == {"trước", "sau"}
    assert hh.villages(station.db), "still open and usable"


def test_restore_anyway_drops_the_changes(qtbot, station, tmp_path, monkeypatch):
    area, saved = _prepare(qtbot, station, tmp_path)
    shown: list[str] = []
    _answer(monkeypatch, "restoreAnyway", shown)
    database = station.data_dir.database
    assert area.backups.restore_file(saved) is True
    assert shown and _addresses(database) == {"trước"}


def test_export_first_writes_a_bundle_for_the_upper_level_then_restores(
    qtbot, station, tmp_path, monkeypatch
):
    from test_sync_support import make_templates, open_net

    from antq_desktop.sync import import_bundle

    net = open_net(make_templates(tmp_path / "net", ()))
    hub = net.dbs["hub"]
    try:
        hub_card, own = cards.own_card(hub), cards.own_card(station.db)
        cards.pair(station.db, hub_card, fingerprint=hub_card.fingerprint)
        cards.pair(hub, own, fingerprint=own.fingerprint)
        area, saved = _prepare(qtbot, station, tmp_path)
        stick = tmp_path / "usb"
        stick.mkdir()
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(stick))
        shown: list[str] = []
        _answer(monkeypatch, "exportFirst", shown)
        database = station.data_dir.database
        assert area.backups.restore_file(saved) is True
        assert _addresses(database) == {"trước"}
        [bundle] = stick.glob("*.antq")
        import_bundle(hub, bundle)  # the changes are safe at the upper level
        assert "sau" in _addresses(hub.path)
    finally:
        net.close()
