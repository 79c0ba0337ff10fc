"""a person's medal facts (leader post and dates, exclusion) as a travelling table, out of a setting

``medal_fact`` holds, per person, what the Kỷ niệm chương rules need and the register does not say:
the leader's post with the dates it began and ended, a social-evil hotspot in the area they lead,
and an exclusion (a code of ``domain.medal_rules.EXCLUSIONS``) with its note. Until now these sat
in the station setting ``awards.medal_people`` ({person_id: {...}}), which never travelled: an upper
level proposing from a commune's records did not see them.

This revision creates the table (sync columns, the ``(origin_site, change_seq)`` index every
travelling table has since 0008, an index on ``person_id``), then moves each person's entry of the
setting into a row: id derived from the person's (``models.medal_facts.medal_fact_id``, the same at
every station), stamped as a change of this station (a new version of its clock, a new
``change_seq``: the row travels with the next bundle), one audit entry per row created; entries for
persons no longer in the register, and empty ones, are dropped; then the setting is removed.
Plain CREATE TABLE / INSERT: no table is rebuilt, so SQLite keeps its triggers.

``downgrade`` writes the live rows back into the setting and drops the table.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 10:45:00
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import sqlalchemy as sa
from alembic import op

from antq_desktop.storage import audit_log, hlc

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

SETTING_KEY = "awards.medal_people"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:antq-desktop:medal-fact")  # models.medal_facts
NOTE = "Chuyển thông tin xét tặng kỷ niệm chương từ thiết lập sang hồ sơ người (phiên bản dữ liệu 0015)."
FIELDS = ("leader_post", "leader_since", "leader_until", "hotspot", "exclusion", "exclusion_note")

setting = sa.table("setting", sa.column("key"), sa.column("value", sa.JSON))
medal_fact = sa.table(
    "medal_fact",
    sa.column("id"),
    sa.column("origin_site"),
    sa.column("version"),
    sa.column("modified_by_site"),
    sa.column("deleted", sa.Boolean),
    sa.column("change_seq"),
    sa.column("field_versions", sa.JSON),
    sa.column("person_id"),
    sa.column("leader_post"),
    sa.column("leader_since", sa.Date),
    sa.column("leader_until", sa.Date),
    sa.column("hotspot", sa.Boolean),
    sa.column("exclusion"),
    sa.column("exclusion_note"),
)


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _facts(value: Any) -> dict[str, Any]:
    """One entry of the setting as the table's fields (as services.awards.MedalFacts read it)."""
    if not isinstance(value, dict):
        return {}
    return {
        "leader_post": str(value.get("leader_post") or "").strip()[:200],
        "leader_since": _day(value.get("leader_since")),
        "leader_until": _day(value.get("leader_until")),
        "hotspot": bool(value.get("hotspot")),
        "exclusion": str(value.get("exclusion") or "")[:32],
        "exclusion_note": str(value.get("exclusion_note") or ""),
    }


def _create_table() -> None:
    op.create_table(
        "medal_fact",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("leader_post", sa.String(length=200), nullable=False),
        sa.Column("leader_since", sa.Date(), nullable=True),
        sa.Column("leader_until", sa.Date(), nullable=True),
        sa.Column("hotspot", sa.Boolean(), nullable=False),
        sa.Column("exclusion", sa.String(length=32), nullable=False),
        sa.Column("exclusion_note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=24), nullable=False),
        sa.Column("modified_by_site", sa.String(length=36), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("field_versions", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_medal_fact_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_medal_fact")),
    )
    op.create_index("ix_medal_fact_change_seq", "medal_fact", ["change_seq"], unique=False)
    op.create_index(
        "ix_medal_fact_origin_site_change_seq", "medal_fact", ["origin_site", "change_seq"], unique=False
    )
    op.create_index("ix_medal_fact_person_id", "medal_fact", ["person_id"], unique=False)


def _move_setting(conn: sa.Connection) -> None:
    raw = conn.execute(sa.select(setting.c.value).where(setting.c.key == SETTING_KEY)).scalar()
    clock = conn.execute(sa.text("SELECT seq, hlc, site_id FROM sync_clock WHERE id = 1")).first()
    if clock is None:
        return  # a database not set up yet holds no setting; keep whatever is there
    entries = raw if isinstance(raw, dict) else {}
    live = set(
        conn.execute(
            sa.text("SELECT id FROM person WHERE deleted = :f AND id IN :ids").bindparams(
                sa.bindparam("ids", expanding=True)
            ),
            {"f": False, "ids": sorted(str(k) for k in entries) or [""]},
        ).scalars()
    )
    seq, site = int(clock[0]), str(clock[2])
    current = hlc.Timestamp.decode(clock[1]) if clock[1] else hlc.ZERO
    rows, audit = [], []
    for pid in sorted(live):
        facts = _facts(entries[pid])
        if not (facts.get("leader_post") or facts.get("exclusion") or facts.get("hotspot")):
            continue
        current = hlc.tick(current)
        seq += 1
        version = current.encode()
        row = {
            "id": str(uuid.uuid5(NAMESPACE, f"medal_fact:{pid}")),
            "origin_site": site,
            "version": version,
            "modified_by_site": site,
            "deleted": False,
            "change_seq": seq,
            "field_versions": {"*": version},
            "person_id": pid,
            **facts,
        }
        rows.append(row)
        changes = {
            f: [None, audit_log.json_value(facts[f])] for f in FIELDS if facts[f] not in (None, "", False)
        }
        audit.append(
            {
                "action": "create",
                "table_name": "medal_fact",
                "record_id": row["id"],
                "details": {"changes": {"person_id": [None, pid], **changes}},
                "note": NOTE,
            }
        )
    if rows:
        conn.execute(medal_fact.insert(), rows)
        conn.execute(
            sa.text("UPDATE sync_clock SET seq = :s, hlc = :h WHERE id = 1"),
            {"s": seq, "h": current.encode()},
        )
    if raw is not None:
        conn.execute(setting.delete().where(setting.c.key == SETTING_KEY))
        audit.append(
            {
                "action": "update",
                "table_name": "setting",
                "record_id": SETTING_KEY,
                "details": {"moved": len(rows), "dropped": len(entries) - len(rows)},
                "note": NOTE,
            }
        )
    if audit:
        audit_log.append(conn, audit)


def upgrade() -> None:
    _create_table()
    _move_setting(op.get_bind())


def downgrade() -> None:
    conn = op.get_bind()
    back: dict[str, Any] = {}
    for r in conn.execute(sa.select(medal_fact).where(medal_fact.c.deleted.is_(False))).mappings():
        back[r["person_id"]] = {
            "leader_post": r["leader_post"],
            "leader_since": r["leader_since"].isoformat() if r["leader_since"] else "",
            "hotspot": bool(r["hotspot"]),
            "exclusion": r["exclusion"],
            "exclusion_note": r["exclusion_note"],
        }
    if back:
        conn.execute(setting.delete().where(setting.c.key == SETTING_KEY))
        conn.execute(setting.insert().values(key=SETTING_KEY, value=back))
    op.drop_table("medal_fact")
