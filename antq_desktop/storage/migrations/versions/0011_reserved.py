"""reserved for the upper level's own identity and restores

Reserved so parallel work keeps one line of schema history; it changes nothing yet.

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
