"""figures typed by hand and narrative sections of reports (issue 19)

``report_figure`` (period, indicator code, value, note) and ``report_narrative``
(period, section, text): what only people know, kept per reporting period. Both
travel (the sync columns, the ``(origin_site, change_seq)`` index every travelling
table has since 0008) and are locked with an approved period. Plain CREATE TABLE /
CREATE INDEX: no existing table is rebuilt, so SQLite keeps its triggers.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 08:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def _sync_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=24), nullable=False),
        sa.Column("modified_by_site", sa.String(length=36), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("field_versions", sa.JSON(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "report_figure",
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_figure")),
    )
    op.create_index(op.f("ix_report_figure_change_seq"), "report_figure", ["change_seq"])
    op.create_index("ix_report_figure_origin_site_change_seq", "report_figure", ["origin_site", "change_seq"])
    op.create_index("ix_report_figure_period_code", "report_figure", ["period", "code"])
    op.create_table(
        "report_narrative",
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("section", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_narrative")),
    )
    op.create_index(op.f("ix_report_narrative_change_seq"), "report_narrative", ["change_seq"])
    op.create_index(
        "ix_report_narrative_origin_site_change_seq", "report_narrative", ["origin_site", "change_seq"]
    )
    op.create_index("ix_report_narrative_period_section", "report_narrative", ["period", "section"])


def downgrade() -> None:
    for table, key in (("report_narrative", "period_section"), ("report_figure", "period_code")):
        op.drop_index(f"ix_{table}_{key}", table_name=table)
        op.drop_index(f"ix_{table}_origin_site_change_seq", table_name=table)
        op.drop_index(op.f(f"ix_{table}_change_seq"), table_name=table)
        op.drop_table(table)
