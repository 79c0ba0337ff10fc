"""Help → About and Help → User guide.

The About dialog names the version, where the data lives, and the licence of
every shipped library and font: the list of ``antq_desktop.licences``, which a
test checks against the installed packages' own metadata.

The user guide is the Markdown file in ``docs/`` (Vietnamese or English by the
interface language), shown with its screenshots in a plain text browser: no
web engine, nothing fetched from the network.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME, __version__, licences
from ..assets import docs_dir, fonts_dir
from ..services.station import Station
from .i18n import is_vietnamese
from .widgets import fit_to_screen, mark_search

GUIDES = {"vi": "huong-dan-su-dung.md", "en": "user-guide.md"}


class AboutDialog(QDialog):
    def __init__(self, station: Station, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.setWindowTitle(self.tr("About ANTQ Desktop"))
        self.setMinimumSize(640, 520)
        title = QLabel(f"<b style='font-size:15pt'>{APP_NAME} {__version__}</b>")
        what = QLabel(
            self.tr(
                "Records of the movement “Toàn dân bảo vệ an ninh Tổ quốc” for commune police stations, "
                "working without the internet."
            )
        )
        what.setWordWrap(True)
        where = QLabel(
            self.tr("Data folder: %1\nDatabase: %2")
            .replace("%1", str(station.data_dir.root))
            .replace("%2", str(station.db.path) if station.db.path else station.db.url)
        )
        where.setObjectName("aboutLocation")
        where.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("licences")
        self.table.setHorizontalHeaderLabels([self.tr("Component"), self.tr("Version"), self.tr("Licence")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        # The same list as `python -m antq_desktop.licences` (tests/test_licences.py).
        rows = [(c.name, c.version, c.licence) for c in licences.shipped()]
        self.table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.setColumnWidth(0, 220)
        self.table.setColumnWidth(1, 100)
        open_folder = QPushButton(self.tr("Open the data folder"))
        open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(station.data_dir.root)))
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(open_folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        font_note = QLabel(
            self.tr("Font licence text: %1").replace("%1", str(fonts_dir() / "LICENSE-Liberation.txt"))
        )
        font_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        for w in (title, what, where):
            layout.addWidget(w)
        layout.addWidget(self.table, 1)
        layout.addWidget(font_note)
        layout.addWidget(buttons)


class GuideDialog(QDialog):
    """The user guide in the interface's language, with its pictures, searchable with Ctrl+F."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        fit_to_screen(self, 900, 760)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide")
        self.browser.setOpenExternalLinks(False)
        path = docs_dir() / GUIDES["vi" if is_vietnamese() else "en"]
        self.path = path
        if path.is_file():
            self.browser.setSearchPaths([str(path.parent)])
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        else:
            self.browser.setPlainText(
                self.tr("The user guide is missing from this installation: %1").replace("%1", str(path))
            )
        self.find = mark_search(QLineEdit())
        self.find.setObjectName("guideFind")
        self.find.setPlaceholderText(self.tr("Find in the guide… (Ctrl+F, then Enter for the next)"))
        self.find.returnPressed.connect(self.find_next)
        self.not_found = QLabel()
        self.not_found.setObjectName("guideNotFound")
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self._focus_find)
        find_row = QHBoxLayout()
        find_row.addWidget(self.find, 1)
        find_row.addWidget(self.not_found)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(find_row)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.browser.setFocus()

    def _focus_find(self) -> None:
        self.find.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find.selectAll()

    def find_next(self) -> bool:
        """The next place the text occurs, from the top again after the last one."""
        text = self.find.text().strip()
        if not text:
            self.not_found.clear()
            return False
        found = self.browser.find(text)
        if not found:
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)
            found = self.browser.find(text)
        self.not_found.setText("" if found else self.tr("Not found"))
        return found
