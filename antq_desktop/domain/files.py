"""One way to write a file so that it is whole or not there: the toolbox every writer uses.

A temporary name in the same folder, the content written and flushed, ``fsync`` of the file, one
rename over the real name, then ``fsync`` of the folder so the rename itself reaches the disk (skipped
on Windows, which cannot open a folder for that). Any exception — a full disk, a pulled USB stick, the
user cancelling — removes the temporary file and leaves the old file exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import UserError

Finish = Callable[[Path, Path], None]


def fsync_folder(folder: str | os.PathLike[str]) -> None:
    """Make a rename inside ``folder`` durable; a no-op where the OS or file system cannot."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def fsync_file(path: str | os.PathLike[str]) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def replace(tmp: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """The default last step: one rename over the real name."""
    os.replace(tmp, target)


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str], *, finish: Finish | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``target`` to write; on a clean exit it is fsynced and renamed
    over ``target`` (or handed to ``finish(tmp, target)``, which must do the rename — e.g. inside a
    transaction that records what was written), then the folder is fsynced. On any exception the
    temporary file is removed and ``target`` is untouched. ``OSError`` passes through."""
    target = Path(target)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        fsync_file(tmp)
        (finish or replace)(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_folder(target.parent)


def write_bytes_atomically(target: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``target`` whole or not at all. Raises ``OSError``."""
    with atomic_path(target) as tmp, open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()


def write_text_atomically(target: str | os.PathLike[str], text: str) -> None:
    """Write UTF-8 ``text`` to ``target`` whole or not at all. Raises ``OSError``."""
    write_bytes_atomically(target, text.encode("utf-8"))


def write_error(target: str | os.PathLike[str], exc: OSError) -> UserError:
    """One sentence for a file that could not be written."""
    name = Path(target).name
    if isinstance(exc, PermissionError):
        return UserError(
            f"Không ghi được tệp {name}: tệp đang mở trong Excel hay chương trình khác, hoặc thư mục không "
            "cho ghi; hãy đóng tệp hoặc chọn nơi khác.",
            f"Cannot write {name}: it is open in another program or the folder is read-only; "
            "close it or choose another place.",
        )
    reason = exc.strerror or str(exc)
    return UserError(
        f"Không ghi được tệp {name} ({reason}): hãy kiểm tra ổ đĩa còn chỗ trống và thử lại.",
        f"Cannot write {name} ({reason}): check the disk has free space and try again.",
    )


def save_atomically(save: Callable[[Path], object], target: str | os.PathLike[str]) -> None:
    """``save(tmp)`` writes the file (``workbook.save``, ``document.save``); the result lands on
    ``target`` whole or not at all. A failure to write becomes one :class:`UserError` sentence."""
    try:
        with atomic_path(target) as tmp:
            save(tmp)
    except OSError as exc:
        raise write_error(target, exc) from exc


def existing_folder(target: str | os.PathLike[str]) -> Path:
    """``target`` as a Path, refused in one sentence when its folder does not exist."""
    path = Path(target)
    if not path.parent.is_dir():
        raise UserError(
            f"Thư mục {path.parent} không tồn tại: hãy chọn thư mục khác để lưu tệp.",
            f"Folder {path.parent} does not exist: choose another folder.",
        )
    return path


def xlsx_target(target: str | os.PathLike[str]) -> Path:
    """An Excel file to write: its name ends in .xlsx and its folder exists (else one sentence)."""
    path = Path(target)
    if path.suffix.lower() != ".xlsx":
        raise UserError(
            f"Tên tệp xuất phải có đuôi .xlsx (đang là '{path.name}'): hãy đặt lại tên tệp.",
            f"The export file name must end in .xlsx (it is '{path.name}'): rename it.",
        )
    return existing_folder(path)
