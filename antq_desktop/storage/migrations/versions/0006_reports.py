"""reports: other results of the movement, village assessments, report submissions, period locks (owned by the reports work)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 13:50:00
"""

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
