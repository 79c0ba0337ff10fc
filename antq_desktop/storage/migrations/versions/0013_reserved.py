"""reserved: figures typed by hand and narrative sections of reports

Reserved so that work landing in parallel keeps one line of revisions; until it lands this revision
changes nothing.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 08:00:00
"""

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
