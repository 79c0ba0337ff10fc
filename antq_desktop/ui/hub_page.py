"""The upper level's hub: its communes side by side, charts, one commune's records, the province report,
period approval, and a household search across the communes.

Everything comes from :mod:`services.hub` (figures computed per commune from the
records that belong to it) and :mod:`services.reports` (approve / reopen a
period). The main window shows :class:`HubArea` in the Reports area when the
station's role is ``hub``.

The charts are drawn with QPainter: we ship PySide6-Essentials only, which has
no QtCharts (it is in PySide6-Addons), and two horizontal bar charts do not
justify the extra 100 MB.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCollator, QLocale, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain import admin_units
from ..domain.text import fold
from ..services import hub
from ..services.errors import UserError
from ..services.station import Station
from .i18n import fmt_int
from .operations import Kind, run_long, run_op

OVERDUE = QColor("#b3261e")
OVERDUE_BACK = QColor("#fdecea")
CODE_ROLE = Qt.ItemDataRole.UserRole + 1  # a row's commune code (first column)
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # a row's record id (first column)

_COLLATOR = QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))


class _TextItem(QTableWidgetItem):
    """Text that sorts as a Vietnamese reader expects (Đ after D, not after Z)."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return _COLLATOR.compare(self.text(), other.text()) < 0


def _item(value: Any, align_right: bool = False) -> QTableWidgetItem:
    """A read-only cell; numbers sort as numbers (DisplayRole holds the number itself)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        item = QTableWidgetItem()
        item.setData(Qt.ItemDataRole.DisplayRole, value)
        align_right = True
    else:
        item = _TextItem("" if value is None else str(value))
    item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _fill(
    table: QTableWidget,
    headers: list[str],
    rows: list[list[Any]],
    data: list[dict[int, Any]] | None = None,
) -> None:
    """Fill a read-only table; ``data``: per row, values kept on its first cell by role (ids)."""
    table.setSortingEnabled(False)
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, _item(value))
        for role, value in (data[r] if data else {}).items():
            table.item(r, 0).setData(role, value)
    table.setSortingEnabled(True)
    table.resizeColumnsToContents()


def _read_only_table(parent: QWidget | None = None) -> QTableWidget:
    t = QTableWidget(parent)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setAlternatingRowColors(True)
    t.verticalHeader().setVisible(False)
    return t


# ---------------------------------------------------------------------------------------------
# Charts
# ---------------------------------------------------------------------------------------------


class BarChart(QWidget):
    """A horizontal bar chart: one bar per commune, the value written after the bar."""

    ROW = 26
    TOP = 34

    def __init__(self, title: str, color: str, suffix: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.color = QColor(color)
        self.suffix = suffix
        self.items: list[tuple[str, float]] = []
        self.maximum: float | None = None  # None: the largest value
        self.setMinimumWidth(420)

    def set_items(self, items: list[tuple[str, float]], maximum: float | None = None) -> None:
        self.items = items
        self.maximum = maximum
        self.setMinimumHeight(self.TOP + self.ROW * max(1, len(items)) + 12)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(640, self.TOP + self.ROW * max(1, len(self.items)) + 12)

    def _text(self, value: float) -> str:
        text = (
            fmt_int(int(value))
            if float(value).is_integer()
            else QLocale().toString(float(value), "f", 2).rstrip("0").rstrip(QLocale().decimalPoint())
        )
        return text + self.suffix

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        title_font = QFont(self.font())
        title_font.setBold(True)
        p.setFont(title_font)
        p.setPen(self.palette().text().color())
        p.drawText(QRectF(8, 4, self.width() - 16, 24), Qt.AlignmentFlag.AlignVCenter, self.title)
        p.setFont(self.font())
        if not self.items:
            p.drawText(QRectF(8, self.TOP, self.width() - 16, self.ROW), Qt.AlignmentFlag.AlignLeft, "—")
            p.end()
            return
        fm = QFontMetrics(self.font())
        label_w = min(max(fm.horizontalAdvance(label) for label, _ in self.items) + 12, self.width() // 3)
        value_w = max(fm.horizontalAdvance(self._text(v)) for _, v in self.items) + 12
        top = self.maximum if self.maximum is not None else max(v for _, v in self.items)
        bar_w = max(10, self.width() - label_w - value_w - 16)
        axis_x = 8 + label_w
        for n, (label, value) in enumerate(self.items):
            y = self.TOP + n * self.ROW
            p.setPen(self.palette().text().color())
            elided = fm.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 8)
            p.drawText(
                QRectF(8, y, label_w - 8, self.ROW),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                elided,
            )
            length = bar_w * (value / top) if top else 0
            p.fillRect(QRectF(axis_x, y + 5, max(length, 1 if value else 0), self.ROW - 10), self.color)
            p.drawText(
                QRectF(axis_x + length + 6, y, value_w, self.ROW),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self._text(value),
            )
        p.setPen(self.palette().mid().color())
        p.drawLine(int(axis_x), self.TOP, int(axis_x), self.TOP + self.ROW * len(self.items))
        p.end()


class ChartTab(QScrollArea):
    """Coverage (% of households signed) and activity (meetings, members) by commune."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        body = QWidget()
        self.setObjectName("hubCharts")
        layout = QVBoxLayout(body)
        self.coverage = BarChart(self.tr("Coverage: households signed the commitment (%)"), "#2e7d32", " %")
        self.meetings = BarChart(self.tr("Activity: meetings this period"), "#1565c0")
        self.members = BarChart(self.tr("Activity: members of groups and models"), "#ef6c00")
        for chart in (self.coverage, self.meetings, self.members):
            layout.addWidget(chart)
        layout.addStretch(1)
        self.setWidget(body)

    def set_rows(self, rows: list[hub.CommuneRow]) -> None:
        names = [r.name for r in rows]
        self.coverage.set_items(
            [(n, float(r.figures.get("signed_pct", 0))) for n, r in zip(names, rows, strict=True)], 100.0
        )
        self.meetings.set_items([(n, r.figures.get("meetings", 0)) for n, r in zip(names, rows, strict=True)])
        self.members.set_items([(n, r.figures.get("members", 0)) for n, r in zip(names, rows, strict=True)])


# ---------------------------------------------------------------------------------------------
# One commune's records, read-only
# ---------------------------------------------------------------------------------------------


class CommuneDialog(QDialog):
    """One commune's records as the hub holds them, read-only: households, groups, meetings, awards."""

    def __init__(self, db: Any, row: hub.CommuneRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("%1 — records (read-only)").replace("%1", row.name))
        self.setObjectName("hubCommuneDialog")
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{row.unit_name}</b> ({row.commune_code})"))
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)
        self.households = _read_only_table()
        self.groups = _read_only_table()
        self.meetings = _read_only_table()
        self.awards = _read_only_table()
        code = row.commune_code
        households = hub.commune_households(db, code)
        _fill(
            self.households,
            [self.tr("Code"), self.tr("Head of household"), self.tr("Village"), self.tr("Persons"),
             self.tr("Commitment this year")],
            [[h["code"], h["head_name"], h["village"], h["persons"], h["commitment"]] for h in households],
            [{ID_ROLE: h["id"]} for h in households],
        )  # fmt: skip
        _fill(
            self.groups,
            [self.tr("Name"), self.tr("Kind"), self.tr("Village"), self.tr("Founded"), self.tr("Status"),
             self.tr("Members")],
            [[g["name"], g["type"], g["village"], g["founded_on"] or "", g["status"], g["members"]]
             for g in hub.commune_groups(db, code)],
        )  # fmt: skip
        _fill(
            self.meetings,
            [self.tr("Date"), self.tr("Kind"), self.tr("Title"), self.tr("Attendance"), self.tr("Opinions")],
            [[m["starts_at"] or "", m["type"], m["title"], m["attendees"], m["opinions"]]
             for m in hub.commune_meetings(db, code)],
        )  # fmt: skip
        _fill(
            self.awards,
            [self.tr("Decided on"), self.tr("Decision"), self.tr("Form"), self.tr("Level"), self.tr("Recipient")],
            [[a["decided_on"] or "", a["decision"], a["form"], a["level"], a["recipient"]]
             for a in hub.commune_awards(db, code)],
        )  # fmt: skip
        for table, title in (
            (self.households, self.tr("Households (%1)")),
            (self.groups, self.tr("Groups (%1)")),
            (self.meetings, self.tr("Meetings (%1)")),
            (self.awards, self.tr("Awards (%1)")),
        ):
            self.tabs.addTab(table, title.replace("%1", fmt_int(table.rowCount())))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def select_household(self, household_id: str) -> bool:
        """Show the households tab with this household selected and in view."""
        t = self.households
        for r in range(t.rowCount()):
            item = t.item(r, 0)
            if item is not None and item.data(ID_ROLE) == household_id:
                self.tabs.setCurrentWidget(t)
                t.selectRow(r)
                t.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)
                return True
        return False


# ---------------------------------------------------------------------------------------------
# The communes table
# ---------------------------------------------------------------------------------------------


class CommunesTab(QWidget):
    loaded = Signal(list)

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.view: hub.HubView | None = None
        self.rows: list[hub.CommuneRow] = []
        self.last_dialog: CommuneDialog | None = None
        self.last_preview: QDialog | None = None

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("hubSearch")
        self.search.setPlaceholderText(self.tr("Search a commune by name…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_filter)
        self.period = QLineEdit(self)
        self.period.setObjectName("hubPeriod")
        self.period.setMaximumWidth(110)
        self.period.setToolTip(self.tr("Period of the figures: 2026, 2026-H1, 2026-Q3 or 2026-07"))
        self.period.setText(hub.current_period(db).code)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.open_button = QPushButton(self.tr("Open commune…"), self)
        self.open_button.clicked.connect(self.open_selected)
        self.report_button = QPushButton(self.tr("Province report"), self)
        self.report_button.setObjectName("hubProvinceReport")
        self.report_button.clicked.connect(self.province_report)
        top.addWidget(self.search, 1)
        top.addWidget(QLabel(self.tr("Period:")))
        top.addWidget(self.period)
        for b in (self.refresh_button, self.open_button, self.report_button):
            top.addWidget(b)
        layout.addLayout(top)

        self.summary = QLabel(self)
        self.summary.setObjectName("hubSummary")
        layout.addWidget(self.summary)
        self.table = _read_only_table(self)
        self.table.setObjectName("hubCommunes")
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        layout.addWidget(self.table, 1)

        box = QGroupBox(self.tr("Period approval"), self)
        form = QFormLayout(box)
        self.lock_commune = QComboBox(box)
        self.lock_commune.currentIndexChanged.connect(self.show_locks)
        self.lock_period = QLineEdit(box)
        self.lock_period.setPlaceholderText("2026-Q3")
        self.lock_reason = QLineEdit(box)
        self.lock_reason.setPlaceholderText(self.tr("Reason (required to reopen)"))
        buttons = QHBoxLayout()
        self.approve_button = QPushButton(self.tr("Approve and lock"), box)
        self.approve_button.clicked.connect(self.approve)
        self.reopen_button = QPushButton(self.tr("Reopen"), box)
        self.reopen_button.clicked.connect(self.reopen)
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        self.lock_status = QLabel(box)
        self.lock_status.setObjectName("hubLockStatus")
        self.lock_status.setWordWrap(True)
        # The approved figures beside the current ones (services.approvals), the differing in red.
        self.approval_status = QLabel(box)
        self.approval_status.setObjectName("hubApprovalStatus")
        self.approval_status.setWordWrap(True)
        self.approval_table = _read_only_table(box)
        self.approval_table.setObjectName("hubApprovalFigures")
        self.approval_table.setMaximumHeight(180)
        self.approval_table.hide()
        self.lock_period.editingFinished.connect(self.show_locks)
        form.addRow(self.tr("Commune:"), self.lock_commune)
        form.addRow(self.tr("Period:"), self.lock_period)
        form.addRow(self.tr("Reason:"), self.lock_reason)
        form.addRow(buttons)
        form.addRow(self.lock_status)
        form.addRow(self.approval_status)
        form.addRow(self.approval_table)
        layout.addWidget(box)

    # -- loading ----------------------------------------------------------------------------

    APPROVED_COLUMN = 14  # the last column of :meth:`headers`

    def headers(self) -> list[str]:
        return [
            self.tr("Code"),
            self.tr("Commune"),
            self.tr("Paired"),
            self.tr("Last bundle"),
            self.tr("Received on"),
            self.tr("Days since"),
            self.tr("Unacknowledged"),
            self.tr("Households"),
            self.tr("Signed %"),
            self.tr("Groups"),
            self.tr("Members"),
            self.tr("Meetings"),
            self.tr("Open opinions"),
            self.tr("Awards"),
            self.tr("Approved"),
        ]

    def refresh(self) -> bool:
        period = self.period.text().strip() or None
        counted = run_long(
            self,
            self.tr("Communes"),
            self.tr("Counting each commune's records…"),
            lambda progress: hub.list_communes(self.db, period, progress=progress),
        )
        if not counted:
            return False
        self.show_view(counted.value)
        return True

    def show_view(self, view: hub.HubView) -> None:
        self.view = view
        self.rows = list(view.communes)
        yes, no = self.tr("yes"), self.tr("no")
        never = self.tr("never")
        table_rows = []
        for r in self.rows:
            f = r.figures
            received = r.last_received_at.strftime("%d/%m/%Y %H:%M") if r.last_received_at else never
            table_rows.append(
                [
                    r.commune_code,
                    r.name,
                    yes if r.paired else no,
                    r.last_bundle_in,
                    received,
                    r.days_since_received if r.days_since_received is not None else "",
                    r.unacknowledged,
                    f["households"],
                    f["signed_pct"],
                    f["groups"],
                    f["members"],
                    f["meetings"],
                    r.opinions_open,
                    f["awards"],
                    (self.tr("changed") if r.differs else yes) if r.approved else "",
                ]
            )
        _fill(self.table, self.headers(), table_rows)
        self.table.setSortingEnabled(False)
        for n, r in enumerate(self.rows):
            self.table.item(n, 0).setData(CODE_ROLE, r.commune_code)
            if r.overdue:
                for col in (3, 4, 5):
                    self.table.item(n, col).setForeground(OVERDUE)
                    self.table.item(n, col).setBackground(OVERDUE_BACK)
                self.table.item(n, 5).setToolTip(
                    self.tr("No bundle for %1 days or more").replace("%1", str(view.warn_after_days))
                )
            if r.differs:  # the figures approved are no longer what the records give
                cell = self.table.item(n, self.APPROVED_COLUMN)
                cell.setForeground(OVERDUE)
                cell.setBackground(OVERDUE_BACK)
                cell.setToolTip(
                    "\n".join(
                        self.tr("%1: approved %2, now %3")
                        .replace("%1", v["label"])
                        .replace("%2", str(v["approved"]))
                        .replace("%3", str(v["current"]))
                        for v in r.differences.values()
                    )
                )
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        overdue = sum(1 for r in self.rows if r.overdue)
        self.summary.setText(
            self.tr("%1 — %2 communes, figures for %3; %4 overdue")
            .replace("%1", view.province_name)
            .replace("%2", fmt_int(len(self.rows)))
            .replace("%3", view.period.code)
            .replace("%4", fmt_int(overdue))
        )
        current = self.lock_commune.currentData()
        self.lock_commune.blockSignals(True)
        self.lock_commune.clear()
        for r in self.rows:
            self.lock_commune.addItem(f"{r.name} ({r.commune_code})", r.commune_code)
        if current:
            self.lock_commune.setCurrentIndex(max(0, self.lock_commune.findData(current)))
        self.lock_commune.blockSignals(False)
        if not self.lock_period.text():
            self.lock_period.setText(view.period.code)
        self.show_locks()
        self.apply_filter(self.search.text())
        self.loaded.emit(self.rows)

    def apply_filter(self, text: str) -> None:
        keep = {r.commune_code for r in hub.filter_communes(self.rows, text)}
        for n in range(self.table.rowCount()):
            item = self.table.item(n, 0)
            self.table.setRowHidden(n, item is None or item.data(CODE_ROLE) not in keep)

    def visible_codes(self) -> list[str]:
        return [
            self.table.item(n, 0).data(CODE_ROLE)
            for n in range(self.table.rowCount())
            if not self.table.isRowHidden(n)
        ]

    # -- actions ----------------------------------------------------------------------------

    def selected_row(self) -> hub.CommuneRow | None:
        items = self.table.selectedItems()
        if not items:
            return None
        code = self.table.item(items[0].row(), 0).data(CODE_ROLE)
        return next((r for r in self.rows if r.commune_code == code), None)

    def open_selected(self) -> CommuneDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        return self.open_commune(row.commune_code)

    def open_commune(self, code: str) -> CommuneDialog | None:
        row = next((r for r in self.rows if r.commune_code == code), None)
        if row is None:
            return None
        opened = run_op(self, lambda: CommuneDialog(self.db, row, self))
        if not opened:
            return None
        dialog = opened.value
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def province_report(self) -> None:
        from datetime import date

        from ..documents.reports import render_report_pdf
        from ..papers.letterhead import letterhead
        from .pdf_preview import make_preview
        from .widgets import paper_path

        period = self.period.text().strip()
        path = paper_path("bao-cao-toan-tinh")

        def work(progress):  # type: ignore[no-untyped-def]
            report = hub.province_report(self.db, period, progress=progress)
            render_report_pdf(report, letterhead(self.db), path, day=date.today())

        if not run_long(self, self.tr("Province report"), self.tr("Adding up the communes' reports…"), work):
            return
        preview = make_preview(path, self.tr("Province report %1").replace("%1", period), self)
        if preview is not None:
            self.last_preview = preview
            preview.open()

    def show_locks(self) -> None:
        from ..services import reports

        code = self.lock_commune.currentData()
        if not code:
            self.lock_status.setText("")
            return
        locked = [s for s in reports.submissions(self.db, code) if s.locked]
        if locked:
            self.lock_status.setText(
                self.tr("Locked periods: %1").replace(
                    "%1", "; ".join(f"{s.period} ({s.lock_reason or s.locked_by})" for s in locked)
                )
            )
        else:
            self.lock_status.setText(self.tr("No period of this commune is locked."))
        self.show_approval(code)

    def show_approval(self, code: str) -> None:
        """The approved figures of the chosen commune and period beside the current ones."""
        self.approval_table.hide()
        self.approval_status.setText("")
        period = self.lock_period.text().strip()
        if not period:
            return
        try:
            check = hub.approval(self.db, code, period)
        except UserError:  # a period being typed; the buttons say what is wrong when pressed
            return
        if not check.approved:
            return
        when = check.approved_at.strftime("%d/%m/%Y") if check.approved_at else ""
        text = (
            self.tr("Approved on %1 by %2: %3 figures now differ from the approved ones (in red).")
            if check.differs
            else self.tr("Approved on %1 by %2: the figures are still the approved ones.")
        )
        self.approval_status.setText(
            text.replace("%1", when)
            .replace("%2", check.approved_by)
            .replace("%3", str(len(check.differences)))
        )
        rows = [[i.label, "" if i.approved is None else i.approved, i.current] for i in check.indicators]
        _fill(
            self.approval_table,
            [self.tr("Indicator"), self.tr("Approved"), self.tr("Now")],
            rows,
        )
        self.approval_table.setSortingEnabled(False)
        for n, i in enumerate(check.indicators):
            if i.differs:
                for c in range(3):
                    self.approval_table.item(n, c).setForeground(OVERDUE)
                    self.approval_table.item(n, c).setBackground(OVERDUE_BACK)
        self.approval_table.show()

    def approve(self) -> bool:
        code = self.lock_commune.currentData()

        def approve() -> None:
            if not code:
                raise UserError("Hãy chọn xã cần duyệt kỳ báo cáo.", "Choose the commune.")
            hub.approve(self.db, code, self.lock_period.text().strip(), self.lock_reason.text())

        if not run_op(self, approve, changes={Kind.REPORTS}):
            return False
        self.show_locks()
        return True

    def reopen(self) -> bool:
        code = self.lock_commune.currentData()

        def reopen() -> None:
            if not code:
                raise UserError("Hãy chọn xã cần mở lại kỳ báo cáo.", "Choose the commune.")
            hub.reopen(self.db, code, self.lock_period.text().strip(), self.lock_reason.text())

        if not run_op(self, reopen, changes={Kind.REPORTS}):
            return False
        self.show_locks()
        return True


# ---------------------------------------------------------------------------------------------
# Households of every commune
# ---------------------------------------------------------------------------------------------


class HouseholdSearchTab(QWidget):
    """A household anywhere in the province: search as you type, open it in its commune's records.

    The search (:func:`services.hub.search_households`: every word in the head's name,
    the code, the address or the phone, no diacritics needed) runs once typing pauses
    (:attr:`DELAY_MS`) or at once on Enter; the first :attr:`LIMIT` households by code.
    """

    DELAY_MS = 250
    LIMIT = 100

    def __init__(self, db: Any, communes: CommunesTab, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.communes = communes
        self.results: list[dict[str, Any]] = []
        self.searches = 0  # searches run (one per pause in typing)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("hubHouseholdSearch")
        self.search.setPlaceholderText(
            self.tr("Search households of every commune: head of household, code, address or phone…")
        )
        self.search.setClearButtonEnabled(True)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(self.DELAY_MS)
        self.timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self.timer.start())
        self.search.returnPressed.connect(self.run_search)
        self.open_button = QPushButton(self.tr("Open in its commune…"), self)
        self.open_button.setObjectName("hubOpenHousehold")
        self.open_button.clicked.connect(self.open_selected)
        top.addWidget(self.search, 1)
        top.addWidget(self.open_button)
        layout.addLayout(top)

        self.status = QLabel(self)
        self.status.setObjectName("hubHouseholdStatus")
        layout.addWidget(self.status)
        self.table = _read_only_table(self)
        self.table.setObjectName("hubHouseholdResults")
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        layout.addWidget(self.table, 1)
        self.show_results([], more=False)
        self.status.setText(self.hint())

    def headers(self) -> list[str]:
        return [
            self.tr("Commune"),
            self.tr("Village"),
            self.tr("Head of household"),
            self.tr("Address"),
            self.tr("Code"),
        ]

    def hint(self) -> str:
        return self.tr("Type at least two letters or digits.")

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.search.setFocus()

    def run_search(self) -> None:
        self.timer.stop()
        text = self.search.text()
        if len("".join(fold(text).split())) < 2:
            self.show_results([], more=False)
            self.status.setText(self.hint())
            return
        searched = run_op(self, lambda: hub.search_households(self.db, text, limit=self.LIMIT + 1))
        if not searched:
            return
        found = searched.value
        self.searches += 1
        self.show_results(found[: self.LIMIT], more=len(found) > self.LIMIT)

    def show_results(self, results: list[dict[str, Any]], more: bool) -> None:
        def commune_name(code: str) -> str:
            c = admin_units.commune(code) if code else None
            return c.name if c else code

        self.results = results
        _fill(
            self.table,
            self.headers(),
            [[commune_name(h["commune_code"]), h["village"], h["head_name"], h["address"], h["code"]]
             for h in results],
            [{CODE_ROLE: h["commune_code"], ID_ROLE: h["id"]} for h in results],
        )  # fmt: skip
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the address
        if not results:
            self.status.setText(self.tr("No household matches."))
        elif more:
            self.status.setText(
                self.tr("The first %1 households by code: type more to narrow the search.").replace(
                    "%1", fmt_int(self.LIMIT)
                )
            )
        else:
            self.status.setText(self.tr("%1 households found.").replace("%1", fmt_int(len(self.results))))

    def selected(self) -> tuple[str, str] | None:
        """(commune code, household id) of the selected result."""
        items = self.table.selectedItems()
        if not items:
            return None
        first = self.table.item(items[0].row(), 0)
        return first.data(CODE_ROLE), first.data(ID_ROLE)

    def open_selected(self) -> CommuneDialog | None:
        """The household's commune, read-only, with the household selected in its list."""
        chosen = self.selected()
        if chosen is None:
            return None
        code, household_id = chosen
        if code and not any(r.commune_code == code for r in self.communes.rows):
            self.communes.refresh()  # the table was never loaded, or the commune is new since
        if not code or not any(r.commune_code == code for r in self.communes.rows):
            self.status.setText(self.tr("This household's commune is not among the hub's communes."))
            return None
        dialog = self.communes.open_commune(code)  # None: it could not be read (the error was shown)
        if dialog is not None:
            dialog.select_household(household_id)
        return dialog


class HubArea(QTabWidget):
    """The hub's Reports area: the communes table and the charts (one load feeds both), the household search."""

    def __init__(self, station: Station, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hubArea")
        self.communes = CommunesTab(station.db)
        self.charts = ChartTab()
        self.households = HouseholdSearchTab(station.db, self.communes)
        self.addTab(self.communes, self.tr("Communes"))
        self.addTab(self.charts, self.tr("Charts"))
        self.addTab(self.households, self.tr("Household search"))
        self.communes.loaded.connect(self.charts.set_rows)
        self._loaded = False
        self._pending = False

    def refresh(self) -> None:
        self._loaded = self.communes.refresh() or self._loaded

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._loaded and not self._pending:
            # After the show has finished: the count runs under a modal progress dialog whose event
            # processing must not re-enter a show in progress (it crashed offscreen now and then).
            self._pending = True
            QTimer.singleShot(0, self._first_load)

    def _first_load(self) -> None:
        self._pending = False
        if not self._loaded:
            self.refresh()
