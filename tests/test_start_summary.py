"""The first page at start: Tổng quan filled from plain sqlite3 before SQLAlchemy is imported.

* ``services.start_summary.read_summary`` gives the figures and village coverage of the services' own
  ``overview`` and ``coverage``, figure for figure (tombstones, broken commitments, meetings of the year);
* a window shown before its station (no sign-in first) fills Tổng quan from it without importing
  SQLAlchemy, the ORM classes, reportlab or openpyxl, then ``attach`` wires the same page to the station;
* it answers None where it cannot answer simply: no file, a station not set up, another area on screen.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date

import pytest
from PySide6.QtCore import QSettings

from antq_desktop.services import demo, overview
from antq_desktop.services import station as station_service
from antq_desktop.services.households.changes import delete_households
from antq_desktop.services.households.register import HouseholdQuery, fetch_households
from antq_desktop.services.start_summary import read_summary
from antq_desktop.storage.paths import DataDir


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> DataDir:
    data_dir = DataDir(tmp_path_factory.mktemp("start"))
    st = station_service.open_station(data_dir)
    demo.create_demo_station(st.db, households=60, seed=11)
    gone = [h.id for h in fetch_households(st.db, HouseholdQuery(), 0, 3)]  # tombstones are not counted
    delete_households(st.db, gone)
    st.close()
    return data_dir


def test_the_summary_gives_the_services_figures(demo_dir):
    st = station_service.open_station(demo_dir)
    try:
        year = date.today().year
        ov = overview.overview(st.db, year)
        cov = overview.coverage(st.db, year)
    finally:
        st.close()
    summary = read_summary(demo_dir.database, year)
    assert summary is not None
    assert (
        summary.households,
        summary.persons,
        summary.commitments_signed,
        summary.groups,
        summary.members,
        summary.meetings_this_year,
        summary.open_opinions,
    ) == (
        ov.households,
        ov.persons,
        ov.commitments_signed,
        ov.groups,
        ov.members,
        ov.meetings_this_year,
        ov.open_opinions,
    )
    assert ov.households == 57 and ov.commitments_signed > 0 and ov.meetings_this_year > 0
    assert cov.by == "village"
    assert [(v.code, v.name, v.households, v.covered) for v in summary.villages] == [
        (r.code, r.name, r.households, r.covered) for r in cov.rows
    ]


def test_no_summary_without_a_set_up_station(tmp_path):
    assert read_summary(tmp_path / "antq.sqlite3") is None  # no file: nothing is created either
    assert not (tmp_path / "antq.sqlite3").exists()
    data_dir = DataDir(tmp_path / "fresh")
    station_service.open_station(data_dir).close()  # migrated, but the setup wizard has not run
    assert read_summary(data_dir.database) is None


PROBE = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QSettings
    from antq_desktop.app import create_application
    from antq_desktop.storage.paths import DataDir
    from antq_desktop.ui.main_window import MainWindow

    data_dir = DataDir.resolve(sys.argv[1])
    settings = QSettings(str(data_dir.settings_file), QSettings.Format.IniFormat)
    app = create_application(["probe"], settings, "vi")
    window = MainWindow(None, settings)
    window.show()
    app.processEvents()
    shown = window.preview(data_dir.database)
    app.processEvents()
    heavy = ("sqlalchemy", "antq_desktop.storage.models", "antq_desktop.storage.database",
             "antq_desktop.services.overview", "antq_desktop.services.station", "reportlab", "openpyxl")
    print("loaded", sorted(m for m in sys.modules if m.startswith(heavy)))
    page = window.pages.widget(0)
    print("shown", shown, page.objectName(), page.cards["households"].value.text(), page.table.rowCount())
    """
)


def test_the_first_page_is_filled_before_the_database_layer_is_imported(demo_dir):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(demo_dir.root)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    lines = dict(line.split(" ", 1) for line in out.stdout.splitlines() if " " in line)
    assert lines["loaded"] == "[]"
    summary = read_summary(demo_dir.database)
    assert summary is not None
    assert lines["shown"] == f"True page_overview {summary.households} {len(summary.villages)}"


def test_the_page_shown_ahead_is_the_one_attached_and_counted_again(qtbot, demo_dir):
    from qt_support import setup_app

    from antq_desktop.services import accounts
    from antq_desktop.ui.main_window import MainWindow

    setup_app(demo_dir)
    settings = QSettings(str(demo_dir.settings_file), QSettings.Format.IniFormat)
    settings.setValue("window/area", 0)
    w = MainWindow(None, settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.preview(demo_dir.database)
    early = w.pages.widget(0)
    assert early.db is None and early.cards["households"].value.text() == "57"
    early.cards["households"].set("–")  # what the station's own count must put back
    st = station_service.open_station(demo_dir)
    try:
        w.attach(st, accounts.default_username(st.db))
        assert w.pages.currentWidget() is early and w.pages.built == {0: early}
        assert early.db is st.db
        qtbot.waitUntil(lambda: early.cards["households"].value.text() == "57")
        w.go_to_area(1)  # the other areas are still built when first shown
        assert set(w.pages.built) == {0, 1}
        settings.setValue("window/area", 1)
        other = MainWindow(None, settings)
        qtbot.addWidget(other)
        assert not other.preview(demo_dir.database)  # another area on screen: nothing read ahead
    finally:
        w.close()
        st.close()
