"""reserved: a full-text index for searching households and persons

Reserved so that work landing in parallel keeps one line of revisions; until it lands this revision
changes nothing.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 08:00:00
"""

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
