"""an index on (origin_site, change_seq) in every travelling table: the hub reads one commune's rows

At the upper level every table holds the rows of all its communes, and a
commune's figures, drill-down lists and unacknowledged changes select its rows
by ``origin_site`` (the commune's stations). Without an index each of those
queries scanned the whole table, so a province's report cost communes × hub size.
``change_seq`` second: a commune's unacknowledged changes (``origin_site IN …
AND change_seq > acknowledged``) are then a range of the index alone.

Two more for queries that had a better-looking index to scan the whole hub with:
``commitment (origin_site, year)`` (one commune's signatures of the year; SQLite
chose the year index, every commune's commitments of the year) and
``award_decision (commune_code)`` (the upper level's decisions for a commune).

Plain CREATE INDEX, no batch mode: SQLite tables are not rebuilt, so their
triggers (the audit guards) stay (STACK-NOTES).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 16:40:00
"""

from alembic import op


revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# The travelling tables at this revision (the models' SyncMixin subclasses).
TABLES = (
    "antq_group",
    "award",
    "award_decision",
    "certificate_print",
    "certificate_template",
    "commitment",
    "commitment_text",
    "commune",
    "group_type",
    "handed_in_item",
    "household",
    "household_event",
    "mediation",
    "meeting",
    "meeting_attendee",
    "meeting_type",
    "membership",
    "opinion",
    "person",
    "public_tip",
    "report_submission",
    "service_period",
    "surrender",
    "village",
    "village_assessment",
)


# Besides (origin_site, change_seq): table → columns.
MORE = (
    ("commitment", ("origin_site", "year")),
    ("award_decision", ("commune_code",)),
)


def _indexes() -> list[tuple[str, str, list[str]]]:
    out = [(f"ix_{t}_origin_site_change_seq", t, ["origin_site", "change_seq"]) for t in TABLES]
    return out + [(f"ix_{t}_{'_'.join(cols)}", t, list(cols)) for t, cols in MORE]


def upgrade() -> None:
    for name, table, columns in _indexes():
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in reversed(_indexes()):
        op.drop_index(name, table_name=table)
