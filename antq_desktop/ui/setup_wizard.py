"""First-run setup: province → commune → unit and villages → upper level → administrator → recovery
code, or demo data.

The upper level's hub (the province police) belongs to no commune: province → its unit's name →
administrator → recovery code; no commune, no villages, no upper level of its own.

Safe by default (docs/security.md): a real unit's sensitive columns are encrypted from the start.
The last page shows the recovery code of the data key once, prints or saves its sheet, and lets the
officer finish only after confirming the code was written down.  The demo commune stays unencrypted
(it holds no real people).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..documents.layout import Letterhead
from ..documents.recovery_sheet import render_recovery_sheet
from ..domain import admin_units
from ..domain.text import matches, nfc
from ..services import encryption, passwords
from ..services import station as station_service
from ..services.demo import DEMO_ADMIN
from ..services.errors import UserError
from .widgets import paper_path

PAGE_INTRO, PAGE_PROVINCE, PAGE_COMMUNE, PAGE_UNIT, PAGE_UPPER, PAGE_ADMIN, PAGE_RECOVERY = range(7)


@dataclass
class SetupPlan:
    """What the officer chose: a real unit (``request``) or the demo commune."""

    demo: bool
    request: station_service.SetupRequest


class _SearchList(QWidget):
    """A search box over a list; typing filters by folded words ("thach lam" → "Thạch Lâm")."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._pick_first_visible)

    def set_items(self, items: list[tuple[str, str, str]]) -> None:
        """Items as (code, label, folded key)."""
        self.list.clear()
        for code, label, key in items:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setData(Qt.ItemDataRole.UserRole + 1, key)
            self.list.addItem(item)
        self._filter(self.search.text())

    def _filter(self, text: str) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(not matches(text, item.data(Qt.ItemDataRole.UserRole + 1)))

    def _pick_first_visible(self) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if not item.isHidden():
                self.list.setCurrentItem(item)
                return

    def current_code(self) -> str:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item and not item.isHidden() else ""

    def select_code(self, code: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == code:
                self.list.setCurrentRow(i)
                return


class _EnterKeeper(QObject):
    """Keeps Enter in a line edit (it adds a village) instead of pressing the wizard's Next."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            obj.returnPressed.emit()
            return True
        return False


class IntroPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to ANTQ Desktop"))
        self.setSubTitle(
            self.tr("The records of the movement for the whole people to protect national security.")
        )
        self.setup_choice = QRadioButton(self.tr("Set up my unit (choose the province and commune)"))
        self.hub_choice = QRadioButton(
            self.tr("Set up the upper level's hub (province police): see the communes' bundles side by side")
        )  # province and unit name only: the hub belongs to no commune
        self.hub_choice.setObjectName("hubChoice")
        self.demo_choice = QRadioButton(self.tr("Try it with demo data"))
        self.setup_choice.setChecked(True)
        note = QLabel(
            self.tr(
                "Demo data creates a sample commune with about 1,500 households, groups, meetings and awards. "
                "Use a separate data folder for real work."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.setup_choice)
        layout.addWidget(self.hub_choice)
        layout.addWidget(self.demo_choice)
        layout.addSpacing(12)
        layout.addWidget(note)
        layout.addStretch()

    def nextId(self) -> int:
        return PAGE_ADMIN if self.demo_choice.isChecked() else PAGE_PROVINCE


class ProvincePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Province or city"))
        self.setSubTitle(
            self.tr("The 34 provinces and cities since 1 July 2025. Type without diacritics to search.")
        )
        self.picker = _SearchList(self.tr("Search, e.g. cao bang"))
        self.picker.set_items([(p.code, f"{p.name} ({p.code})", p.key) for p in admin_units.provinces()])
        self.picker.list.currentItemChanged.connect(self.completeChanged)
        self.picker.list.itemDoubleClicked.connect(lambda _item: self.wizard().next())
        QVBoxLayout(self).addWidget(self.picker)

    def isComplete(self) -> bool:
        return bool(self.picker.current_code())

    def nextId(self) -> int:
        wizard = self.wizard()
        return PAGE_UNIT if wizard is not None and getattr(wizard, "hub", False) else PAGE_COMMUNE


class CommunePage(QWizardPage):
    def __init__(self, province_page: ProvincePage) -> None:
        super().__init__()
        self._province_page = province_page
        self.setTitle(self.tr("Commune, ward or special zone"))
        self.picker = _SearchList(self.tr("Search, e.g. thach lam"))
        self.picker.list.currentItemChanged.connect(self.completeChanged)
        self.picker.list.itemDoubleClicked.connect(lambda _item: self.wizard().next())
        QVBoxLayout(self).addWidget(self.picker)
        self._loaded_for = ""

    def initializePage(self) -> None:
        code = self._province_page.picker.current_code()
        if code != self._loaded_for:
            province = admin_units.province(code)
            self.setSubTitle(self.tr("Communes of %1").replace("%1", province.name if province else code))
            self.picker.search.clear()
            self.picker.set_items(
                [(c.code, f"{c.name} ({c.code})", c.key) for c in admin_units.communes(code)]
            )
            self._loaded_for = code
        self.picker.search.setFocus()

    def isComplete(self) -> bool:
        return bool(self.picker.current_code())


class UnitPage(QWizardPage):
    def __init__(self, commune_page: CommunePage, province_page: ProvincePage) -> None:
        super().__init__()
        self._commune_page = commune_page
        self._province_page = province_page
        self.setTitle(self.tr("Your unit and its villages"))
        self.setSubTitle(self.tr("Villages: thôn, xóm, bản, ấp, tổ dân phố… You can add more later."))
        self.unit_name = QLineEdit()
        self.villages = QListWidget()
        self.villages.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.new_village = QLineEdit()
        self.new_village.setPlaceholderText(self.tr("e.g. Thôn Nà Mạ"))
        add = QPushButton(self.tr("Add"))
        rename = QPushButton(self.tr("Rename"))
        remove = QPushButton(self.tr("Remove"))
        up = QPushButton(self.tr("Move up"))
        down = QPushButton(self.tr("Move down"))
        add.clicked.connect(self.add_village)
        self.new_village.returnPressed.connect(self.add_village)
        self._enter_keeper = _EnterKeeper(self)
        self.new_village.installEventFilter(self._enter_keeper)
        rename.clicked.connect(self._rename)
        remove.clicked.connect(self._remove)
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020")

        form = QFormLayout()
        form.addRow(self.tr("Unit name:"), self.unit_name)
        adder = QHBoxLayout()
        adder.addWidget(self.new_village, 1)
        adder.addWidget(add)
        buttons = QVBoxLayout()
        for b in (rename, remove, up, down):
            buttons.addWidget(b)
        buttons.addStretch()
        lists = QHBoxLayout()
        lists.addWidget(self.villages, 1)
        lists.addLayout(buttons)
        self.village_box = QWidget()  # hidden for a hub: the communes bring their villages
        box = QVBoxLayout(self.village_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel(self.tr("Villages of the commune:")))
        box.addLayout(adder)
        box.addLayout(lists)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.village_box, 1)
        layout.addWidget(self.message)
        self.unit_name.textChanged.connect(self.completeChanged)

    def initializePage(self) -> None:
        hub = self._is_hub()
        self.village_box.setVisible(not hub)
        if hub:
            province = admin_units.province(self._province_page.picker.current_code())
            if province and not self.unit_name.isModified():
                self.unit_name.setText(station_service.default_upper_level(province))
            self.setSubTitle(
                self.tr("The hub's own unit. Villages are not needed: the communes bring theirs.")
            )
            return
        commune = admin_units.commune(self._commune_page.picker.current_code())
        if commune and not self.unit_name.isModified():
            self.unit_name.setText(station_service.default_unit_name(commune))

    def _is_hub(self) -> bool:
        wizard = self.wizard()
        return bool(wizard is not None and getattr(wizard, "hub", False))

    def nextId(self) -> int:
        return PAGE_ADMIN if self._is_hub() else PAGE_UPPER

    def add_village(self) -> None:
        name = " ".join(self.new_village.text().split())
        if not name:
            return
        if name.casefold() in {n.casefold() for n in self.village_names()}:
            self.message.setText(self.tr("This village is already in the list."))
            return
        self.message.clear()
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.villages.addItem(item)
        self.new_village.clear()

    def _rename(self) -> None:
        item = self.villages.currentItem()
        if item:
            self.villages.editItem(item)

    def _remove(self) -> None:
        row = self.villages.currentRow()
        if row >= 0:
            self.villages.takeItem(row)

    def _move(self, delta: int) -> None:
        row = self.villages.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.villages.count():
            return
        item = self.villages.takeItem(row)
        self.villages.insertItem(target, item)
        self.villages.setCurrentRow(target)

    def village_names(self) -> list[str]:
        return [self.villages.item(i).text().strip() for i in range(self.villages.count())]

    def isComplete(self) -> bool:
        return bool(self.unit_name.text().strip())


class UpperLevelPage(QWizardPage):
    KINDS = ("Công an tỉnh", "Công an thành phố")  # no district police since 2025

    def __init__(self, province_page: ProvincePage) -> None:
        super().__init__()
        self._province_page = province_page
        self.setTitle(self.tr("Upper level"))
        self.setSubTitle(
            self.tr("Where your data bundles go: the police of your province or centrally-governed city.")
        )
        self.kind = QComboBox()
        self.kind.addItems(self.KINDS)
        self.name = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Name:"), self.name)
        self.name.textChanged.connect(self.completeChanged)

    def initializePage(self) -> None:
        province = admin_units.province(self._province_page.picker.current_code())
        if province and not self.name.isModified():
            default = station_service.default_upper_level(province)
            self.name.setText(default)
            self.kind.setCurrentText(
                "Công an thành phố" if province.name.startswith("Thành phố") else "Công an tỉnh"
            )

    def isComplete(self) -> bool:
        return bool(self.name.text().strip())


class AdminPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Administrator account"))
        self.setSubTitle(self.tr("The first account; it can add the other officers later."))
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        form = QFormLayout(self)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Full name:"), self.full_name)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Repeat password:"), self.confirm)
        form.addRow(self.message)
        for w in (self.username, self.password, self.confirm):
            w.textChanged.connect(self._changed)

    def initializePage(self) -> None:
        if self.wizard().demo and not self.username.text():
            self.username.setText(DEMO_ADMIN)

    def _changed(self) -> None:
        self.message.setText(self._problem() if self.confirm.text() else "")
        self.completeChanged.emit()

    def _problem(self) -> str:
        if len(self.username.text().strip()) < 3:
            return self.tr("The user name needs at least 3 characters.")
        demo = self.wizard() is not None and self.wizard().demo
        if demo and len(self.password.text()) < station_service.DEMO_MIN_PASSWORD:
            return self.tr("The password needs at least 6 characters.")
        problem = None if demo else passwords.password_problem(self.password.text())
        if problem is not None:  # at least 10 characters or 3 words, not a common one
            return problem.message()
        if self.password.text() != self.confirm.text():
            return self.tr("The two passwords differ.")
        return ""

    def isComplete(self) -> bool:
        return not self._problem()

    def nextId(self) -> int:
        return -1 if self.wizard() is None or self.wizard().demo else PAGE_RECOVERY


class RecoveryPage(QWizardPage):
    """The data key's recovery code, shown once: print or save its sheet, confirm it was written down."""

    def __init__(self) -> None:
        super().__init__()
        self.code = encryption.make_recovery_code()  # one per wizard: the code shown is the code used
        self.preview: QWidget | None = None
        self.setTitle(self.tr("Recovery code"))
        self.setSubTitle(
            self.tr(
                "Sensitive data (ID numbers, ethnicity, poverty status, violation notes) is encrypted. "
                "If the administrator password is forgotten, only this code opens it again."
            )
        )
        self.code_label = QLabel(self.code)
        self.code_label.setObjectName("recoveryCode")
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(20)
        font.setBold(True)
        self.code_label.setFont(font)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(
            self.tr(
                "Write it down or print the sheet, and keep it sealed in the unit's safe. It is shown only "
                "now and stored nowhere else. A new code can be printed later under Administration."
            )
        )
        note.setWordWrap(True)
        self.print_button = QPushButton(self.tr("&Print or save the sheet…"))
        self.print_button.setObjectName("printRecoverySheet")
        self.print_button.clicked.connect(self.print_sheet)
        self.written_down = QCheckBox(
            self.tr("I have written the code down (or printed the sheet) to keep it safe")
        )
        self.written_down.setObjectName("recoveryWrittenDown")
        self.written_down.toggled.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.code_label)
        layout.addWidget(note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch()
        layout.addLayout(buttons)
        layout.addSpacing(12)
        layout.addWidget(self.written_down)
        layout.addStretch()

    def isComplete(self) -> bool:
        return self.written_down.isChecked()

    def nextId(self) -> int:
        return -1

    def write_sheet(self, path: Path) -> None:
        """The sheet of this code, for the unit the wizard is setting up."""
        request = self.wizard().plan().request
        province = admin_units.province(request.province_code)
        commune = admin_units.commune(request.commune_code) if request.commune_code else None
        upper = request.upper_level_name or (
            station_service.default_upper_level(province) if province else ""
        )
        head = Letterhead(
            parent_unit=nfc(upper).upper(),
            unit=nfc(request.unit_name).upper(),
            place=commune.name.split(" ", 1)[-1] if commune else (province.short_name if province else ""),
        )
        render_recovery_sheet(head, request.unit_name, self.code, path)

    def print_sheet(self) -> None:
        from .operations import run_long
        from .pdf_preview import PdfPreviewDialog

        path = paper_path("ma-khoi-phuc")

        def work(_progress: object) -> None:
            try:
                self.write_sheet(path)
            except OSError as exc:
                raise UserError(
                    "Không ghi được tờ mã khôi phục: hãy kiểm tra ổ đĩa rồi thử lại.",
                    "The recovery sheet could not be written: check the disk and try again.",
                ) from exc

        if not run_long(self, self.tr("Recovery code"), self.tr("Writing the recovery sheet…"), work):
            with contextlib.suppress(OSError):
                path.unlink()
            return
        self.preview = PdfPreviewDialog(str(path), self.tr("Recovery code"), self)
        self.preview.finished.connect(lambda _r: self._forget(path))
        self.preview.open()

    @staticmethod
    def _forget(path: Path) -> None:
        with contextlib.suppress(OSError):
            path.unlink()


class SetupWizard(QWizard):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("ANTQ Desktop — first-time setup"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.intro = IntroPage()
        self.province_page = ProvincePage()
        self.commune_page = CommunePage(self.province_page)
        self.unit_page = UnitPage(self.commune_page, self.province_page)
        self.upper_page = UpperLevelPage(self.province_page)
        self.admin_page = AdminPage()
        self.recovery_page = RecoveryPage()
        self.setPage(PAGE_INTRO, self.intro)
        self.setPage(PAGE_PROVINCE, self.province_page)
        self.setPage(PAGE_COMMUNE, self.commune_page)
        self.setPage(PAGE_UNIT, self.unit_page)
        self.setPage(PAGE_UPPER, self.upper_page)
        self.setPage(PAGE_ADMIN, self.admin_page)
        self.setPage(PAGE_RECOVERY, self.recovery_page)
        self.resize(720, 560)

    @property
    def demo(self) -> bool:
        return self.intro.demo_choice.isChecked()

    @property
    def hub(self) -> bool:
        return self.intro.hub_choice.isChecked()

    def plan(self) -> SetupPlan:
        admin = self.admin_page
        hub = self.hub
        request = station_service.SetupRequest(
            province_code=self.province_page.picker.current_code(),
            commune_code="" if hub else self.commune_page.picker.current_code(),
            unit_name=self.unit_page.unit_name.text().strip(),
            villages=[] if hub else self.unit_page.village_names(),
            upper_level_name=self.upper_page.name.text().strip(),
            upper_level_kind=self.upper_page.kind.currentText(),
            admin_username=admin.username.text().strip(),
            admin_password=admin.password.text(),
            admin_full_name=admin.full_name.text().strip(),
            role="hub" if self.hub else "commune",
            recovery_code="" if self.demo else self.recovery_page.code,
            demo=self.demo,
        )
        if self.hub:
            request.upper_level_name = ""
        return SetupPlan(self.demo, request)

    def validateCurrentPage(self) -> bool:
        if self.currentId() == PAGE_ADMIN and not self.demo:
            try:
                station_service.validate(self.plan().request)
            except UserError as exc:
                self.admin_page.message.setText(exc.message())
                return False
        return super().validateCurrentPage()
