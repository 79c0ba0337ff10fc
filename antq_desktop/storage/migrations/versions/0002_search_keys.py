"""folded search keys for persons, households and groups, back-filled from existing rows

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 09:18:40.294245
"""

from alembic import op
import sqlalchemy as sa

from antq_desktop.domain.text import search_key


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("antq_group", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_key", sa.String(length=600), nullable=False, server_default=""))
        batch_op.create_index(batch_op.f("ix_antq_group_search_key"), ["search_key"], unique=False)

    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_key", sa.String(length=600), nullable=False, server_default=""))
        batch_op.create_index(batch_op.f("ix_household_search_key"), ["search_key"], unique=False)

    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_key", sa.String(length=600), nullable=False, server_default=""))
        batch_op.create_index(batch_op.f("ix_person_search_key"), ["search_key"], unique=False)

    _backfill()


# The fields each key is made of, as the models declared them at this revision.
_FIELDS = {
    "person": ("full_name", "id_number", "phone"),
    "household": ("head_name", "address", "code", "phone"),
    "antq_group": ("name",),
}


def _backfill() -> None:
    conn = op.get_bind()
    for table, fields in _FIELDS.items():
        cols = ", ".join(fields)
        rows = conn.execute(sa.text(f"SELECT id, {cols} FROM {table}")).all()
        if rows:
            conn.execute(
                sa.text(f"UPDATE {table} SET search_key = :k WHERE id = :id"),
                [{"id": r[0], "k": search_key(*r[1:])} for r in rows],
            )


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_search_key"))
        batch_op.drop_column("search_key")

    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_household_search_key"))
        batch_op.drop_column("search_key")

    with op.batch_alter_table("antq_group", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_antq_group_search_key"))
        batch_op.drop_column("search_key")
