"""reports: other results of the movement, village assessments, report submissions, period locks (owned by the reports work)

Six travelling tables (services.results, services.assessments, services.reports):
items handed in, tips from the public (no informant identity), surrenders,
mediations, the yearly village assessment "An toàn về ANTT", and report
submissions, whose ``locked`` flag is the upper level's period lock.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 13:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_submission",
        sa.Column("commune_code", sa.String(length=8), nullable=False),
        sa.Column("definition_code", sa.String(length=64), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("convention", sa.String(length=16), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("sent_by", sa.String(length=64), nullable=False),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("locked_at", sa.DateTime(), nullable=True),
        sa.Column("locked_by", sa.String(length=200), nullable=False),
        sa.Column("lock_reason", sa.Text(), nullable=False),
        sa.Column("reopened_at", sa.DateTime(), nullable=True),
        sa.Column("reopen_reason", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=24), nullable=False),
        sa.Column("modified_by_site", sa.String(length=36), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("field_versions", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_submission")),
    )
    with op.batch_alter_table("report_submission", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_report_submission_change_seq"), ["change_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_report_submission_commune_code"), ["commune_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_report_submission_locked"), ["locked"], unique=False)

    op.create_table(
        "handed_in_item",
        sa.Column("handed_on", sa.Date(), nullable=False),
        sa.Column("village_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("quantity", sa.Double(), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=24), nullable=False),
        sa.Column("modified_by_site", sa.String(length=36), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("field_versions", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["village_id"], ["village.id"], name=op.f("fk_handed_in_item_village_id_village")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handed_in_item")),
    )
    with op.batch_alter_table("handed_in_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_handed_in_item_change_seq"), ["change_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_handed_in_item_handed_on"), ["handed_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_handed_in_item_village_id"), ["village_id"], unique=False)

    op.create_table(
        "mediation",
        sa.Column("mediated_on", sa.Date(), nullable=False),
        sa.Column("village_id", sa.String(length=36), nullable=True),
        sa.Column("successful", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=24), nullable=False),
        sa.Column("modified_by_site", sa.String(length=36), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("field_versions", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["village_id"], ["village.id"], name=op.f("fk_mediation_village_id_village")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mediation")),
    )
    with op.batch_alter_table("mediation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mediation_change_seq"), ["change_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_mediation_mediated_on"), ["mediated_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_mediation_village_id"), ["village_id"], unique=False)

    op.create_table(
        "public_tip",
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("village_id", sa.String(length=36), nullable=True),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("led_to_case", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=24), nullable=False),
        sa.Column("modified_by_site", sa.String(length=36), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("field_versions", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["village_id"], ["village.id"], name=op.f("fk_public_tip_village_id_village")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_public_tip")),
    )
    with op.batch_alter_table("public_tip", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_public_tip_change_seq"), ["change_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_public_tip_received_on"), ["received_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_public_tip_village_id"), ["village_id"], unique=False)

    op.create_table(
        "surrender",
        sa.Column("surrendered_on", sa.Date(), nullable=False),
        sa.Column("village_id", sa.String(length=36), nullable=True),
        sa.Column("persons", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=24), nullable=False),
        sa.Column("modified_by_site", sa.String(length=36), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("field_versions", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["village_id"], ["village.id"], name=op.f("fk_surrender_village_id_village")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_surrender")),
    )
    with op.batch_alter_table("surrender", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_surrender_change_seq"), ["change_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_surrender_surrendered_on"), ["surrendered_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_surrender_village_id"), ["village_id"], unique=False)

    op.create_table(
        "village_assessment",
        sa.Column("village_id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("registered", sa.Boolean(), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=True),
        sa.Column("criteria", sa.JSON(), nullable=False),
        sa.Column("households", sa.Integer(), nullable=False),
        sa.Column("households_signed", sa.Integer(), nullable=False),
        sa.Column("criterion1_met", sa.Boolean(), nullable=False),
        sa.Column("meeting_id", sa.String(length=36), nullable=True),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("decision_number", sa.String(length=32), nullable=False),
        sa.Column("decision_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=24), nullable=False),
        sa.Column("modified_by_site", sa.String(length=36), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("field_versions", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_village_assessment_meeting_id_meeting")
        ),
        sa.ForeignKeyConstraint(
            ["village_id"], ["village.id"], name=op.f("fk_village_assessment_village_id_village")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_village_assessment")),
    )
    with op.batch_alter_table("village_assessment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_village_assessment_change_seq"), ["change_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_village_assessment_village_id"), ["village_id"], unique=False)
        batch_op.create_index("ix_village_assessment_village_year", ["village_id", "year"], unique=False)
        batch_op.create_index(batch_op.f("ix_village_assessment_year"), ["year"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("village_assessment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_village_assessment_year"))
        batch_op.drop_index("ix_village_assessment_village_year")
        batch_op.drop_index(batch_op.f("ix_village_assessment_village_id"))
        batch_op.drop_index(batch_op.f("ix_village_assessment_change_seq"))

    op.drop_table("village_assessment")
    with op.batch_alter_table("surrender", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_surrender_village_id"))
        batch_op.drop_index(batch_op.f("ix_surrender_surrendered_on"))
        batch_op.drop_index(batch_op.f("ix_surrender_change_seq"))

    op.drop_table("surrender")
    with op.batch_alter_table("public_tip", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_public_tip_village_id"))
        batch_op.drop_index(batch_op.f("ix_public_tip_received_on"))
        batch_op.drop_index(batch_op.f("ix_public_tip_change_seq"))

    op.drop_table("public_tip")
    with op.batch_alter_table("mediation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mediation_village_id"))
        batch_op.drop_index(batch_op.f("ix_mediation_mediated_on"))
        batch_op.drop_index(batch_op.f("ix_mediation_change_seq"))

    op.drop_table("mediation")
    with op.batch_alter_table("handed_in_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_handed_in_item_village_id"))
        batch_op.drop_index(batch_op.f("ix_handed_in_item_handed_on"))
        batch_op.drop_index(batch_op.f("ix_handed_in_item_change_seq"))

    op.drop_table("handed_in_item")
    with op.batch_alter_table("report_submission", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_submission_locked"))
        batch_op.drop_index(batch_op.f("ix_report_submission_commune_code"))
        batch_op.drop_index(batch_op.f("ix_report_submission_change_seq"))

    op.drop_table("report_submission")
