"""Step 3, apply: write a plan in one transaction (all or nothing); import_file does all three steps."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ...storage.database import Database
from ...storage.models import SyncClock
from .. import audit
from ..collector import collector_paused
from ..errors import UserError
from .analysis import analyse
from .cancel import _check_cancel
from .planning import plan
from .writer import _Writer

if TYPE_CHECKING:
    from .cancel import Cancel, Progress
    from .plan_model import ImportPlan
    from .writer import ImportResult


def apply(
    db: Database,
    plan: ImportPlan,
    *,
    skip_bad_rows: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ImportResult:
    """Write the plan in one transaction; all or nothing.

    Refuses (:class:`UserError`, nothing written) a plan with errors unless
    ``skip_bad_rows``; errors that belong to no row always block. A cancel
    raises :class:`Cancelled` after rolling everything back.
    """
    general = plan.general_errors
    if general:
        raise UserError(general[0].message_vi, general[0].message_en)
    errors = plan.report.errors
    if errors and not skip_bad_rows:
        n = len(plan.report.bad_rows())
        raise UserError(
            f"Tệp còn {n} dòng lỗi nên chưa nhập gì: hãy sửa các dòng lỗi hoặc chọn bỏ qua dòng lỗi.",
            f"The file has {n} rows with errors, so nothing was imported: fix them or choose to skip bad rows.",
        )
    households = [hp for hp in plan.households if not hp.bad]
    total = sum(1 + len(hp.persons) for hp in households) or 1
    done = [0]

    def step(n: int) -> None:
        done[0] += n
        if progress is not None:
            progress(min(done[0], total), total)
        _check_cancel(cancel)

    with collector_paused(), db.session() as s:
        clock = int(s.scalar(select(SyncClock.seq).where(SyncClock.id == 1)) or 0)
        if clock != plan.clock_seq:
            raise UserError(
                "Dữ liệu đã thay đổi sau khi kiểm tra tệp: hãy kiểm tra lại tệp rồi nhập.",
                "The register changed after the file was checked: check the file again, then import.",
            )
        _check_cancel(cancel)
        with roomy_page_cache(s.connection()):
            result = _Writer(s, plan, step).write(households)
            # One entry for the whole import (its rows are bulk-written, not audited one by one).
            audit.record(
                s,
                "import",
                table="household",
                details={
                    "households": len(households),
                    "persons": sum(len(hp.persons) for hp in households),
                    "villages_created": result.counts.get("villages_create", 0),
                },
            )
        return result


IMPORT_PAGE_CACHE = -65536  # SQLite's ``cache_size`` while an import writes: 64 MiB at most (negative: KiB)


@contextlib.contextmanager
def roomy_page_cache(conn: Connection) -> Iterator[None]:
    """SQLite's page cache of the import's connection made room for the whole batch, then set back.

    With the default 2 MB, a 10,000-row list's new table and index pages overflow the cache inside
    the transaction and SQLite writes them out to the WAL early (and again when touched again), a
    tenth of the writing. Only memory: journal, ``synchronous`` and the one commit stay as the
    engine sets them. Set back before the commit (dirty pages are kept until then whatever the
    size), on an error too; PostgreSQL's cache is the server's.
    """
    if conn.dialect.name != "sqlite":
        yield
        return
    before = int(conn.exec_driver_sql("PRAGMA cache_size").scalar() or 0)
    conn.exec_driver_sql(f"PRAGMA cache_size={IMPORT_PAGE_CACHE}")
    failed = False
    try:
        yield
    except BaseException:
        failed = True
        raise
    finally:
        try:
            conn.exec_driver_sql(f"PRAGMA cache_size={before}")
        except Exception:
            if not failed:  # on an error the error is what matters; the size goes with the connection
                raise


def import_file(
    db: Database,
    path: str | Path,
    *,
    commitment_year: int | None = None,
    skip_bad_rows: bool = False,
    mapping_overrides: Mapping[str, Any] | None = None,
    convert_legacy: bool = True,
) -> tuple[ImportPlan, ImportResult]:
    """analyse + plan + apply, for scripts and tests."""
    a = analyse(path)
    p = plan(
        db,
        a,
        mapping_overrides=mapping_overrides,
        commitment_year=commitment_year,
        convert_legacy=convert_legacy,
    )
    return p, apply(db, p, skip_bad_rows=skip_bad_rows)
