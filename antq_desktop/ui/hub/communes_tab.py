"""The communes table: each commune's figures and exchanges, the province report, period approval."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services import hub
from ...services.errors import UserError
from ..i18n import fmt_int
from ..operations import Kind, run_long, run_op
from .common import CODE_ROLE, OVERDUE, OVERDUE_BACK, fill_table, hub_table
from .commune_dialog import CommuneDialog

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
        self.table = hub_table(self)
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
        self.approval_table = hub_table(box)
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
        fill_table(self.table, self.headers(), table_rows)
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

        from ...documents.reports import render_report_pdf
        from ...papers.letterhead import letterhead
        from ..pdf_preview import make_preview
        from ..widgets import paper_path

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
        from ...services import reports

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
        fill_table(
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
