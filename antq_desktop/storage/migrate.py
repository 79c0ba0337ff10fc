"""Schema migrations, applied at start-up after an automatic backup of the database file.

The revision check is a plain query against ``alembic_version`` so that a
start-up on a current database never pays for importing Alembic (~300 ms on
the old PCs we target).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect, text

from . import search_index
from .backup import backup_to, timestamped_name
from .database import Database

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# The newest revision in migrations/versions; a test keeps the two in step.
HEAD_REVISION = "0016"
# The revision that created the search index (storage/search_index.py).
SEARCH_INDEX_REVISION = "0014"


@dataclass
class MigrationResult:
    before: str | None
    after: str
    backup: Path | None


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            conn.rollback()
            return None
        rev = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        conn.rollback()
        return rev


def _alembic_config():  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def script_head() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head() or ""


def upgrade(db: Database, target: str = "head", backup_dir: Path | None = None) -> MigrationResult:
    """Bring the schema to ``target``; back the file up first when it holds an older schema."""
    before = current_revision(db)
    wanted = HEAD_REVISION if target == "head" else target
    if before == wanted:
        return MigrationResult(before, wanted, None)
    backup = None
    if before is not None and backup_dir is not None and db.path is not None:
        backup = backup_to(db, backup_dir / timestamped_name(f"before-migration-{before}"))
    from alembic import command

    cfg = _alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
        # A later revision that rebuilt household or person in batch mode dropped their triggers
        # on SQLite: put them back and rebuild the index, in the same transaction.
        rev = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if rev is not None and rev >= SEARCH_INDEX_REVISION:
            search_index.ensure(conn)
    return MigrationResult(before, current_revision(db) or "", backup)
