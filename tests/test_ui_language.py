"""One language at a time in the windowed program (issue 22): no tab title with a lone '&' (Qt takes it
as a shortcut mark: "Commitments _coverage"), and no district level left in the set-up wizard."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QTabWidget, QWizardPage
from qt_support import setup_app, visible_texts

from antq_desktop.services import accounts, demo
from antq_desktop.services import station as station_service
from antq_desktop.storage.paths import DataDir
from antq_desktop.ui.main_window import MainWindow
from antq_desktop.ui.setup_wizard import SetupWizard

LONE_AMPERSAND = re.compile(r"(?<!&)&(?!&)")


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> DataDir:
    data_dir = DataDir(tmp_path_factory.mktemp("lang"))
    st = station_service.open_station(data_dir)
    demo.create_demo_station(st.db, households=30, seed=3)
    st.close()
    return data_dir


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_no_tab_title_holds_a_shortcut_mark(qtbot, demo_dir: DataDir, lang: str) -> None:
    setup_app(demo_dir, lang)
    st = station_service.open_station(demo_dir)
    try:
        settings = QSettings(str(demo_dir.settings_file), QSettings.Format.IniFormat)
        w = MainWindow(st, settings, accounts.default_username(st.db))
        qtbot.addWidget(w)
        for i in range(w.pages.count()):  # every area's page (each is built the first time it is shown)
            w.pages.widget(i)
        tabs = [t.tabText(i) for t in w.findChildren(QTabWidget) for i in range(t.count())]
        assert len(tabs) >= 5
        assert not [t for t in tabs if LONE_AMPERSAND.search(t)], tabs
        if lang == "en":
            assert "Commitments and coverage" in tabs
    finally:
        st.close()
        setup_app(demo_dir, "vi")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_wizard_knows_no_district_level(qtbot, demo_dir: DataDir, lang: str) -> None:
    setup_app(demo_dir, lang)
    try:
        wizard = SetupWizard()
        qtbot.addWidget(wizard)
        texts = []
        for page_id in wizard.pageIds():
            page: QWizardPage = wizard.page(page_id)
            texts += visible_texts(page)
            for combo in page.findChildren(QComboBox):
                texts += [combo.itemText(i) for i in range(combo.count())]
        joined = "\n".join(texts).casefold()
        assert "huyện" not in joined and "district" not in joined, [
            t for t in texts if "huyện" in t.casefold() or "district" in t.casefold()
        ]
    finally:
        setup_app(demo_dir, "vi")
