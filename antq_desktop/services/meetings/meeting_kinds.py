"""Meeting types: the catalogue's with the commune's overlay, and the commune's own."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain.text import fold, nfc
from ...storage.database import Database
from ...storage.models import (
    MeetingType,
)
from .. import catalogue_overlay
from ..errors import UserError
from .vocabulary import _clean, default_template


@dataclass(frozen=True)
class MeetingTypeRow:
    id: str
    code: str
    name: str
    minutes_template: str  # the commune's own text, else the default for the type
    source: str  # builtin | local
    active: bool
    custom_template: bool  # whether minutes_template is the commune's own


@dataclass
class MeetingTypeDraft:
    name: str
    id: str | None = None
    minutes_template: str = ""  # "" = the default text
    active: bool = True


def _type_row(t: MeetingType, overlay: catalogue_overlay.Overlay | None = None) -> MeetingTypeRow:
    """The type as this station sees it: the shared row with this commune's overlay laid over it."""
    ov = overlay or catalogue_overlay.Overlay()
    own = ov.minutes_template if ov.minutes_template is not None else _clean(t.minutes_template)
    return MeetingTypeRow(
        id=t.id,
        code=t.code,
        name=t.name,
        minutes_template=own or default_template(t.code),
        source=t.source,
        active=t.active if ov.active is None else ov.active,
        custom_template=bool(own),
    )


def _seen(s: Session, t: MeetingType) -> MeetingTypeRow:
    return _type_row(t, catalogue_overlay.get(s, "meeting_type", t.id))


def meeting_types(db: Database, *, include_inactive: bool = False) -> list[MeetingTypeRow]:
    """The catalogue in its order (built-in first, then local additions by name)."""
    stmt = select(MeetingType).where(MeetingType.deleted.is_(False))
    stmt = stmt.order_by((MeetingType.source != "builtin"), MeetingType.sort_order, MeetingType.name)
    with db.session() as s:
        overlays = catalogue_overlay.all_of(s, "meeting_type")
        rows = [_type_row(t, overlays.get(t.id)) for t in s.scalars(stmt)]
    return [r for r in rows if include_inactive or r.active]


def meeting_type_by_code(db: Database, code: str) -> MeetingTypeRow:
    with db.session() as s:
        t = s.scalar(
            select(MeetingType).where(MeetingType.code == code, MeetingType.deleted.is_(False)).limit(1)
        )
        if t is None:
            raise UserError(
                f"Không có loại hội nghị mã {code!r} trong danh mục.",
                f"No meeting type has the code {code!r}.",
            )
        return _seen(s, t)


def _local_code(s: Session, name: str) -> str:
    base = "local_" + "_".join(fold(name).split())[:24]
    taken = set(s.scalars(select(MeetingType.code).where(MeetingType.code.like(f"{base}%"))))
    code, n = base, 2
    while code in taken:
        code, n = f"{base}_{n}", n + 1
    return code


def save_meeting_type(db: Database, draft: MeetingTypeDraft) -> str:
    """Add a local type or change one: built-in names stay; every type's minutes text may change.

    At a commune, a type it holds from the province (built-in, or made by the upper level) keeps
    its shared row: the commune's minutes text and switching it off are its own overlay, kept here
    and never sent (:mod:`services.catalogue_overlay`). At the upper level and for the commune's own types
    the row is changed (and travels).
    """
    name = _clean(draft.name)
    if not name:
        raise UserError("Hãy nhập tên loại hội nghị.", "Enter the meeting type's name.")
    template = nfc(draft.minutes_template).strip()
    with db.session() as s:
        same = s.scalar(
            select(MeetingType.id).where(
                MeetingType.deleted.is_(False),
                MeetingType.id != (draft.id or ""),
                func.lower(MeetingType.name) == name.lower(),
            )
        )
        if same is not None:
            raise UserError(f"Đã có loại hội nghị “{name}”.", f"The meeting type “{name}” already exists.")
        if draft.id is None:
            t = MeetingType(code=_local_code(s, name), name=name, source="local", sort_order=1000)
            s.add(t)
        else:
            t = s.get(MeetingType, draft.id)
            if t is None or t.deleted:
                raise UserError("Không tìm thấy loại hội nghị này.", "This meeting type no longer exists.")
            if t.source == "builtin" and name != t.name:
                raise UserError(
                    "Không đổi được tên loại hội nghị có sẵn; hãy thêm một loại mới.",
                    "Built-in meeting types keep their names; add a new type instead.",
                )
            if not catalogue_overlay.edits_row(s, t):
                if name != t.name:
                    raise UserError(
                        "Không đổi được tên loại hội nghị do cấp trên ban hành; hãy thêm một loại mới.",
                        "Meeting types of the upper level keep their names; add a new type instead.",
                    )
                shared_text = _clean(t.minutes_template) or default_template(t.code)
                catalogue_overlay.put(
                    s,
                    "meeting_type",
                    t.id,
                    catalogue_overlay.Overlay(
                        active=None if bool(draft.active) == t.active else bool(draft.active),
                        minutes_template=None if template in ("", shared_text) else template,
                    ),
                )
                return t.id
            t.name = name
        # The default text is not stored, so an improved default reaches every commune.
        t.minutes_template = "" if template == default_template(t.code) else template
        t.active = draft.active
        s.flush()
        return t.id
