"""reserved for shared catalogue identity (built-in entries with one id at every station)

Reserved so parallel work keeps one line of schema history; it changes nothing yet.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 04:40:00
"""

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
