"""The "Sync" area: pairing by site card, sending and receiving bundle files, per-peer status and
the conflicts screen.

Import is always two steps: a dry run shows per kind of record what the bundle brings (new,
changed, unchanged, conflicts) and only then does "Import" write everything in one transaction.
A refused bundle (damaged, for another station, unpaired…) is one sentence and no change.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import sync
from ..services.station import Station
from ..sync import labels
from ..sync.cards import SameCommuneStation, other_province
from .i18n import fmt_int, is_vietnamese
from .messages import confirm
from .operations import COMMUNE_RECORDS, Kind, run_long, run_op
from .widgets import cell, datetime_text, read_only_table, set_columns


def table_label(name: str) -> str:
    """A table's name as people say it (sync/labels.py), in the program's language."""
    return labels.table_label(name, is_vietnamese())


def _value(value: Any) -> str:
    if value is None or value == "":
        return "∅"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class PairDialog(QDialog):
    """Shows the other station's card and its fingerprint; pairs only after the officer confirms
    that the fingerprint read out on the phone is the same."""

    def __init__(self, card: sync.SiteCard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card
        self.setWindowTitle(self.tr("Pair with %1").replace("%1", card.unit_name))
        self.setMinimumWidth(520)
        fingerprint = QLabel(f"<span style='font-size:18pt; font-family:monospace'>{card.fingerprint}</span>")
        fingerprint.setObjectName("fingerprint")
        fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        explain = QLabel(
            self.tr(
                "Call the officer of %1 and ask them to read the fingerprint shown on their screen "
                "(Sync → This station's card). Confirm only if every character is the same."
            ).replace("%1", card.unit_name)
        )
        explain.setWordWrap(True)
        self.confirmed = QCheckBox(self.tr("The fingerprint read out on the phone is exactly this one"))
        self.confirmed.setObjectName("fingerprintConfirmed")
        form = QFormLayout(self)
        form.addRow(self.tr("Unit"), QLabel(card.unit_name))
        form.addRow(self.tr("Code"), QLabel(card.unit_code or card.commune_code))
        form.addRow(self.tr("Fingerprint"), fingerprint)
        form.addRow(explain)
        form.addRow(self.confirmed)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Pair"))
        self.ok.setEnabled(False)
        self.confirmed.toggled.connect(self.ok.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)


class ImportPreviewDialog(QDialog):
    """The dry run's summary per kind of record; "Import" writes it all in one step."""

    def __init__(self, report: sync.ImportReport, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Import a bundle — check before writing"))
        self.resize(720, 560)
        head = QLabel(
            self.tr("Bundle no. %1 from %2, made %3 (%4).")
            .replace("%1", str(report.bundle_no))
            .replace("%2", report.sender_name)
            .replace("%3", datetime_text(report.created))
            .replace("%4", path.name)
        )
        head.setWordWrap(True)
        notes = []
        if report.note():  # seen before, or older than a bundle already received: what it really does
            notes.append(report.note(is_vietnamese()))
        if report.peer_restored:
            notes.append(self.tr("The sender restored a backup: everything is sent again and merged."))
        if report.resend_warning:
            notes.append(report.resend_warning)
        note = QLabel("\n".join(notes))
        note.setWordWrap(True)
        self.table = read_only_table(
            [
                self.tr("Kind of record"),
                self.tr("New"),
                self.tr("Changed"),
                self.tr("Unchanged"),
                self.tr("Conflicts"),
            ]
        )
        self.table.setObjectName("importSummary")
        rows = [
            (name, t)
            for name, t in sorted(report.tables.items())
            if t.new or t.changed or t.conflicts or t.unchanged
        ]
        totals = report.totals
        self.table.setRowCount(len(rows) + 1)
        for r, (name, t) in enumerate([*rows, ("", totals)]):
            label = table_label(name) if name else self.tr("Total")
            cells = [cell(label)] + [
                cell(fmt_int(v), True) for v in (t.new, t.changed, t.unchanged, t.conflicts)
            ]
            for c, item in enumerate(cells):
                if not name:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if c == 4 and t.conflicts:
                    item.setForeground(QColor("#b3121a"))
                self.table.setItem(r, c, item)
        set_columns(self.table, (260, 90, 90, 90, 90))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("confirmImport")
        self.import_button.setDefault(True)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)


class ExchangeTab(QWidget):
    def __init__(self, station: Station, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.db = station.db
        self.own = QLabel()
        self.own.setObjectName("ownCard")
        self.own.setWordWrap(True)
        self.own.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = read_only_table(
            [
                self.tr("Station"),
                self.tr("Last sent"),
                self.tr("Last received"),
                self.tr("Days since exchange"),
                self.tr("Changes not yet acknowledged"),
                self.tr("State"),
            ]
        )
        self.table.setObjectName("peerTable")
        set_columns(self.table, (260, 130, 130, 130, 190))
        bar = QHBoxLayout()
        self.export_button = self._button(
            bar, self.tr("Export a bundle…"), self.export_bundle, "exportBundle"
        )
        self.import_button = self._button(
            bar, self.tr("Import a bundle…"), self.import_bundle, "importBundle"
        )
        self.full = QCheckBox(self.tr("everything (recovery of a broken PC)"))
        self.full.setToolTip(self.tr("Send the peer's complete data, not only what it has not acknowledged."))
        bar.addWidget(self.full)
        bar.addStretch(1)
        cards = QHBoxLayout()
        self._button(cards, self.tr("Save this station's card…"), self.export_card, "exportCard")
        self._button(cards, self.tr("Pair with a station's card…"), self.pair_card, "pairCard")
        self.revoke_button = self._button(cards, self.tr("Revoke the pairing…"), self.revoke, "revokePeer")
        cards.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.own)
        layout.addLayout(cards)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        self.table.itemSelectionChanged.connect(self._update)
        self.peers: list[Any] = []
        self.last_report: sync.ImportReport | None = None
        self.refresh()

    def _button(self, row: QHBoxLayout, text: str, slot: Any, name: str) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.clicked.connect(slot)
        row.addWidget(b)
        return b

    def refresh(self) -> None:
        card = sync.own_card(self.db)
        self.own.setText(
            self.tr("This station: %1 — fingerprint %2")
            .replace("%1", card.unit_name)
            .replace("%2", card.fingerprint)
        )
        self.peers = sync.peer_status(self.db)
        self.table.setRowCount(len(self.peers))
        for r, p in enumerate(self.peers):
            if p.revoked:
                state = self.tr("revoked")
            elif p.audit_warning:
                state = self.tr("audit trail altered")
            elif p.overdue:
                state = self.tr("exchange overdue")
            else:
                state = self.tr("paired")
            cells = [
                cell(p.unit_name),
                cell(datetime_text(p.last_sent_at)),
                cell(datetime_text(p.last_received_at)),
                cell(fmt_int(p.days_since_exchange or 0), True),
                cell(fmt_int(p.unacknowledged), True),
                cell(state),
            ]
            if (p.overdue or p.audit_warning) and not p.revoked:
                cells[5].setForeground(QColor("#b3121a"))
            if p.audit_warning:
                cells[5].setToolTip(p.audit_warning)
            for c, item in enumerate(cells):
                self.table.setItem(r, c, item)
        if self.peers and not self.table.selectedItems():
            self.table.selectRow(0)
        self._update()

    def selected(self) -> Any:
        r = self.table.currentRow()
        return self.peers[r] if 0 <= r < len(self.peers) and self.table.selectedItems() else None

    def _update(self) -> None:
        peer = self.selected()
        usable = peer is not None and not peer.revoked
        self.export_button.setEnabled(usable)
        self.revoke_button.setEnabled(usable)

    # -- cards ---------------------------------------------------------------------------------

    def export_card(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save this station's card"), "the-don-vi.json", self.tr("Site cards (*.json)")
        )
        if path:
            self.export_card_to(Path(path))

    def export_card_to(self, path: Path) -> sync.SiteCard | None:
        return run_op(self, lambda: sync.export_card(self.db, path)).value

    def pair_card(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pair with a station's card"), "", self.tr("Site cards (*.json)")
        )
        if path:
            self.pair_from(Path(path))

    def pair_from(self, path: Path) -> bool:
        read = run_op(self, lambda: sync.read_card(path))
        if not read:
            return False
        card = read.value
        dialog = PairDialog(card, self)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        paired = run_op(self, lambda: self._pair(card), changes={Kind.SYNC})
        if not (paired and paired.value):
            return False
        self.refresh()
        return True

    def _pair(self, card: sync.SiteCard) -> bool:
        """Pair with ``card`` once the officer said yes to each question; False when they said no."""
        foreign = other_province(self.db, card)
        if foreign and not confirm(
            self,
            self.tr("Another province"),
            self.tr("%1 belongs to %2, not this station's province. Pair with it anyway?")
            .replace("%1", card.unit_name)
            .replace("%2", foreign),
            default_yes=False,
        ):
            return False
        try:
            sync.pair(self.db, card, fingerprint=card.fingerprint, other_province_ok=bool(foreign))
        except SameCommuneStation as same:  # the commune's new PC? the officer says so, or nothing happens
            if not confirm(
                self,
                self.tr("A station of the same commune"),
                self.tr(
                    "%1 is already paired for this commune. Is %2 its new computer, replacing it? "
                    "The old station's pairing is then revoked; its records stay the commune's."
                )
                .replace("%1", same.old_name)
                .replace("%2", card.unit_name),
                default_yes=False,
            ):
                return False
            sync.pair(
                self.db,
                card,
                fingerprint=card.fingerprint,
                other_province_ok=bool(foreign),
                replaces=same.old_id,
            )
        return True

    def revoke(self) -> None:
        peer = self.selected()
        if peer is None:
            return
        if confirm(
            self,
            self.tr("Revoke the pairing"),
            self.tr("No bundle will be written for %1 or accepted from it any more. Revoke?").replace(
                "%1", peer.unit_name
            ),
            default_yes=False,  # Enter alone never revokes
        ):
            run_op(self, lambda: sync.revoke(self.db, peer.site_id), changes={Kind.SYNC})
            self.refresh()

    # -- bundles -------------------------------------------------------------------------------

    def export_bundle(self) -> None:
        peer = self.selected()
        if peer is None:
            return
        suggested = f"goi-{datetime.now():%Y%m%d-%H%M}.antq"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export a bundle"), suggested, self.tr("Bundles (*.antq)")
        )
        if path:
            self.export_to(peer.site_id, Path(path if path.endswith(".antq") else path + ".antq"))

    def export_to(self, peer_id: str, path: Path) -> sync.ExportResult | None:
        full = self.full.isChecked()
        done = run_long(
            self,
            self.tr("Export a bundle"),
            self.tr("Writing and checking the bundle…"),
            lambda _p: sync.export_bundle(self.db, peer_id, path, full=full),
            changes={Kind.SYNC},
        )
        if not done:
            return None
        result = done.value
        self.refresh()
        QMessageBox.information(
            self,
            self.tr("Export a bundle"),
            self.tr("Bundle no. %1 for %2 written and checked: %3 records, %4.")
            .replace("%1", str(result.bundle_no))
            .replace("%2", result.peer_name)
            .replace("%3", fmt_int(result.rows))
            .replace("%4", str(result.path)),
        )
        return result

    def import_bundle(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a bundle"), "", self.tr("Bundles (*.antq)")
        )
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> sync.ImportReport | None:
        """Dry run, preview, then apply; None when refused or cancelled."""
        checked = run_long(
            self,
            self.tr("Import a bundle"),
            self.tr("Checking the bundle…"),
            lambda _p: sync.import_bundle(self.db, path, dry_run=True),
        )
        if not checked:
            return None
        dialog = ImportPreviewDialog(checked.value, path, self)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        # A bundle may carry every kind of a commune's records: every screen showing them hears of it.
        done = run_long(
            self,
            self.tr("Import a bundle"),
            self.tr("Writing the bundle's records…"),
            lambda _p: sync.import_bundle(self.db, path),
            changes=COMMUNE_RECORDS | {Kind.SYNC},
        )
        if not done:
            return None
        report = done.value
        self.last_report = report
        self.refresh()
        totals = report.totals
        QMessageBox.information(
            self,
            self.tr("Import a bundle"),
            self.tr("Imported: %1 new, %2 changed, %3 conflicts (see the Conflicts tab).")
            .replace("%1", fmt_int(totals.new))
            .replace("%2", fmt_int(totals.changed))
            .replace("%3", fmt_int(totals.conflicts)),
        )
        if report.audit_warning:
            QMessageBox.warning(
                self,
                self.tr("Import a bundle"),
                self.tr(
                    "The records were imported, but the sender's audit trail was changed after an earlier bundle:"
                )
                + "\n\n"
                + report.audit_warning,
            )
        return report


class ConflictsTab(QWidget):
    """Both versions of each field two stations changed, with who and when; keep or restore."""

    def __init__(self, station: Station, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = station.db
        self.table = read_only_table(
            [
                self.tr("Kind of record"),
                self.tr("Field"),
                self.tr("Kept value"),
                self.tr("Changed by, when"),
                self.tr("Other value"),
                self.tr("Changed by, when"),
            ]
        )
        self.table.setObjectName("conflictTable")
        set_columns(self.table, (260, 120, 200, 200, 200))
        self.show_all = QCheckBox(self.tr("also those already decided"))
        self.show_all.toggled.connect(self.refresh)
        bar = QHBoxLayout()
        self.keep_button = QPushButton(self.tr("Keep the kept value"))
        self.keep_button.clicked.connect(lambda: self.decide("keep"))
        self.restore_button = QPushButton(self.tr("Use the other value"))
        self.restore_button.setObjectName("restoreOther")
        self.restore_button.setToolTip(
            self.tr("The other value becomes a new change that travels to the peers.")
        )
        self.restore_button.clicked.connect(lambda: self.decide("restore"))
        for w in (self.keep_button, self.restore_button, self.show_all):
            bar.addWidget(w)
        bar.addStretch(1)
        self.count = QLabel()
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.conflicts: list[Any] = []
        self.refresh()

    def refresh(self) -> None:
        self.conflicts = sync.list_conflicts(self.db, open_only=not self.show_all.isChecked())
        self.table.setRowCount(len(self.conflicts))
        for r, c in enumerate(self.conflicts):
            cells = [
                f"{table_label(c.table)}: {c.record_label}",  # the record as a person knows it
                c.field,
                _value(c.winner_value),
                f"{c.winner_site}, {datetime_text(c.winner_changed_at)}",
                _value(c.loser_value),
                f"{c.loser_site}, {datetime_text(c.loser_changed_at)}",
            ]
            for col, text in enumerate(cells):
                self.table.setItem(r, col, cell(text))
        self.count.setText(self.tr("%1 conflicts").replace("%1", fmt_int(len(self.conflicts))))

    def decide(self, action: str) -> None:
        r = self.table.currentRow()
        if not (0 <= r < len(self.conflicts)) or not self.table.selectedItems():
            return
        # Resolving a conflict writes the chosen value into the record it concerns.
        run_op(
            self,
            lambda: sync.resolve(self.db, self.conflicts[r].id, action),
            changes=COMMUNE_RECORDS | {Kind.SYNC},
        )
        self.refresh()


class SyncArea(QTabWidget):
    def __init__(self, station: Station, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.exchange = ExchangeTab(station)
        self.conflicts = ConflictsTab(station)
        self.addTab(self.exchange, self.tr("Exchange with other stations"))
        self.addTab(self.conflicts, self.tr("Conflicts"))
        self.currentChanged.connect(lambda i: self.widget(i).refresh())
