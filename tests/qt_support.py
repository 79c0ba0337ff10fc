"""Helpers for the UI tests: the real application set-up, and typing Vietnamese safely.

``qtbot.keyClicks`` with a non-ASCII character aborts the whole run (a Qt
assertion); Vietnamese is typed one key event per character instead.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from antq_desktop.app import create_application
from antq_desktop.storage.paths import DataDir


def setup_app(data_dir: DataDir, lang: str = "vi") -> tuple[QApplication, QSettings]:
    settings = QSettings(str(data_dir.settings_file), QSettings.Format.IniFormat)
    app = create_application(["antq-test"], settings, lang)
    return app, settings


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Vietnamese included, as key events into ``widget``."""
    widget.setFocus()
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def visible_texts(root: QWidget) -> list[str]:
    """Every text a person can read in ``root``: labels, buttons, items, titles, menus."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QGroupBox,
        QLabel,
        QLineEdit,
        QListWidget,
        QMainWindow,
        QTableWidget,
        QWizardPage,
    )

    texts: list[str] = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        elif isinstance(w, QWizardPage):
            texts += [w.title(), w.subTitle()]
        elif isinstance(w, QListWidget):
            texts += [w.item(i).text() for i in range(w.count())]
        elif isinstance(w, QTableWidget):
            texts += [
                w.horizontalHeaderItem(i).text() for i in range(w.columnCount()) if w.horizontalHeaderItem(i)
            ]
        if isinstance(w, QMainWindow):
            for action in w.menuBar().actions():
                texts.append(action.text())
                if action.menu():
                    texts += [a.text() for a in action.menu().actions() if a.text()]
    return [t for t in texts if t and t.strip()]
