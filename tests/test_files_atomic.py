"""The one atomic file writer: a failure mid-write leaves the old file whole and no temporary behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from antq_desktop.domain import files
from antq_desktop.domain.errors import UserError


def test_a_write_lands_whole(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    files.write_text_atomically(target, "Đồng Văn\n")
    assert target.read_text(encoding="utf-8") == "Đồng Văn\n"
    files.write_bytes_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_a_failure_after_partial_data_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "roster.xlsx"
    target.write_bytes(b"old content")

    def save(tmp: Path) -> None:
        with open(tmp, "wb") as fh:
            fh.write(b"half of the new")
            fh.flush()
        raise OSError(28, "No space left on device")

    with pytest.raises(UserError, match="Không ghi được tệp roster.xlsx") as err:
        files.save_atomically(save, target)
    assert "\n" not in err.value.vi
    assert target.read_bytes() == b"old content"
    assert os.listdir(tmp_path) == ["roster.xlsx"]


def test_any_exception_mid_write_removes_the_temporary(tmp_path: Path) -> None:
    target = tmp_path / "paper.pdf"
    target.write_bytes(b"%PDF old")

    class Cancelled(Exception):
        pass

    with pytest.raises(Cancelled), files.atomic_path(target) as tmp:
        tmp.write_bytes(b"%PDF half")
        assert tmp.parent == tmp_path and tmp.name != target.name
        raise Cancelled
    assert target.read_bytes() == b"%PDF old"
    assert os.listdir(tmp_path) == ["paper.pdf"]


def test_a_failed_finish_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "c.pdf"
    target.write_bytes(b"old")

    def finish(tmp: Path, dest: Path) -> None:
        raise RuntimeError("the record could not be written")

    with pytest.raises(RuntimeError), files.atomic_path(target, finish=finish) as tmp:
        tmp.write_bytes(b"new")
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["c.pdf"]


def test_a_folder_in_the_way_is_one_sentence(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked.xlsx"
    blocked.mkdir()
    with pytest.raises(UserError, match="Không ghi được tệp blocked.xlsx"):
        files.save_atomically(lambda tmp: tmp.write_bytes(b"x"), blocked)
    assert os.listdir(tmp_path) == ["blocked.xlsx"]
