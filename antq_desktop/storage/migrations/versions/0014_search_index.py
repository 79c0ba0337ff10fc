"""a full-text index (SQLite FTS5) over the folded search keys of households and persons

Two external-content FTS5 tables, ``household_fts`` and ``person_fts``, kept by triggers on their
tables and filled from the existing rows. SQLite only: on PostgreSQL this revision changes nothing
(the search scans there). The index is local and never travels; storage/migrate.py re-creates it
after any later upgrade that rebuilt the tables (see storage/search_index.py).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 08:00:00
"""

from alembic import op

from antq_desktop.storage import search_index

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    search_index.create(op.get_bind())


def downgrade() -> None:
    search_index.drop(op.get_bind())
