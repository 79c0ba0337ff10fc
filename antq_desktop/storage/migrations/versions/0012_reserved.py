"""reserved: the commune-level assessment of TT 124 (units other than villages)

Reserved so that work landing in parallel keeps one line of revisions; until it lands this revision
changes nothing.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 08:00:00
"""

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
