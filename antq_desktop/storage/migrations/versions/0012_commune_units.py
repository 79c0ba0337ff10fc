"""commune units: offices, businesses and schools, their yearly assessments, the commune's own assessment

TT 124/2021 Điều 5 khoản 4 counts a commune's villages *and* its offices, businesses and schools
(cơ quan, doanh nghiệp, cơ sở giáo dục): ``commune_unit`` holds those units, ``unit_assessment`` their
yearly assessment, ``commune_assessment`` the commune's own criteria (Điều 5 khoản 1–3) and result for
a year. All three travel in bundles (sync columns, the ``(origin_site, change_seq)`` index of 0008).
New tables only: nothing existing changes, downgrade drops them.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 08:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
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


def _sync_indexes(table: str) -> None:
    op.create_index(f"ix_{table}_change_seq", table, ["change_seq"], unique=False)
    op.create_index(f"ix_{table}_origin_site_change_seq", table, ["origin_site", "change_seq"], unique=False)


def upgrade() -> None:
    op.create_table(
        "commune_unit",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("village_id", sa.String(length=36), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(
            ["village_id"], ["village.id"], name=op.f("fk_commune_unit_village_id_village")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commune_unit")),
    )
    _sync_indexes("commune_unit")
    op.create_index("ix_commune_unit_village_id", "commune_unit", ["village_id"], unique=False)

    op.create_table(
        "unit_assessment",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("registered", sa.Boolean(), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=True),
        sa.Column("criteria", sa.JSON(), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("decision_number", sa.String(length=32), nullable=False),
        sa.Column("decision_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["commune_unit.id"], name=op.f("fk_unit_assessment_unit_id_commune_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit_assessment")),
    )
    _sync_indexes("unit_assessment")
    op.create_index("ix_unit_assessment_unit_id", "unit_assessment", ["unit_id"], unique=False)
    op.create_index("ix_unit_assessment_year", "unit_assessment", ["year"], unique=False)
    op.create_index("ix_unit_assessment_unit_year", "unit_assessment", ["unit_id", "year"], unique=False)

    op.create_table(
        "commune_assessment",
        sa.Column("commune_code", sa.String(length=8), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("criteria", sa.JSON(), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("decision_number", sa.String(length=32), nullable=False),
        sa.Column("decision_on", sa.Date(), nullable=True),
        sa.Column("decided_by", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commune_assessment")),
    )
    _sync_indexes("commune_assessment")
    op.create_index("ix_commune_assessment_year", "commune_assessment", ["year"], unique=False)
    op.create_index(
        "ix_commune_assessment_commune_code_year",
        "commune_assessment",
        ["commune_code", "year"],
        unique=False,
    )


def downgrade() -> None:
    # Children first; dropping a table drops its indexes on SQLite and PostgreSQL alike.
    op.drop_table("commune_assessment")
    op.drop_table("unit_assessment")
    op.drop_table("commune_unit")
