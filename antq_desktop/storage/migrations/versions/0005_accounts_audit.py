"""accounts and audit: what sign-in, the append-only audit trail and backups need (owned by the accounts work)

The audit trail becomes append-only: triggers refuse UPDATE and DELETE on ``audit_entry`` (and
TRUNCATE on PostgreSQL).  SQLite drops a table's triggers when batch mode rebuilds it: a later
migration that alters ``audit_entry`` must call ``audit_log.create_guards`` again
(tests/test_audit.py checks the triggers exist at head).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 09:00:00
"""

from alembic import op

from antq_desktop.storage import audit_log

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    audit_log.create_guards(op.get_bind())


def downgrade() -> None:
    audit_log.drop_guards(op.get_bind())
