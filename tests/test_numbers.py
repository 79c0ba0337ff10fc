"""Numbers and percentages per language (issue 22): one helper in the core (domain/numbers.py), QLocale
in the windowed program (ui/i18n.py), the same results; the report's figures on screen follow the
interface's language while the paper stays Vietnamese."""

from __future__ import annotations

from datetime import date

import pytest
from qt_support import setup_app

from antq_desktop.domain.numbers import fmt_number, fmt_percent
from antq_desktop.services import reports as rp
from antq_desktop.services import results

VALUES = [0, 7, 1234, 1500.0, 83.3333, 94.75, 1234567.891, 100.0, 0.5]


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [(1234, "1.234", "1,234"), (83.3333, "83,33", "83.33"), (1234567.891, "1.234.567,89", "1,234,567.89"),
     (1500.0, "1.500", "1,500"), (94.75, "94,75", "94.75"), (0, "0", "0")],
)  # fmt: skip
def test_the_core_helper(value: float, vi: str, en: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert fmt_number(value, "vi") == vi and fmt_number(value, "en") == en
    assert fmt_percent(value, "en") == en + "%"
    monkeypatch.setenv("ANTQ_LANG", "en")
    assert fmt_number(value) == en
    monkeypatch.delenv("ANTQ_LANG")
    assert fmt_number(value) == vi == rp.format_number(value)  # the paper's figures: Vietnamese


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_interface_formats_as_the_core_does(qapp, station, lang: str) -> None:
    from antq_desktop.ui import i18n

    setup_app(station.data_dir, lang)
    try:
        assert [i18n.fmt_number(v) for v in VALUES] == [fmt_number(v, lang) for v in VALUES]
    finally:
        setup_app(station.data_dir, "vi")


def test_report_figures_on_screen_follow_the_language(qtbot, station) -> None:
    from antq_desktop.ui.reports import ReportsArea

    rp.set_convention(station.db, "calendar")
    results.save(station.db, results.HandedInDraft(day=date.today(), kind="dan", quantity=1500.0))
    shown = {}
    for lang in ("en", "vi"):
        setup_app(station.data_dir, lang)
        area = ReportsArea(station.db, "canbo1")
        qtbot.addWidget(area)
        tab = area.report
        tab.period.setText(str(date.today().year))
        assert tab.compute() is not None
        shown[lang] = {
            tab.table.item(r, 1).text() for r in range(tab.table.rowCount()) if tab.table.item(r, 1)
        }
    setup_app(station.data_dir, "vi")
    assert "1,500" in shown["en"] and "1.500" not in shown["en"]
    assert "1.500" in shown["vi"] and "1,500" not in shown["vi"]
