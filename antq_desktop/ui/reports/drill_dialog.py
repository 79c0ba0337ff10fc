"""The records behind one figure of the report."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...services import reports as rp
from ..i18n import fmt_int, fmt_number
from ..widgets import (
    cell,
    date_text,
    read_only_table,
    set_columns,
)

# The report
# ---------------------------------------------------------------------------------------------


class DrillDialog(QDialog):
    """The records behind one figure."""

    def __init__(self, title: str, rows: list[rp.DrillRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 520)
        self.table = read_only_table(
            [self.tr("Date"), self.tr("Record"), self.tr("Village"), self.tr("Counts for")]
        )
        self.table.setObjectName("drillTable")
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            value = "" if row.value is None else fmt_number(row.value)
            for c, item in enumerate(
                (cell(date_text(row.day)), cell(row.label), cell(row.village), cell(value, True))
            ):
                self.table.setItem(r, c, item)
        set_columns(self.table, (100, 380, 150))
        count = QLabel(self.tr("%1 records").replace("%1", fmt_int(len(rows))))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(count)
        layout.addWidget(buttons)
