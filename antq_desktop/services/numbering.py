"""Document numbers in the NĐ 30/2020 form ("Số: 05/BB-CAX"), offline-safe, restarting each year.

The scheme (docs/domain.md, "Official papers: the NĐ 30/2020 layout", ô 3):

* **Number** — an Arabic numeral that restarts at 1 on 1 January; numbers
  below 10 get a leading 0 ("05"). Each document type (biên bản, báo cáo…)
  has its own series.
* **Ký hiệu** — groups joined by "-", no spaces: the type's abbreviation
  (BB, BC, QĐ…; configurable per type in the settings, NĐ 30 lets the head of
  the unit set it) and the unit's abbreviation (CAX for a Công an xã, set in
  the settings). "/" separates the number from the ký hiệu: ``05/BB-CAX``.
* **Where the counter lives** — one row of the station's ``setting`` table per
  (type, year[, site]): ``numbering.counter.minutes.2026``. :func:`next_number`
  increments it *inside the caller's transaction*, the same one that writes
  the number onto the document. If that transaction fails, both roll back
  together: the number is neither lost nor handed out twice. A committed
  number is never handed out again in the same year — not after the document
  is deleted (deletes are soft, numbers are not reused), not after a restart
  (the counter is in the database file, written with ``synchronous=FULL``).
  The caller may pass ``floor`` (the highest number already on its records)
  so numbers stay unique even over records that were numbered elsewhere
  (the demo, an import).
* **Several PCs of one station** — each PC has its own database and works
  offline, so two PCs could both issue "05/BB-CAX". When the settings give
  this PC a short site code (``numbering.site_code``, e.g. "M2"), that code is
  added as a last ký hiệu group (``05/BB-CAX-M2``) and the PC keeps a counter
  of its own: numbers from different PCs can never collide, and each PC's
  series still restarts every year. A station with one PC leaves the code
  empty and gets the plain NĐ 30 form.
* **Known limit** — restoring an older backup also restores the older
  counter; pass ``floor`` from the records to stay safe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.text import nfc
from ..storage.database import Database
from ..storage.models import Commune, Setting, Site
from . import settings
from .errors import UserError

# Document types and their NĐ 30 abbreviations (Phụ lục III).
DOC_TYPES: dict[str, tuple[str, str]] = {
    "minutes": ("BB", "Biên bản"),
    "report": ("BC", "Báo cáo"),
    "decision": ("QĐ", "Quyết định"),
    "plan": ("KH", "Kế hoạch"),
    "notice": ("TB", "Thông báo"),
    "invitation": ("GM", "Giấy mời"),
    "submission": ("TTr", "Tờ trình"),
}

SYMBOLS_KEY = "numbering.symbols"  # {doc_type: abbreviation}, overrides DOC_TYPES
UNIT_CODE_KEY = "numbering.unit_code"  # "CAX"
SITE_CODE_KEY = "numbering.site_code"  # "" or a short code of this PC, e.g. "M2"
COUNTER_PREFIX = "numbering.counter."

_UNIT_CODES = {"xã": "CAX", "phường": "CAP", "đặc khu": "CAĐK", "thị trấn": "CATT"}
_GROUP = re.compile(r"^[0-9A-Za-zĐđ]+(-[0-9A-Za-zĐđ]+)*$")
_NUMBER = re.compile(r"^\s*(\d+)\s*/\s*(\S+)\s*$")
MAX_SITE_CODE = 8


@dataclass(frozen=True)
class DocNumber:
    """A document's number: ``text`` is "05/BB-CAX", ``line`` is "Số: 05/BB-CAX"."""

    number: int
    symbol: str
    year: int

    @property
    def text(self) -> str:
        return format_number(self.number, self.symbol)

    @property
    def line(self) -> str:
        return f"Số: {self.text}"

    def __str__(self) -> str:
        return self.text


def format_number(number: int, symbol: str) -> str:
    """ "05/BB-CAX": numbers below 10 with a leading 0 (NĐ 30)."""
    return f"{number:02d}/{symbol}"


def parse_number(text: str) -> tuple[int, str] | None:
    """(5, "BB-CAX") from "05/BB-CAX" (or "Số: 05/BB-CAX"); None for anything else."""
    text = nfc(text).strip()
    if text.lower().startswith("số:"):
        text = text[3:]
    m = _NUMBER.match(text)
    return (int(m.group(1)), m.group(2)) if m else None


def _check_group(value: str, what_vi: str, what_en: str) -> str:
    value = nfc(value).strip()
    if not _GROUP.match(value):
        raise UserError(
            f"{what_vi} chỉ gồm chữ cái không dấu (được dùng Đ), chữ số và dấu gạch nối, không có dấu cách.",
            f"The {what_en} may hold only plain letters (Đ allowed), digits and hyphens, no spaces.",
        )
    return value


# -- settings ---------------------------------------------------------------------------------


def abbreviation(session: Session, doc_type: str) -> str:
    """The type's abbreviation: the settings' choice, else NĐ 30's."""
    if doc_type not in DOC_TYPES:
        raise UserError(
            f"Loại văn bản {doc_type!r} không có trong danh mục.", f"Unknown document type {doc_type!r}."
        )
    chosen = settings.get(session, SYMBOLS_KEY, {}) or {}
    return str(chosen.get(doc_type) or DOC_TYPES[doc_type][0])


def unit_code(session: Session) -> str:
    """The unit's abbreviation in ký hiệu: the settings' choice, else from the commune's kind (CAX…)."""
    chosen = settings.get(session, UNIT_CODE_KEY, "")
    if chosen:
        return str(chosen)
    me = session.scalar(select(Site).where(Site.is_self.is_(True)))
    if me is not None and me.role != "commune":
        return "CA"
    kind = session.scalar(select(Commune.division_type).where(Commune.deleted.is_(False)).limit(1))
    return _UNIT_CODES.get(nfc(kind or "xã").lower(), "CAX")


def site_code(session: Session) -> str:
    return str(settings.get(session, SITE_CODE_KEY, "") or "")


def symbol_for(session: Session, doc_type: str, unit: str | None = None) -> str:
    """The full ký hiệu: "BB-CAX", or "BB-CAX-M2" when this PC has a site code."""
    groups = [abbreviation(session, doc_type), unit if unit is not None else unit_code(session)]
    site = site_code(session)
    if site:
        groups.append(site)
    return "-".join(g for g in groups if g)


def set_abbreviation(db: Database, doc_type: str, value: str) -> None:
    """Set a type's abbreviation ("" restores NĐ 30's)."""
    value = nfc(value).strip()
    if value:
        _check_group(value, "Ký hiệu loại văn bản", "document-type abbreviation")
    with db.session() as s:
        abbreviation(s, doc_type)  # validates the type
        chosen = dict(settings.get(s, SYMBOLS_KEY, {}) or {})
        if value:
            chosen[doc_type] = value
        else:
            chosen.pop(doc_type, None)
        settings.put(s, SYMBOLS_KEY, chosen)


def set_unit_code(db: Database, value: str) -> None:
    """Set the unit's abbreviation ("" derives it from the commune's kind)."""
    value = nfc(value).strip()
    if value:
        _check_group(value, "Ký hiệu đơn vị", "unit abbreviation")
    settings.write(db, UNIT_CODE_KEY, value)


def set_site_code(db: Database, value: str) -> None:
    """Give this PC a short code for its numbers ("" for a station with one PC)."""
    value = nfc(value).strip().upper()
    if value:
        _check_group(value, "Mã máy", "PC code")
        if len(value) > MAX_SITE_CODE or "-" in value:
            raise UserError(
                f"Mã máy cần tối đa {MAX_SITE_CODE} chữ cái hoặc chữ số, không có dấu gạch nối (ví dụ M2).",
                f"The PC code needs at most {MAX_SITE_CODE} letters or digits, no hyphen (e.g. M2).",
            )
    settings.write(db, SITE_CODE_KEY, value)


# -- counters ---------------------------------------------------------------------------------


def counter_key(session: Session, doc_type: str, year: int) -> str:
    site = site_code(session)
    return f"{COUNTER_PREFIX}{doc_type}.{year}" + (f".{site}" if site else "")


def last_number(session: Session, doc_type: str, year: int) -> int:
    """The last number this PC handed out for the type in ``year`` (0 for none)."""
    return int(settings.get(session, counter_key(session, doc_type, year), 0) or 0)


def peek_number(session: Session, doc_type: str, year: int, unit: str | None = None) -> DocNumber:
    """What :func:`next_number` would give now, without taking it (for a preview)."""
    return DocNumber(last_number(session, doc_type, year) + 1, symbol_for(session, doc_type, unit), year)


def next_number(
    session: Session, doc_type: str, year: int, unit: str | None = None, *, floor: int = 0
) -> DocNumber:
    """Take the next number of ``doc_type`` for ``year`` in the caller's transaction.

    ``unit`` is the unit's abbreviation (the settings' one when None);
    ``floor`` the highest number already on the caller's records, which the
    new number exceeds. Commit the document in the same transaction.
    """
    if not 2000 <= year <= 2100:
        raise UserError("Năm của văn bản không hợp lệ.", "Invalid year for the document.")
    symbol = symbol_for(session, doc_type, unit)
    key = counter_key(session, doc_type, year)
    # FOR UPDATE serialises PostgreSQL writers; SQLite has one writer (BEGIN IMMEDIATE) already.
    row = session.get(Setting, key, with_for_update=True, populate_existing=True)
    last = int(row.value or 0) if row is not None else 0
    number = max(last, floor) + 1
    if row is None:
        session.add(Setting(key=key, value=number))
    else:
        row.value = number
    session.flush()
    return DocNumber(number, symbol, year)
