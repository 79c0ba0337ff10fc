"""reserved for approvals that freeze figures

Reserved so parallel work keeps one line of schema history; it changes nothing yet.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 04:40:00
"""

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
