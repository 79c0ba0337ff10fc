"""Before a restore: what it would lose, and a bundle export first (issue 16).

:func:`ask_before_restore` shows the changes made after the backup that no peer has acknowledged
(:func:`services.backups.restore_loss`, count per kind of record) and offers three answers:
export a bundle for every paired unit first (then restore), restore anyway, or cancel.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from .. import sync
from ..services import backups
from ..services.errors import UserError
from ..services.station import Station
from .i18n import fmt_int, is_vietnamese
from .messages import show_error
from .operations import Kind, run_long, run_op
from .sync_page import table_label

_TEXTS = {
    "title": ("Khôi phục từ bản sao lưu", "Restore from a backup"),
    "loss": (
        "%1 thay đổi dưới đây được làm sau bản sao lưu và chưa đơn vị nào nhận; khôi phục sẽ làm mất chúng:",
        "These %1 changes were made after the backup and no unit has received them yet; the restore loses them:",
    ),
    "export": ("Xuất gói trước", "Export a bundle first"),
    "anyway": ("Khôi phục, chấp nhận mất", "Restore and lose them"),
    "folder": ("Thư mục lưu gói (USB)", "Folder for the bundles (USB stick)"),
    "written": (
        "Đã ghi và kiểm tra gói; hãy gửi các gói này trước khi làm việc khác:",
        "Bundles written and checked; send them before anything else:",
    ),
}


def _tr(key: str) -> str:
    vi, en = _TEXTS[key]
    return vi if is_vietnamese() else en


def loss_text(loss: backups.RestoreLoss) -> str:
    lines = [f"• {table_label(t)}: {fmt_int(n)}" for t, n in sorted(loss.tables.items())]
    return _tr("loss").replace("%1", fmt_int(loss.total)) + "\n" + "\n".join(lines)


def ask_before_restore(parent: QWidget, station: Station, path: Path) -> bool:
    """True to go on with the restore (nothing would be lost, the changes were exported, or the user
    accepts losing them); False to stop."""
    counted = run_op(parent, lambda: backups.restore_loss(station.data_dir.database, path))
    if not counted:
        return False
    loss = counted.value
    if not loss.total:
        return True
    box = QMessageBox(parent)
    box.setObjectName("restoreLoss")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("title"))
    box.setText(loss_text(loss))
    export = box.addButton(_tr("export"), QMessageBox.ButtonRole.AcceptRole)
    export.setObjectName("exportFirst")
    anyway = box.addButton(_tr("anyway"), QMessageBox.ButtonRole.DestructiveRole)
    anyway.setObjectName("restoreAnyway")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(export)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is anyway:
        return True
    if clicked is not export:
        return False
    folder = QFileDialog.getExistingDirectory(parent, _tr("folder"))
    return bool(folder) and export_first(parent, station, Path(folder))


def export_first(parent: QWidget, station: Station, folder: Path) -> bool:
    """A bundle for every paired unit into ``folder``; True when all were written and checked."""
    peers = [p for p in sync.peer_status(station.db) if not p.revoked]
    if not peers:
        show_error(
            parent,
            UserError(
                "Máy này chưa ghép nối với đơn vị nào nên không xuất gói được: các thay đổi trên sẽ mất nếu khôi phục.",
                "This station is paired with no unit, so no bundle can be exported: the changes above are lost if you restore.",
            ),
        )
        return False
    written = []
    stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
    for p in peers:
        target = folder / f"truoc-khoi-phuc-{p.unit_code or p.site_id[:8]}-{stamp}.antq"
        done = run_long(
            parent,
            _tr("export"),
            p.unit_name,
            lambda _p, site=p.site_id, to=target: sync.export_bundle(station.db, site, to),
            changes={Kind.SYNC},
        )
        if not done:
            return False
        result = done.value
        written.append(f"{result.peer_name}: {result.path}")
    QMessageBox.information(
        parent,
        _tr("export"),
        _tr("written") + "\n" + "\n".join(written),
    )
    return True
