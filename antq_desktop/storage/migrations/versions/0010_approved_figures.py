"""approvals that freeze figures: the approved figures travel with the approval

``report_submission.approved_figures``: the report the upper level approved for
the commune and period (indicator → value, as computed at the hub from the
commune's records at approval time). It travels down with the lock; the hub
compares it with the figures as they are now (services.approvals). ``figures``
stays what the commune itself sent.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 04:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("report_submission", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("approved_figures", sa.JSON(), server_default=sa.text("'{}'"), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("report_submission", schema=None) as batch_op:
        batch_op.drop_column("approved_figures")
