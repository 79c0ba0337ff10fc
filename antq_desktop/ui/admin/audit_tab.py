"""The audit trail: who did what and when, filtered, its chain checked, exported to Excel."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services import accounts, audit
from ...services.station import Station
from ..i18n import fmt_int, is_vietnamese
from ..operations import run_long
from ..sync_page import table_label
from ..widgets import read_only_table, set_columns
from .common import fill

# Audit trail
# ---------------------------------------------------------------------------------------------


class AuditTab(QWidget):
    PAGE = 500

    def __init__(self, station: Station, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = station.db
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-30))
        self.date_to = QDateEdit(today)
        for w in (self.date_from, self.date_to):
            w.setCalendarPopup(True)
            w.setDisplayFormat("dd/MM/yyyy")
        self.user = QComboBox()
        self.action = QComboBox()
        self.action.addItem(self.tr("All actions"), None)
        for code, label in audit.ACTION_LABELS.items():
            self.action.addItem(label if is_vietnamese() else code, code)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("From")))
        top.addWidget(self.date_from)
        top.addWidget(QLabel(self.tr("to")))
        top.addWidget(self.date_to)
        top.addWidget(self.user)
        top.addWidget(self.action)
        top.addStretch(1)
        self.table = read_only_table(
            [
                self.tr("No."),
                self.tr("Time"),
                self.tr("User"),
                self.tr("Action"),
                self.tr("Table"),
                self.tr("What changed"),
            ]
        )
        self.table.setObjectName("auditTable")
        set_columns(self.table, (60, 130, 110, 150, 120))
        bar = QHBoxLayout()
        self.verify_button = QPushButton(self.tr("Check the trail has not been altered"))
        self.verify_button.setObjectName("verifyChain")
        self.verify_button.clicked.connect(self.verify)
        export = QPushButton(self.tr("Export to Excel…"))
        export.clicked.connect(self.export)
        bar.addWidget(self.verify_button)
        bar.addWidget(export)
        bar.addStretch(1)
        self.count_label = QLabel()
        bar.addWidget(self.count_label)
        self.verdict = QLabel()
        self.verdict.setObjectName("chainVerdict")
        self.verdict.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.verdict)
        layout.addWidget(self.table, 1)
        self._fill_users()
        for w in (self.date_from, self.date_to):
            w.dateChanged.connect(self.refresh)
        self.user.currentIndexChanged.connect(self.refresh)
        self.action.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def _fill_users(self) -> None:
        self.user.addItem(self.tr("Every user"), None)
        for u in accounts.list_users(self.db):
            self.user.addItem(u.username, u.username)

    def query(self) -> audit.AuditQuery:
        def day(w: QDateEdit) -> date:
            d = w.date()
            return date(d.year(), d.month(), d.day())

        return audit.AuditQuery(
            date_from=day(self.date_from),
            date_to=day(self.date_to),
            username=self.user.currentData(),
            action=self.action.currentData(),
        )

    def refresh(self) -> None:
        q = self.query()
        total = audit.count_entries(self.db, q)
        rows = audit.list_entries(self.db, q, limit=self.PAGE)
        fill(
            self.table,
            [
                [
                    str(r.id),
                    f"{r.at:%d/%m/%Y %H:%M:%S}",
                    r.username or self.tr("(the program)"),
                    r.action_label if is_vietnamese() else r.action,
                    table_label(r.table_name) if r.table_name else "",
                    r.summary(),
                ]
                for r in rows
            ],
        )
        text = self.tr("%1 entries").replace("%1", fmt_int(total))
        if total > len(rows):
            text += " " + self.tr("(the newest %1 shown)").replace("%1", fmt_int(len(rows)))
        self.count_label.setText(text)

    def verify(self) -> None:
        report = audit.verify_chain(self.db)
        if report.ok:
            self.verdict.setStyleSheet("color: #1b7a2f")
            self.verdict.setText(
                self.tr("The trail is intact: %1 entries, each linked to the one before.").replace(
                    "%1", fmt_int(report.entries)
                )
            )
        else:
            self.verdict.setStyleSheet("color: #b3121a; font-weight: bold")
            self.verdict.setText(report.problem_vi if is_vietnamese() else report.problem_en)

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the audit trail"),
            "nhat-ky-thao-tac.xlsx",
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if path:
            target = Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")
            query = self.query()
            run_long(
                self,
                self.tr("Export the audit trail"),
                self.tr("Writing the audit trail…"),
                lambda _p: audit.export_xlsx(self.db, target, query),
            )


# ---------------------------------------------------------------------------------------------
