"""The hub's screens: three communes side by side, search, charts, one commune's records, period approval,
and the household search across the communes.

The hub holds three communes imported from real bundles (the same communes as
``test_hub.py``). With ``ANTQ_SCREENSHOTS=DIR`` the table and the chart are
also saved as ``DIR/hub-communes.png`` and ``DIR/hub-chart.png`` (how
docs/screenshots/ were made).
"""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox
from qt_support import setup_app, type_text
from test_hub import SIZES, fill_commune
from test_sync_support import COMMUNES, pair_with_hub, setup_station, site_id

from antq_desktop.domain import admin_units
from antq_desktop.services import hub as hub_service
from antq_desktop.services import reports as rp
from antq_desktop.storage.database import Database
from antq_desktop.ui.hub import ID_ROLE, CommuneDialog, HubArea


@pytest.fixture(scope="module")
def hub_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A hub and three communes (A, B, C) whose bundles it imported; closed database files."""
    from antq_desktop.sync import export_bundle, import_bundle

    folder = tmp_path_factory.mktemp("hub-ui")
    hub = setup_station(folder / "hub.sqlite3", "hub")
    paths = {"hub": folder / "hub.sqlite3"}
    for key in COMMUNES:
        db = setup_station(folder / f"{key}.sqlite3", key)
        fill_commune(db, key)
        pair_with_hub(hub, db)
        export_bundle(db, site_id(hub), folder / f"{key}.antq")
        import_bundle(hub, folder / f"{key}.antq")
        db.dispose()
        paths[key] = folder / f"{key}.sqlite3"
    hub.dispose()
    return paths


@pytest.fixture
def area(qtbot, station, hub_files, monkeypatch):
    setup_app(station.data_dir, "en")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warnings.append(text))
    hub = Database(f"sqlite:///{hub_files['hub']}")
    widget = HubArea(SimpleNamespace(db=hub))
    widget.warnings = warnings
    widget.hub = hub
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    qtbot.waitUntil(lambda: widget.communes.table.rowCount() == 3)
    yield widget
    hub.dispose()


def own_figures(path: Path) -> dict[str, float]:
    db = Database(f"sqlite:///{path}")
    try:
        return rp.compute(db, "2026").values()
    finally:
        db.dispose()


def column(area: HubArea, title: str) -> int:
    t = area.communes.table
    return next(c for c in range(t.columnCount()) if t.horizontalHeaderItem(c).text() == title)


def test_the_table_shows_each_commune_with_its_own_figures_and_search_filters(area, hub_files) -> None:
    tab = area.communes
    tab.period.setText("2026")
    assert tab.refresh()
    t = tab.table
    by_code = {t.item(r, 0).text(): r for r in range(t.rowCount())}
    assert set(by_code) == {code for code, _ in COMMUNES.values()}
    for key, (code, _unit) in COMMUNES.items():
        mine = own_figures(hub_files[key])
        r = by_code[code]
        assert t.item(r, column(area, "Households")).data(0) == SIZES[key][0] == mine["households.total"]
        assert t.item(r, column(area, "Signed %")).data(0) == mine["households.signed_pct"]
        assert t.item(r, column(area, "Groups")).data(0) == mine["models.groups"]
        assert t.item(r, column(area, "Meetings")).data(0) == mine["meetings.total"]
        assert t.item(r, column(area, "Awards")).data(0) == mine["awards.total"]
        assert t.item(r, column(area, "Last bundle")).data(0) == 1
    # Sorting by households puts the largest commune (C) last in ascending order.
    t.sortByColumn(column(area, "Households"), Qt.SortOrder.AscendingOrder)
    assert t.item(t.rowCount() - 1, 0).text() == COMMUNES["C"][0]

    type_text(tab.search, "bao lac")  # without diacritics: Xã Bảo Lạc
    assert tab.visible_codes() == [COMMUNES["C"][0]]
    tab.search.clear()
    assert sorted(tab.visible_codes()) == sorted(by_code)
    _save(area, "hub-communes.png", tab)


def test_the_chart_paints_bars(area) -> None:
    area.setCurrentWidget(area.charts)
    chart = area.charts.coverage
    assert len(chart.items) == 3 and chart.maximum == 100.0
    image = chart.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    bar = QColor("#2e7d32").rgb()
    assert (
        sum(1 for x in range(image.width()) for y in range(image.height()) if image.pixel(x, y) == bar) > 200
    )
    meetings = area.charts.meetings.grab().toImage()
    background = meetings.pixel(2, meetings.height() - 2)
    assert any(
        meetings.pixel(x, y) != background
        for x in range(0, meetings.width(), 3)
        for y in range(40, meetings.height(), 3)
    )
    _save(area, "hub-chart.png", area.charts)


def test_drill_down_lists_one_communes_households_read_only(area, hub_files) -> None:
    tab = area.communes
    row = next(r for r, c in enumerate(tab.rows) if c.commune_code == COMMUNES["B"][0])
    code_item = next(
        tab.table.item(r, 0)
        for r in range(tab.table.rowCount())
        if tab.table.item(r, 0).text() == COMMUNES["B"][0]
    )
    tab.table.selectRow(code_item.row())
    dialog = tab.open_selected()
    assert isinstance(dialog, CommuneDialog) and tab.rows[row].commune_code == COMMUNES["B"][0]
    assert dialog.households.rowCount() == SIZES["B"][0]
    assert dialog.groups.rowCount() == own_figures(hub_files["B"])["models.groups"]
    assert dialog.meetings.rowCount() > 0 and dialog.awards.rowCount() > 0
    assert not dialog.households.item(0, 1).flags() & dialog.households.item(0, 1).flags().ItemIsEditable
    dialog.close()


def test_approve_locks_the_period_and_reopen_needs_a_reason(area) -> None:
    tab = area.communes
    code = COMMUNES["A"][0]
    tab.lock_commune.setCurrentIndex(tab.lock_commune.findData(code))
    tab.lock_period.setText("2026-Q3")
    tab.lock_reason.setText("Đã duyệt báo cáo quý III")
    assert tab.approve()
    [sub] = [s for s in rp.submissions(area.hub, code) if s.period == "2026-Q3"]
    assert (
        sub.locked
        and sub.locked_by == "Công an tỉnh Cao Bằng"
        and sub.lock_reason == "Đã duyệt báo cáo quý III"
    )
    assert "2026-Q3" in tab.lock_status.text()
    tab.lock_reason.setText("")
    assert not tab.reopen() and "reopened" in area.warnings[-1]  # English interface
    tab.lock_reason.setText("Xã xin sửa số liệu")
    assert tab.reopen()
    assert not [s for s in rp.submissions(area.hub, code) if s.locked]


def _results(tab) -> list[dict[str, str]]:
    t = tab.table
    heads = [t.horizontalHeaderItem(c).text() for c in range(t.columnCount())]
    return [
        {**{h: t.item(r, c).text() for c, h in enumerate(heads)}, "id": t.item(r, 0).data(ID_ROLE)}
        for r in range(t.rowCount())
    ]


def test_household_search_across_communes_as_you_type_sorts_and_opens_the_commune(area, qtbot) -> None:
    tab = area.households
    area.setCurrentWidget(tab)
    code_b = COMMUNES["B"][0]
    target = hub_service.commune_households(area.hub, code_b)[5]
    head = target["head_name"]  # a Vietnamese name with its marks, e.g. "Nông Thị Hoa"
    assert head != head.encode("ascii", "ignore").decode()

    type_text(tab.search, head[:1])  # one letter: nothing is searched, a hint is shown
    qtbot.wait(tab.DELAY_MS + 150)
    assert tab.searches == 0 and tab.table.rowCount() == 0 and "two" in tab.status.text()

    type_text(tab.search, head[1:])  # typed key by key: one search once typing pauses, not one per key
    assert tab.searches == 0
    qtbot.waitUntil(lambda: tab.searches == 1, timeout=3000)
    qtbot.wait(tab.DELAY_MS + 100)
    assert tab.searches == 1
    found = _results(tab)
    hit = next(r for r in found if r["id"] == target["id"])
    assert hit == {
        "Commune": admin_units.commune(code_b).name,
        "Village": target["village"],
        "Head of household": head,
        "Address": hit["Address"],
        "Code": target["code"],
        "id": target["id"],
    }
    assert hit["Address"] and all(r["Head of household"] for r in found)
    assert "found" in tab.status.text()

    # Without diacritics, a surname over every commune: rows of several communes, sortable the
    # Vietnamese way (Xã Bảo Lạc before Xã Bảo Lâm, which plain text order puts the other way).
    tab.search.clear()
    type_text(tab.search, "thon")  # the villages are "Thôn …" in every commune's addresses
    qtbot.waitUntil(lambda: tab.searches == 2, timeout=3000)
    rows = _results(tab)
    assert {r["Commune"] for r in rows} >= {admin_units.commune(c).name for c, _ in COMMUNES.values()}
    t = tab.table
    t.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    names = [r["Commune"] for r in _results(tab)]
    lac, lam = admin_units.commune(COMMUNES["C"][0]).name, admin_units.commune(code_b).name
    assert names.index(lac) < names.index(lam) and lam < lac  # collation, not code points
    t.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    names = [r["Commune"] for r in _results(tab)]
    assert names.index(lam) < names.index(lac)
    _save(area, "hub-households.png", tab)

    # More matches than the screen lists: it says so.
    tab.LIMIT = 5
    tab.search.returnPressed.emit()  # Enter searches at once
    assert tab.searches == 3 and tab.table.rowCount() == 5 and "narrow" in tab.status.text()
    tab.LIMIT = type(tab).LIMIT

    # Opening a result jumps to its commune's read-only records, the household selected.
    tab.search.clear()
    type_text(tab.search, head)
    qtbot.waitUntil(lambda: tab.searches == 4, timeout=3000)
    row = next(r for r in range(t.rowCount()) if t.item(r, 0).data(ID_ROLE) == target["id"])
    t.selectRow(row)
    dialog = tab.open_selected()
    assert isinstance(dialog, CommuneDialog) and dialog is area.communes.last_dialog
    assert dialog.windowTitle().startswith(admin_units.commune(code_b).name)
    assert dialog.tabs.currentWidget() is dialog.households
    [picked] = dialog.households.selectedItems()[:1]
    assert dialog.households.item(picked.row(), 0).data(ID_ROLE) == target["id"]
    assert dialog.households.item(picked.row(), 1).text() == head
    dialog.close()

    tab.search.clear()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 0 and "two" in tab.status.text(), timeout=3000)
    assert tab.open_selected() is None


def _save(area: HubArea, name: str, widget) -> None:
    folder = os.environ.get("ANTQ_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        area.setCurrentWidget(widget)
        assert area.grab().save(str(Path(folder) / name))
