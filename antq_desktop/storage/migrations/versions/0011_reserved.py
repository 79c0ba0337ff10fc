"""no change: reserved for the upper level's own identity and restores, which needed none

The upper level's station (no commune code) and restores were built on the existing columns and the
`setting` table; the revision stays, empty, because bundles carry the schema revision and 0011 was
the head they were written with.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 04:40:00
"""

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
