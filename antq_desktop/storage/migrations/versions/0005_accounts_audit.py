"""accounts and audit: what sign-in, the append-only audit trail and backups need (owned by the accounts work)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 09:00:00
"""

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
