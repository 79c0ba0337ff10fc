"""the search index also keeps one-letter prefixes

A search whose last word is one letter ("tran thi h") made FTS5 merge the entries of every word
starting with that letter: 0.2–0.45 s a keystroke at 1 M persons (docs/performance.md).  The
index's tables are made again with ``prefix='1 2 3'`` (storage/search_index.py PREFIX) and filled
from the tables.  SQLite only; the index is local and never travels.  Downgrade keeps the index as
it is: its layout changes no result, only how fast a prefix is found.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 12:00:00
"""

from alembic import op

from antq_desktop.storage import search_index

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    search_index.drop(conn)
    search_index.create(conn)


def downgrade() -> None:
    pass
