"""The "Administration" area: accounts and sign-in rules, the audit trail, backups and restore.

Every action goes through the accounts, audit and backups services, which check the role
themselves: an officer who opens this area sees the lists but the services refuse changes.

One page, dialog or tab per module: ``area``, ``accounts_tab``, ``account_dialog``,
``password_dialog``, ``audit_tab``, ``backups_tab`` (data encryption: ``ui/encryption_tab.py``);
``common`` holds what they share.
"""

from __future__ import annotations

from .account_dialog import AccountDialog
from .accounts_tab import AccountsTab
from .area import AdminArea
from .audit_tab import AuditTab
from .backups_tab import BackupsTab
from .common import ROLE_NAMES_EN
from .password_dialog import PasswordDialog

__all__ = [
    "ROLE_NAMES_EN",
    "AccountDialog",
    "AccountsTab",
    "AdminArea",
    "AuditTab",
    "BackupsTab",
    "PasswordDialog",
]
