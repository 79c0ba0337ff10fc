"""certificate templates as a travelling catalogue (made or corrected by the upper level)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 15:05:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "certificate_template",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("mode", sa.String(length=8), nullable=False),
        sa.Column("spec", sa.JSON(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=24), nullable=False),
        sa.Column("modified_by_site", sa.String(length=36), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("field_versions", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate_template")),
    )
    with op.batch_alter_table("certificate_template", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_certificate_template_change_seq"), ["change_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_certificate_template_name"), ["name"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("certificate_template", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_certificate_template_name"))
        batch_op.drop_index(batch_op.f("ix_certificate_template_change_seq"))
    op.drop_table("certificate_template")
