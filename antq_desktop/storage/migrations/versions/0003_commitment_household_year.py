"""an index on commitment (household_id, year): the register's status column at 100,000 households

Without it SQLite answers "this household's commitment for 2026" through the
year index, scanning every commitment of the year for each row (5 s a page).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 14:10:00
"""

from alembic import op


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_commitment_household_year", "commitment", ["household_id", "year"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_commitment_household_year", table_name="commitment")
