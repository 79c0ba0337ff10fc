"""Backups: back up now, the second folder, the list, restore from a backup."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services import accounts, backups
from ...services.station import Station
from ..messages import confirm, show_error
from ..operations import Kind, run_long, run_op
from ..widgets import read_only_table, set_columns
from .common import attempt, fill

# Backups
# ---------------------------------------------------------------------------------------------


class BackupsTab(QWidget):
    def __init__(self, station: Station, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.last = QLabel()
        self.last.setObjectName("lastBackup")
        self.second = QLabel()
        self.second.setWordWrap(True)
        now_button = QPushButton(self.tr("Back up now"))
        now_button.setObjectName("backupNow")
        now_button.clicked.connect(self.backup_now)
        choose = QPushButton(self.tr("Choose a second folder (USB stick)…"))
        choose.clicked.connect(self.choose_second)
        clear = QPushButton(self.tr("No second copy"))
        clear.clicked.connect(lambda: self._set_second(None))
        restore = QPushButton(self.tr("Restore from a backup…"))
        restore.setObjectName("restoreBackup")
        restore.clicked.connect(self.restore)
        self.files = read_only_table([self.tr("Backup file"), self.tr("Size"), self.tr("Written")])
        self.files.setObjectName("backupFiles")
        set_columns(self.files, (360, 100))
        row = QHBoxLayout()
        for b in (now_button, choose, clear, restore):
            row.addWidget(b)
        row.addStretch(1)
        note = QLabel(
            self.tr(
                "A verified backup is written every day and when the program closes; the folder keeps 7 daily, "
                "4 weekly and 12 monthly copies."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.last)
        layout.addWidget(self.second)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addWidget(self.files, 1)
        self.refresh()

    def refresh(self) -> None:
        last = backups.last_backup(self.station)
        if last:
            when = datetime.fromisoformat(last["at"])
            self.last.setText(
                self.tr("Last backup: %1 — %2")
                .replace("%1", f"{when:%d/%m/%Y %H:%M}")
                .replace("%2", last["path"])
            )
        else:
            self.last.setText(self.tr("No backup yet."))
        second = backups.second_folder(self.station.db)
        self.second.setText(
            self.tr("Second copy to: %1").replace("%1", str(second))
            if second
            else self.tr("No second copy is made.")
        )
        folder = self.station.data_dir.backups
        files = (
            sorted(folder.glob("*.sqlite3"), key=lambda p: p.stat().st_mtime, reverse=True)
            if folder.is_dir()
            else []
        )
        self.paths = files
        fill(
            self.files,
            [
                [
                    p.name,
                    f"{p.stat().st_size / 1_048_576:.1f} MB",
                    f"{datetime.fromtimestamp(p.stat().st_mtime):%d/%m/%Y %H:%M}",
                ]
                for p in files
            ],
        )

    def backup_now(self) -> None:
        done = run_long(
            self,
            self.tr("Backup"),
            self.tr("Backing up the database…"),
            lambda _p: backups.run_backup(self.station, reason="manual"),
            changes={Kind.BACKUPS},
        )
        if not done:
            return
        result = done.value
        if result.warning is not None:
            show_error(self, result.warning)
        self.refresh()
        window = self.window()
        if hasattr(window, "update_backup_label"):
            window.update_backup_label()

    def choose_second(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Second backup folder"))
        if folder:
            self._set_second(Path(folder))

    def _set_second(self, folder: Path | None) -> None:
        attempt(self, lambda: backups.set_second_folder(self.station.db, folder), changes={Kind.BACKUPS})
        self.refresh()

    def restore(self) -> None:
        start = str(self.station.data_dir.backups)
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore from a backup"), start, self.tr("ANTQ backups (*.sqlite3)")
        )
        if path:
            self.restore_file(Path(path))

    def restore_file(self, path: Path) -> bool:
        """Check the file, ask, then replace the database; the program closes to start afresh."""
        if not run_op(
            self, lambda: backups.verify_backup_file(path)
        ):  # restore() checks it is this station's
            return False
        from ..restore_question import ask_before_restore  # what it would lose; export first

        if not ask_before_restore(self, self.station, path):
            return False
        if not confirm(
            self,
            self.tr("Restore from a backup"),
            self.tr(
                "The data now on this computer will be replaced by the backup %1 (a safety copy of the "
                "current data is kept first). The next exchange with the upper level sends everything "
                "again. The program closes afterwards; open it again. Restore now?"
            ).replace("%1", path.name),
            default_yes=False,  # Enter alone never replaces the data
        ):
            return False
        station = self.station
        username = accounts.current_actor(station.db).username
        station.close()
        if not run_op(self, lambda: backups.restore(station.data_dir, path, username=username)):
            self._closing()
            return False
        QMessageBox.information(
            self,
            self.tr("Restore from a backup"),
            self.tr("The backup was restored. The program closes now; open it again to go on."),
        )
        self._closing()
        return True

    def _closing(self) -> None:
        window = self.window()
        if window is not self:
            window.setProperty("stationClosed", True)
            window.close()
