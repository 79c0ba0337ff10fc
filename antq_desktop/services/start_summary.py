"""Tổng quan's figures read with the standard library's ``sqlite3`` alone, before SQLAlchemy is imported.

A start of the program shows the window's frame, then fills its first page. Importing SQLAlchemy
and declaring the ORM classes takes several times longer than the bare window itself, so the first
page's figures are read here first: a handful of read-only counts on the SQLite file (no session,
no mapper, no write lock), the same definitions as :func:`antq_desktop.services.overview.overview`
and the village coverage of :func:`antq_desktop.services.overview.coverage`
(``tests/test_start_summary.py`` compares them figure for figure).

Returns None whenever it cannot answer simply — no file, a hub (its coverage is by commune), a
station not set up yet, a schema it does not know — and the page is then filled the ordinary way.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class VillageRow:
    code: str
    name: str
    households: int
    covered: int  # signed this year, broken after signing included

    @property
    def share(self) -> float:
        return self.covered / self.households if self.households else 0.0


@dataclass(frozen=True)
class Overview:
    """Tổng quan's figures (``services.overview.overview`` counts them through the services)."""

    year: int
    households: int
    persons: int
    commitments_signed: int
    groups: int
    members: int
    meetings_this_year: int
    open_opinions: int

    @property
    def coverage(self) -> float:
        """Share of households that signed this year's commitment, 0..1."""
        return self.commitments_signed / self.households if self.households else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {**asdict(self), "coverage": round(self.coverage, 4)}


@dataclass(frozen=True)
class Summary(Overview):
    """The figures read here, and the coverage by village."""

    villages: tuple[VillageRow, ...]


_COUNTS = """
SELECT
  (SELECT count(*) FROM household WHERE deleted IS 0),
  (SELECT count(*) FROM person WHERE deleted IS 0),
  (SELECT count(DISTINCT household_id) FROM commitment
     WHERE deleted IS 0 AND year = :year AND status IN ('signed', 'broken')
       AND household_id IN (SELECT id FROM household WHERE deleted IS 0)),
  (SELECT count(*) FROM antq_group WHERE deleted IS 0 AND status = 'active'),
  (SELECT count(DISTINCT person_id) FROM membership
     WHERE deleted IS 0 AND left_on IS NULL AND person_id IS NOT NULL)
  + (SELECT count(*) FROM membership WHERE deleted IS 0 AND left_on IS NULL AND person_id IS NULL),
  (SELECT count(*) FROM meeting WHERE deleted IS 0 AND starts_at >= :start AND starts_at < :end),
  (SELECT count(opinion.id) FROM opinion LEFT OUTER JOIN meeting ON meeting.id = opinion.meeting_id
     WHERE opinion.deleted IS 0 AND (opinion.meeting_id IS NULL OR meeting.deleted IS 0)
       AND opinion.status IN ('new', 'in_progress'))
"""

# Each live household's latest status this year, counted per village (services.commitments.coverage).
# MATERIALIZED: SQLite would otherwise run the status lookup twice a household (grouping, then output).
_COVERAGE = """
WITH latest AS MATERIALIZED (
  SELECT household.village_id AS village_id,
         (SELECT commitment.status FROM commitment
           WHERE commitment.household_id = household.id AND commitment.year = :year
             AND commitment.deleted IS 0
           ORDER BY commitment.version DESC LIMIT 1) AS status
  FROM household WHERE household.deleted IS 0)
SELECT village_id, status, count(*) FROM latest GROUP BY village_id, status
"""

_VILLAGES = "SELECT id, name FROM village WHERE deleted IS 0 ORDER BY sort_order, name"


def read_summary(database: Path, year: int | None = None) -> Summary | None:
    """The figures of a set-up commune station's SQLite file, or None (see the module's docstring)."""
    year = year or date.today().year
    if not database.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=rw", uri=True, timeout=2.0)
    except sqlite3.Error:
        return None
    try:
        return _read(conn, year)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _read(conn: sqlite3.Connection, year: int) -> Summary | None:
    site = conn.execute("SELECT site_id FROM sync_clock WHERE id = 1").fetchone()
    if site is None or site[0] is None:  # not set up: the setup wizard comes first
        return None
    role = conn.execute("SELECT role FROM site WHERE is_self IS 1 LIMIT 1").fetchone()
    if role is not None and role[0] == "hub":
        return None
    params = {
        "year": year,
        "start": f"{year:04d}-01-01 00:00:00.000000",  # how SQLAlchemy stores a DateTime on SQLite
        "end": f"{year + 1:04d}-01-01 00:00:00.000000",
    }
    counts = conn.execute(_COUNTS, params).fetchone()
    by_village: dict[str, dict[str | None, int]] = {}
    for village_id, status, n in conn.execute(_COVERAGE, {"year": year}):
        by_village.setdefault(village_id, {})[status] = int(n)
    villages = []
    for vid, name in conn.execute(_VILLAGES):
        by = by_village.get(vid, {})
        covered = by.get("signed", 0) + by.get("broken", 0)
        villages.append(VillageRow(vid, name, sum(by.values()), covered))
    households, persons, signed, groups, members, meetings, opinions = (int(v or 0) for v in counts)
    return Summary(year, households, persons, signed, groups, members, meetings, opinions, tuple(villages))
