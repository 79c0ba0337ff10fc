"""The Administration area: accounts, audit trail, backups, data encryption."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QTabWidget,
    QWidget,
)

from ...services.station import Station
from ..encryption_tab import EncryptionTab
from .accounts_tab import AccountsTab
from .audit_tab import AuditTab
from .backups_tab import BackupsTab


class AdminArea(QTabWidget):
    def __init__(self, station: Station, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts = AccountsTab(station)
        self.audit = AuditTab(station)
        self.backups = BackupsTab(station)
        self.addTab(self.accounts, self.tr("Accounts"))
        self.addTab(self.audit, self.tr("Audit trail"))
        self.addTab(self.backups, self.tr("Backups"))
        self.encryption = EncryptionTab(station)
        self.addTab(self.encryption, self.tr("Data encryption"))
        self.currentChanged.connect(lambda i: getattr(self.widget(i), "refresh", lambda: None)())
        self.setTabToolTip(0, self.tr("Only an administrator can change accounts and rules."))
