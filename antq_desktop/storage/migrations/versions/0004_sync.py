"""sync: what bundle exchange needs beyond the foundation's columns (owned by the sync work)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 09:00:00
"""

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
