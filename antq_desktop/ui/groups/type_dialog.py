"""The form of a kind of group: its name, its own attribute fields and roles."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services import groups as gs
from ...storage.database import Database
from ..operations import Kind, run_op
from ..widgets import (
    finish_form,
)


class GroupTypeDialog(QDialog):
    """A local kind of group or model: its name, roles, and the extra figures its groups fill in."""

    KINDS = ("int", "text", "bool")

    def __init__(
        self, db: Database, info: gs.GroupTypeInfo | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.info = info
        self.setWindowTitle(self.tr("Kind of group or model"))
        self.setMinimumSize(520, 460)
        self.name = QLineEdit(info.name if info else "")
        self.name.setObjectName("typeName")
        self.roles = QPlainTextEdit(
            "\n".join(r.name for r in info.roles) if info else "Tổ trưởng\nTổ phó\nTổ viên"
        )
        self.roles.setObjectName("typeRoles")
        self.roles.setMaximumHeight(90)
        self.attributes = QTableWidget(0, 2)
        self.attributes.setObjectName("typeAttributes")
        self.attributes.setHorizontalHeaderLabels([self.tr("Extra figure"), self.tr("Kind")])
        self.attributes.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.attributes.verticalHeader().setVisible(False)
        for a in info.attributes if info else ():
            self._add_attribute(a.label, a.type, a.key)
        add = QPushButton(self.tr("Add a figure"))
        add.clicked.connect(lambda: self._add_attribute("", "int"))
        builtin = info is not None and info.source != "local"
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Roles, one per line"), self.roles)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if builtin:
            self.name.setReadOnly(True)
            self.roles.setReadOnly(True)
            layout.addWidget(
                QLabel(self.tr("A kind that ships with the program: only extra figures can be added."))
            )
        layout.addWidget(self.attributes, 1)
        layout.addWidget(add)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.saved_id: str | None = None
        finish_form(self, self.name if not builtin else self.attributes)

    def _kind_label(self, kind: str) -> str:
        return {"int": self.tr("number"), "text": self.tr("text"), "bool": self.tr("yes / no")}[kind]

    def _add_attribute(self, label: str, kind: str, key: str = "") -> None:
        r = self.attributes.rowCount()
        self.attributes.insertRow(r)
        item = QTableWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.attributes.setItem(r, 0, item)
        combo = QComboBox()
        for k in self.KINDS:
            combo.addItem(self._kind_label(k), k)
        combo.setCurrentIndex(max(0, combo.findData(kind)))
        combo.setEnabled(not key)  # a kind already in use keeps its meaning
        self.attributes.setCellWidget(r, 1, combo)
        if not label:
            self.attributes.editItem(item)

    def draft(self) -> gs.GroupTypeDraft:
        attributes = []
        for r in range(self.attributes.rowCount()):
            item = self.attributes.item(r, 0)
            label = item.text().strip() if item else ""
            if not label:
                continue
            attributes.append(
                {
                    "key": item.data(Qt.ItemDataRole.UserRole) or "",
                    "label": label,
                    "type": self.attributes.cellWidget(r, 1).currentData(),
                }
            )
        roles = [{"name": line.strip()} for line in self.roles.toPlainText().splitlines() if line.strip()]
        return gs.GroupTypeDraft(
            id=self.info.id if self.info else None,
            code=self.info.code if self.info else "",
            name=self.name.text(),
            category=self.info.category if self.info else "other",
            attributes=attributes,
            roles=roles or None,
        )

    def _save(self) -> None:
        done = run_op(self, lambda: gs.save_group_type(self.db, self.draft()), changes={Kind.GROUPS})
        if done:
            self.saved_id = done.value
            self.accept()
