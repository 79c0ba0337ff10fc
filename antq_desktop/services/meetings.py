"""Meetings, their minutes, and the opinions people raise, followed until answered (DOMAIN §4.2, §7).

* Meeting types come from the catalogue (:mod:`domain.catalogues`); each has a
  default minutes text (what the "Nội dung" of the biên bản usually holds),
  which the commune may replace; local types can be added.
* A meeting is saved with :func:`save_meeting` in one transaction together
  with its named attendees and (when the form passes them) its opinions.
  While the officer types, the form calls :func:`save_draft`: the draft lives
  in the station's settings table, so closing the program, a crash or a power
  cut loses nothing; :func:`save_meeting` discards it in the same transaction.
* Opinions move ``new → in_progress → answered → closed`` (:data:`TRANSITIONS`);
  an opinion is *overdue* on a day when its due date has passed and it had not
  been answered by then. Opinions of a deleted meeting drop out of every list
  and count, and come back when the meeting is restored.
* Deletes are soft. Lists are paged. Text search folds diacritics (Đ/đ too).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, and_, case, func, not_, or_, select
from sqlalchemy.orm import Session

from ..domain.catalogues import MEETING_TYPES, OPINION_FIELDS
from ..domain.text import fold, nfc
from ..domain.villages import guess_kind
from ..storage.database import Database
from ..storage.models import (
    Commune,
    Household,
    Meeting,
    MeetingAttendee,
    MeetingType,
    Opinion,
    Person,
    Setting,
    Site,
    Village,
)
from . import catalogue_overlay, numbering
from .errors import UserError
from .lookup import get_or_refuse

# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

OPINION_STATUSES = ("new", "in_progress", "answered", "closed")
STATUS_LABELS = {"new": "Mới", "in_progress": "Đang xử lý", "answered": "Đã trả lời", "closed": "Đã đóng"}
STATUS_LABELS_EN = {"new": "New", "in_progress": "In progress", "answered": "Answered", "closed": "Closed"}
OPEN_STATUSES = ("new", "in_progress")
DONE_STATUSES = ("answered", "closed")
# Where an opinion may go from each status. Reopening an answered or closed opinion
# (the citizen was not satisfied) sends it back to "in_progress".
TRANSITIONS: dict[str, frozenset[str]] = {
    "new": frozenset({"in_progress", "answered"}),
    "in_progress": frozenset({"answered"}),
    "answered": frozenset({"closed", "in_progress"}),
    "closed": frozenset({"in_progress"}),
}
FIELD_LABELS = dict(OPINION_FIELDS)
MEETING_STATUSES = ("draft", "final")
MEETING_STATUS_LABELS = {"draft": "Đang ghi", "final": "Đã hoàn thành"}
# ``MeetingQuery.village_id`` value for meetings of the whole commune.
COMMUNE_WIDE = ""
COMMUNE_WIDE_LABEL = "Toàn xã"

DRAFT_PREFIX = "meetings.draft."
NEW_DRAFT = "new"

# Default minutes text ("Nội dung") per built-in type: the usual order of business, with dots
# where the officer fills in names.
DEFAULT_TEMPLATES: dict[str, str] = {
    "lang_nghe_y_kien": (
        "1. Đại diện Ủy ban Mặt trận Tổ quốc Việt Nam xã tuyên bố lý do, giới thiệu đại biểu.\n"
        "2. Đồng chí ...................., Trưởng Công an xã báo cáo kết quả công tác bảo đảm an ninh, "
        "trật tự và phong trào Toàn dân bảo vệ an ninh Tổ quốc trên địa bàn; những việc Công an xã đã làm "
        "được, những việc còn hạn chế.\n"
        "3. Phát phiếu khảo sát, lấy ý kiến Nhân dân về sự hài lòng đối với lực lượng Công an.\n"
        "4. Nhân dân phát biểu ý kiến; đại diện Công an xã và các ngành giải trình, tiếp thu."
    ),
    "hop_thon": (
        "1. Trưởng thôn thông báo tình hình an ninh, trật tự của thôn trong thời gian qua.\n"
        "2. Cán bộ Công an xã phổ biến các quy định về an ninh, trật tự, cư trú, phòng cháy, chữa cháy.\n"
        "3. Nhân dân phát biểu ý kiến; Công an xã và Trưởng thôn giải trình, tiếp thu."
    ),
    "tuyen_truyen_phap_luat": (
        "1. Đồng chí ...................., cán bộ Công an xã tuyên truyền, phổ biến các quy định của pháp "
        "luật về ....................\n"
        "2. Hướng dẫn Nhân dân nhận biết, phòng ngừa và tố giác tội phạm, vi phạm pháp luật.\n"
        "3. Giải đáp thắc mắc của Nhân dân."
    ),
    "mo_dot_van_dong": (
        "1. Quán triệt mục đích, yêu cầu, nội dung và thời gian của đợt vận động.\n"
        "2. Phát động Nhân dân tham gia; các hộ gia đình đăng ký, ký cam kết thực hiện.\n"
        "3. Phân công nhiệm vụ cho các thôn, tổ dân phố và các lực lượng."
    ),
    "giao_ban": (
        "1. Đánh giá tình hình an ninh, trật tự trên địa bàn trong kỳ.\n"
        "2. Kết quả thực hiện nhiệm vụ; những tồn tại, hạn chế và nguyên nhân.\n"
        "3. Phương hướng, nhiệm vụ trong thời gian tới."
    ),
    "ngay_hoi_19_8": (
        "1. Tuyên bố lý do, giới thiệu đại biểu.\n"
        "2. Báo cáo kết quả thực hiện phong trào Toàn dân bảo vệ an ninh Tổ quốc.\n"
        "3. Khen thưởng tập thể, cá nhân có thành tích.\n"
        "4. Phát động phong trào, ký kết giao ước thi đua."
    ),
    "binh_xet_an_toan": (
        "1. Thông qua kết quả thực hiện các tiêu chí khu dân cư “An toàn về an ninh, trật tự” "
        "(Điều 4 Thông tư số 124/2021/TT-BCA).\n"
        "2. Thảo luận, bình xét, biểu quyết.\n"
        "3. Kết luận, đề nghị công nhận."
    ),
}
GENERIC_TEMPLATE = "1. Tuyên bố lý do, giới thiệu đại biểu.\n2. ....................\n3. Ý kiến phát biểu."
JOINT_WITH_FRONT = ("lang_nghe_y_kien", "ngay_hoi_19_8", "mo_dot_van_dong")


def default_template(code: str) -> str:
    return DEFAULT_TEMPLATES.get(code, GENERIC_TEMPLATE)


def status_label(status: str, lang: str = "vi") -> str:
    return (STATUS_LABELS_EN if lang.startswith("en") else STATUS_LABELS).get(status, status)


def in_sentence(village: str) -> str:
    """ "Thôn Nà Mạ" → "thôn Nà Mạ", as a village's name reads inside a sentence."""
    name = nfc(village).strip()
    kind = guess_kind(name)
    if name[: len(kind)].lower() == kind and name[len(kind) : len(kind) + 1] == " ":
        return kind + name[len(kind) :]
    return name


def _clean(text: str | None) -> str:
    return nfc(text).strip()


# ---------------------------------------------------------------------------------------------
# Meeting types
# ---------------------------------------------------------------------------------------------


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
    and never sent (:mod:`.catalogue_overlay`). At the upper level and for the commune's own types
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


# ---------------------------------------------------------------------------------------------
# Drafts of the forms
# ---------------------------------------------------------------------------------------------


@dataclass
class AttendeeLine:
    """A named attendee: a person of the register (``person_id``) or just a name."""

    name: str = ""
    person_id: str | None = None
    role: str = ""  # "Đại biểu", "Nhân dân", "Trưởng thôn"…


@dataclass
class OpinionDraft:
    """One opinion as the form holds it; ``id`` is None for a new one."""

    content: str
    id: str | None = None
    meeting_id: str | None = None
    person_id: str | None = None  # the speaker, when in the register
    speaker_name: str = ""  # filled from the register when empty
    field: str = "an_ninh_trat_tu"
    answered_on_spot: bool = False
    forwarded_to: str = ""
    due_on: date | None = None
    answer: str = ""
    answered_on: date | None = None
    status: str = "new"
    seq_no: int = 0  # set by the service


@dataclass
class MeetingDraft:
    """The meeting form's content; ``id`` is None for a new meeting.

    ``attendees`` / ``opinions`` None leaves those of a saved meeting as they
    are; a list replaces them (rows missing from it are deleted, softly).
    """

    type_id: str
    title: str
    id: str | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    place: str = ""
    village_ids: list[str] = field(default_factory=list)  # empty: the whole commune
    organisers: str = ""
    chair: str = ""
    secretary: str = ""
    guests: str = ""
    attendees_total: int = 0
    attendees_delegates: int | None = None
    attendees_residents: int | None = None
    attendees_women: int | None = None
    survey_sheets: int = 0
    agenda: str = ""
    presented: str = ""
    conclusions: str = ""
    status: str = "draft"
    attendees: list[AttendeeLine] | None = None
    opinions: list[OpinionDraft] | None = None


_DT, _D = "__datetime__", "__date__"


def _encode(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return _encode(asdict(value))
    if isinstance(value, datetime):
        return {_DT: value.isoformat()}
    if isinstance(value, date):
        return {_D: value.isoformat()}
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {_DT}:
            return datetime.fromisoformat(value[_DT])
        if set(value) == {_D}:
            return date.fromisoformat(value[_D])
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def draft_fields(draft: MeetingDraft) -> dict[str, Any]:
    """A form's content as the plain dict :func:`save_draft` takes."""
    return asdict(draft)


def meeting_from_fields(values: dict[str, Any]) -> MeetingDraft:
    """A :class:`MeetingDraft` from :func:`load_draft`'s dict (unknown keys ignored)."""
    known = {f.name for f in fields(MeetingDraft)}
    kw = {k: v for k, v in values.items() if k in known}
    if kw.get("attendees") is not None:
        kw["attendees"] = [AttendeeLine(**a) for a in kw["attendees"]]
    if kw.get("opinions") is not None:
        names = {f.name for f in fields(OpinionDraft)}
        kw["opinions"] = [OpinionDraft(**{k: v for k, v in o.items() if k in names}) for o in kw["opinions"]]
    kw.setdefault("type_id", "")
    kw.setdefault("title", "")
    return MeetingDraft(**kw)


def _draft_key(meeting_id: str | None) -> str:
    return DRAFT_PREFIX + (meeting_id or NEW_DRAFT)


@dataclass(frozen=True)
class DraftInfo:
    meeting_id: str | None  # None: a meeting not saved yet
    saved_at: datetime
    title: str


def save_draft(
    db: Database,
    meeting_id: str | None,
    values: dict[str, Any] | MeetingDraft,
    *,
    now: datetime | None = None,
) -> None:
    """Keep what the form holds (for a new meeting when ``meeting_id`` is None), committed at once.

    Values may hold dates, datetimes, lists and dataclasses; :func:`load_draft`
    gives them back as they were.
    """
    payload = draft_fields(values) if isinstance(values, MeetingDraft) else dict(values)
    record = {
        "saved_at": (now or datetime.now()).isoformat(timespec="seconds"),
        "fields": _encode(payload),
    }
    with db.session() as s:
        row = s.get(Setting, _draft_key(meeting_id))
        if row is None:
            s.add(Setting(key=_draft_key(meeting_id), value=record))
        else:
            row.value = record


def load_draft(db: Database, meeting_id: str | None) -> dict[str, Any] | None:
    """The form's content as last saved by :func:`save_draft`, or None."""
    with db.session() as s:
        row = s.get(Setting, _draft_key(meeting_id))
        if row is None or not isinstance(row.value, dict):
            return None
        return _decode(row.value.get("fields") or {})


def discard_draft(db: Database, meeting_id: str | None) -> None:
    with db.session() as s:
        _discard(s, meeting_id)


def _discard(s: Session, meeting_id: str | None) -> None:
    row = s.get(Setting, _draft_key(meeting_id))
    if row is not None:
        s.delete(row)  # a station-local setting, not a travelling record


def list_drafts(db: Database) -> list[DraftInfo]:
    """Unsaved forms, newest first: what to offer back when the program starts."""
    with db.session() as s:
        rows = s.scalars(select(Setting).where(Setting.key.like(f"{DRAFT_PREFIX}%"))).all()
        out = []
        for r in rows:
            if not isinstance(r.value, dict):
                continue
            key = r.key[len(DRAFT_PREFIX) :]
            values = r.value.get("fields") or {}
            out.append(
                DraftInfo(
                    meeting_id=None if key == NEW_DRAFT else key,
                    saved_at=datetime.fromisoformat(r.value.get("saved_at") or "2000-01-01T00:00:00"),
                    title=str(values.get("title") or ""),
                )
            )
    return sorted(out, key=lambda d: d.saved_at, reverse=True)


# ---------------------------------------------------------------------------------------------
# Meetings
# ---------------------------------------------------------------------------------------------


def _meeting(s: Session, meeting_id: str, include_deleted: bool = False) -> Meeting:
    return get_or_refuse(
        s,
        Meeting,
        meeting_id,
        "Không tìm thấy hội nghị này (có thể đã bị xóa): hãy tải lại danh sách.",
        "This meeting no longer exists (it may have been deleted): reload the list.",
        include_deleted=include_deleted,
    )


def _live_person(s: Session, person_id: str) -> Person:
    return get_or_refuse(
        s,
        Person,
        person_id,
        "Không tìm thấy người này trong sổ (có thể đã bị xóa): hãy chọn lại.",
        "This person is no longer in the register (they may have been deleted): choose again.",
    )


def _count(value: int | None, label_vi: str, label_en: str) -> int | None:
    if value is None:
        return None
    if int(value) < 0:
        raise UserError(f"{label_vi} không được là số âm.", f"The {label_en} cannot be negative.")
    return int(value)


def _unit_phrase(s: Session) -> tuple[str, str]:
    """("Công an xã Quảng Lâm", "xã Quảng Lâm") for default wording."""
    me = s.scalar(select(Site).where(Site.is_self.is_(True)))
    commune = s.scalar(select(Commune).where(Commune.deleted.is_(False)).limit(1))
    name = commune.name if commune else ""
    return (me.unit_name if me else "Công an xã"), (name[:1].lower() + name[1:] if name else "xã")


def new_meeting(
    db: Database, type_id: str, *, starts_at: datetime | None = None, village_ids: Sequence[str] = ()
) -> MeetingDraft:
    """A form pre-filled for the type: title, organisers, place and the type's minutes text."""
    with db.session() as s:
        t = s.get(MeetingType, type_id)
        if t is None or t.deleted:
            raise UserError("Hãy chọn loại hội nghị.", "Choose the meeting type.")
        unit, commune = _unit_phrase(s)
        villages = [v for v in (s.get(Village, vid) for vid in village_ids) if v is not None]
        year = (starts_at or datetime.now()).year
        title = f"{t.name} năm {year}"
        if len(villages) == 1:
            title += f" tại {in_sentence(villages[0].name)}"
        organisers = unit
        if t.code in JOINT_WITH_FRONT:
            organisers = f"{unit} phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam {commune}"
        place = (
            f"Nhà văn hóa {in_sentence(villages[0].name)}"
            if len(villages) == 1
            else f"Hội trường Ủy ban nhân dân {commune}"
        )
        return MeetingDraft(
            type_id=t.id,
            title=title,
            starts_at=starts_at,
            place=place,
            village_ids=[v.id for v in villages],
            organisers=organisers,
            presented=_seen(s, t).minutes_template,
            attendees=[],
            opinions=[],
        )


def _validate_meeting(s: Session, d: MeetingDraft) -> MeetingType:
    t = s.get(MeetingType, d.type_id) if d.type_id else None
    if t is None or t.deleted:
        raise UserError("Hãy chọn loại hội nghị.", "Choose the meeting type.")
    if not _clean(d.title):
        raise UserError("Hãy nhập tên (trích yếu) của hội nghị.", "Enter the meeting's title.")
    if d.starts_at is None:
        raise UserError("Hãy nhập ngày giờ bắt đầu hội nghị.", "Enter when the meeting started.")
    if d.ends_at is not None and d.ends_at < d.starts_at:
        raise UserError(
            "Giờ kết thúc phải sau giờ bắt đầu hội nghị.", "The meeting must end after it starts."
        )
    if d.status not in MEETING_STATUSES:
        raise UserError("Trạng thái biên bản không hợp lệ.", "Invalid minutes status.")
    total = _count(d.attendees_total, "Số người tham dự", "number attending") or 0
    delegates = _count(d.attendees_delegates, "Số đại biểu", "number of delegates")
    residents = _count(d.attendees_residents, "Số người dân", "number of residents")
    women = _count(d.attendees_women, "Số nữ", "number of women")
    _count(d.survey_sheets, "Số phiếu khảo sát", "number of survey sheets")
    named = len(d.attendees or [])
    if named and total and named > total:
        raise UserError(
            f"Danh sách có {named} người nhưng tổng số người tham dự chỉ là {total}: hãy sửa tổng số.",
            f"The list names {named} people but only {total} attended: correct the total.",
        )
    parts = (delegates or 0) + (residents or 0)
    if parts > max(total, named):
        raise UserError(
            f"Số đại biểu và người dân ({parts}) nhiều hơn tổng số người tham dự ({total}).",
            f"Delegates and residents ({parts}) exceed the number attending ({total}).",
        )
    if women is not None and women > max(total, named):
        raise UserError(
            f"Số nữ ({women}) nhiều hơn tổng số người tham dự ({total}).",
            f"Women ({women}) exceed the number attending ({total}).",
        )
    for vid in d.village_ids:
        v = s.get(Village, vid)
        if v is None or v.deleted:
            raise UserError(
                "Có thôn, tổ dân phố không còn trong danh mục: hãy chọn lại địa bàn.",
                "A chosen village no longer exists: choose the area again.",
            )
    return t


def _sync_attendees(s: Session, m: Meeting, lines: Sequence[AttendeeLine]) -> None:
    existing = s.scalars(
        select(MeetingAttendee).where(MeetingAttendee.meeting_id == m.id, MeetingAttendee.deleted.is_(False))
    ).all()

    def key(person_id: str | None, name: str) -> str:
        return f"p:{person_id}" if person_id else f"n:{fold(name)}"

    by_key = {key(a.person_id, a.name): a for a in existing}
    wanted: set[str] = set()
    for line in lines:
        name = _clean(line.name)
        if line.person_id:
            name = name or _live_person(s, line.person_id).full_name
        if not name:
            continue
        k = key(line.person_id, name)
        if k in wanted:
            continue
        wanted.add(k)
        row = by_key.get(k)
        if row is None:
            s.add(
                MeetingAttendee(meeting_id=m.id, person_id=line.person_id, name=name, role=_clean(line.role))
            )
        else:
            if row.name != name:
                row.name = name
            if row.role != _clean(line.role):
                row.role = _clean(line.role)
    for k, row in by_key.items():
        if k not in wanted:
            row.deleted = True


def save_meeting(db: Database, draft: MeetingDraft) -> str:
    """Create or update a meeting, its named attendees and opinions, in one transaction.

    The form's draft (the meeting's own, or the new-meeting draft when
    ``draft.id`` is None) is discarded in the same transaction. Returns the
    meeting id.
    """
    with db.session() as s:
        _validate_meeting(s, draft)
        if draft.id is None:
            m = Meeting(type_id=draft.type_id, title="")
            s.add(m)
        else:
            m = _meeting(s, draft.id)
        m.type_id = draft.type_id
        m.title = _clean(draft.title)
        m.starts_at = draft.starts_at
        m.ends_at = draft.ends_at
        m.place = _clean(draft.place)
        if list(m.village_ids or []) != list(dict.fromkeys(draft.village_ids)):
            m.village_ids = list(dict.fromkeys(draft.village_ids))
        m.organisers = _clean(draft.organisers)
        m.chair = _clean(draft.chair)
        m.secretary = _clean(draft.secretary)
        m.guests = _clean(draft.guests)
        named = len(draft.attendees or [])
        m.attendees_total = max(int(draft.attendees_total or 0), named)
        m.attendees_delegates = draft.attendees_delegates
        m.attendees_residents = draft.attendees_residents
        m.attendees_women = draft.attendees_women
        m.survey_sheets = int(draft.survey_sheets or 0)
        m.agenda = nfc(draft.agenda).strip()
        m.presented = nfc(draft.presented).strip()
        m.conclusions = nfc(draft.conclusions).strip()
        m.status = draft.status
        s.flush()
        if draft.attendees is not None:
            _sync_attendees(s, m, draft.attendees)
        if draft.opinions is not None:
            kept: set[str] = set()
            for i, od in enumerate(draft.opinions, 1):
                o = _apply_opinion(s, od, m, seq_no=i)
                kept.add(o.id)
            for o in s.scalars(select(Opinion).where(Opinion.meeting_id == m.id, Opinion.deleted.is_(False))):
                if o.id not in kept:
                    o.deleted = True
        _discard(s, draft.id)  # None: the new-meeting draft
        return m.id


@dataclass
class MeetingDetail:
    meeting: MeetingDraft  # with attendees and opinions filled in, ready for the form
    type_code: str
    type_name: str
    village_names: list[str]
    doc_number: str
    deleted: bool

    @property
    def area(self) -> str:
        return ", ".join(self.village_names) or COMMUNE_WIDE_LABEL


def _opinion_draft(o: Opinion) -> OpinionDraft:
    return OpinionDraft(
        id=o.id,
        meeting_id=o.meeting_id,
        content=o.content,
        person_id=o.person_id,
        speaker_name=o.speaker_name,
        field=o.field,
        answered_on_spot=o.answered_on_spot,
        forwarded_to=o.forwarded_to,
        due_on=o.due_on,
        answer=o.answer,
        answered_on=o.answered_on,
        status=o.status,
        seq_no=o.seq_no,
    )


def _meeting_opinions(s: Session, meeting_id: str) -> list[Opinion]:
    return list(
        s.scalars(
            select(Opinion)
            .where(Opinion.meeting_id == meeting_id, Opinion.deleted.is_(False))
            .order_by(Opinion.seq_no, Opinion.change_seq)
        )
    )


def get_meeting(db: Database, meeting_id: str) -> MeetingDetail:
    with db.session() as s:
        m = _meeting(s, meeting_id, include_deleted=True)
        t = s.get(MeetingType, m.type_id)
        attendees = s.scalars(
            select(MeetingAttendee)
            .where(MeetingAttendee.meeting_id == m.id, MeetingAttendee.deleted.is_(False))
            .order_by(MeetingAttendee.change_seq)
        ).all()
        names = _village_names(s)
        return MeetingDetail(
            meeting=MeetingDraft(
                id=m.id,
                type_id=m.type_id,
                title=m.title,
                starts_at=m.starts_at,
                ends_at=m.ends_at,
                place=m.place,
                village_ids=list(m.village_ids or []),
                organisers=m.organisers,
                chair=m.chair,
                secretary=m.secretary,
                guests=m.guests,
                attendees_total=m.attendees_total,
                attendees_delegates=m.attendees_delegates,
                attendees_residents=m.attendees_residents,
                attendees_women=m.attendees_women,
                survey_sheets=m.survey_sheets,
                agenda=m.agenda,
                presented=m.presented,
                conclusions=m.conclusions,
                status=m.status,
                attendees=[AttendeeLine(a.name, a.person_id, a.role) for a in attendees],
                opinions=[_opinion_draft(o) for o in _meeting_opinions(s, m.id)],
            ),
            type_code=t.code if t else "",
            type_name=t.name if t else "",
            village_names=[names[v] for v in (m.village_ids or []) if v in names],
            doc_number=m.doc_number,
            deleted=m.deleted,
        )


def delete_meetings(db: Database, meeting_ids: Sequence[str]) -> None:
    """Soft delete; the meeting's opinions leave the tracker with it and come back on restore."""
    with db.session() as s:
        for mid in meeting_ids:
            _meeting(s, mid).deleted = True


def restore_meetings(db: Database, meeting_ids: Sequence[str]) -> None:
    with db.session() as s:
        for mid in meeting_ids:
            m = _meeting(s, mid, include_deleted=True)
            if m.deleted:
                m.deleted = False


def minutes_number_year(m: Meeting) -> int:
    return (m.starts_at or datetime.now()).year


def ensure_minutes_number(s: Session, m: Meeting) -> str:
    """The minutes' number, taken from the year's series the first time (in ``s``'s transaction)."""
    if m.doc_number:
        return m.doc_number
    year = minutes_number_year(m)
    symbol = numbering.symbol_for(s, "minutes")
    start, end = datetime(year, 1, 1), datetime(year + 1, 1, 1)
    used = 0
    for text in s.scalars(
        select(Meeting.doc_number).where(
            Meeting.starts_at >= start, Meeting.starts_at < end, Meeting.doc_number.like(f"%/{symbol}")
        )
    ):
        parsed = numbering.parse_number(text)
        if parsed and parsed[1] == symbol:
            used = max(used, parsed[0])
    m.doc_number = numbering.next_number(s, "minutes", year, floor=used).text
    s.flush()
    return m.doc_number


def assign_minutes_number(db: Database, meeting_id: str) -> str:
    """Number the minutes now (kept for every reprint); returns "05/BB-CAX"."""
    with db.session() as s:
        return ensure_minutes_number(s, _meeting(s, meeting_id))


# ---------------------------------------------------------------------------------------------
# The meeting list
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingQuery:
    year: int | None = None
    type_id: str | None = None
    # None: every meeting; COMMUNE_WIDE (""): those of the whole commune; an id: that village's.
    village_id: str | None = None
    search: str = ""
    start: date | None = None
    end: date | None = None  # inclusive
    deleted: bool = False


@dataclass(frozen=True)
class MeetingRow:
    id: str
    doc_number: str
    title: str
    type_code: str
    type_name: str
    starts_at: datetime | None
    ends_at: datetime | None
    place: str
    area: str  # village names, or "Toàn xã"
    attendees_total: int
    survey_sheets: int
    opinions: int
    open_opinions: int
    status: str

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "doc_number": self.doc_number,
            "title": self.title,
            "type": self.type_code,
            "type_name": self.type_name,
            "starts_at": self.starts_at.isoformat(timespec="minutes") if self.starts_at else None,
            "ends_at": self.ends_at.isoformat(timespec="minutes") if self.ends_at else None,
            "place": self.place,
            "area": self.area,
            "attendees": self.attendees_total,
            "survey_sheets": self.survey_sheets,
            "opinions": self.opinions,
            "open_opinions": self.open_opinions,
            "status": self.status,
        }


def _period(
    start: date | None, end: date | None, year: int | None
) -> tuple[datetime | None, datetime | None]:
    lo = datetime.combine(start, time()) if start else None
    hi = datetime.combine(end + timedelta(days=1), time()) if end else None
    if year:
        lo = max(lo, datetime(year, 1, 1)) if lo else datetime(year, 1, 1)
        hi = min(hi, datetime(year + 1, 1, 1)) if hi else datetime(year + 1, 1, 1)
    return lo, hi


def _meeting_filter(q: MeetingQuery) -> list[Any]:
    where: list[Any] = [Meeting.deleted.is_(q.deleted)]
    lo, hi = _period(q.start, q.end, q.year)
    if lo is not None:
        where.append(Meeting.starts_at >= lo)
    if hi is not None:
        where.append(Meeting.starts_at < hi)
    if q.type_id:
        where.append(Meeting.type_id == q.type_id)
    return where


def _matches(words: Sequence[str], *texts: str | None) -> bool:
    key = " ".join(fold(t) for t in texts if t)
    return all(w in key for w in words)


def _page_ids(
    s: Session,
    stmt: Select,
    words: Sequence[str],
    offset: int,
    limit: int | None,
    *,
    row_filter: Any = None,
    texts_from: int = 1,
) -> tuple[list[str], int]:
    """Ids of one page of ``stmt`` and the total: column 0 is the id, columns from
    ``texts_from`` on are the searchable texts.

    The text search folds diacritics in Python: SQLite cannot fold Vietnamese.
    """
    hits = [
        r[0]
        for r in s.execute(stmt)
        if (not words or _matches(words, *r[texts_from:])) and (row_filter is None or row_filter(r))
    ]
    end = None if limit is None else offset + limit
    return hits[offset:end], len(hits)


def _village_names(s: Session) -> dict[str, str]:
    return dict(s.execute(select(Village.id, Village.name)).all())


def _meetings_stmt(q: MeetingQuery) -> Select:
    return (
        select(
            Meeting.id,
            Meeting.village_ids,
            Meeting.title,
            Meeting.place,
            Meeting.organisers,
            Meeting.chair,
            Meeting.secretary,
            Meeting.guests,
            Meeting.doc_number,
        )
        .where(*_meeting_filter(q))
        .order_by(Meeting.starts_at.desc(), Meeting.id)
    )


def _village_filter(village_id: str | None) -> Any:
    if village_id is None:
        return None
    if village_id == COMMUNE_WIDE:
        return lambda r: not (r[1] or [])
    return lambda r: village_id in (r[1] or [])


def _meeting_ids(s: Session, q: MeetingQuery, offset: int, limit: int | None) -> tuple[list[str], int]:
    words = fold(q.search).split()
    return _page_ids(
        s, _meetings_stmt(q), words, offset, limit, row_filter=_village_filter(q.village_id), texts_from=2
    )


def count_meetings(db: Database, q: MeetingQuery) -> int:
    with db.session() as s:
        return _meeting_ids(s, q, 0, 0)[1]


def list_meetings(
    db: Database, q: MeetingQuery | None = None, offset: int = 0, limit: int | None = 100
) -> list[MeetingRow]:
    """One page of meetings, newest first (``limit`` None: all of them)."""
    q = q or MeetingQuery()
    with db.session() as s:
        ids, _total = _meeting_ids(s, q, offset, limit)
        if not ids:
            return []
        counts = {
            mid: (int(n or 0), int(open_n or 0))
            for mid, n, open_n in s.execute(
                select(
                    Opinion.meeting_id,
                    func.count(Opinion.id),
                    func.sum(case((Opinion.status.in_(OPEN_STATUSES), 1), else_=0)),
                )
                .where(Opinion.meeting_id.in_(ids), Opinion.deleted.is_(False))
                .group_by(Opinion.meeting_id)
            )
        }
        names = _village_names(s)
        rows = {
            m.id: (m, code, tname)
            for m, code, tname in s.execute(
                select(Meeting, MeetingType.code, MeetingType.name)
                .join(MeetingType, MeetingType.id == Meeting.type_id)
                .where(Meeting.id.in_(ids))
            )
        }
        out = []
        for mid in ids:
            m, code, tname = rows[mid]
            villages = [names[v] for v in (m.village_ids or []) if v in names]
            n, open_n = counts.get(mid, (0, 0))
            out.append(
                MeetingRow(
                    id=m.id,
                    doc_number=m.doc_number,
                    title=m.title,
                    type_code=code,
                    type_name=tname,
                    starts_at=m.starts_at,
                    ends_at=m.ends_at,
                    place=m.place,
                    area=", ".join(villages) or COMMUNE_WIDE_LABEL,
                    attendees_total=m.attendees_total,
                    survey_sheets=m.survey_sheets,
                    opinions=n,
                    open_opinions=open_n,
                    status=m.status,
                )
            )
        return out


# ---------------------------------------------------------------------------------------------
# Opinions
# ---------------------------------------------------------------------------------------------


def _opinion(s: Session, opinion_id: str, include_deleted: bool = False) -> Opinion:
    return get_or_refuse(
        s,
        Opinion,
        opinion_id,
        "Không tìm thấy ý kiến này (có thể đã bị xóa): hãy tải lại danh sách.",
        "This opinion no longer exists (it may have been deleted): reload the list.",
        include_deleted=include_deleted,
    )


def check_transition(old: str, new: str) -> None:
    """Refuse a status change the opinion's life does not allow (same status: nothing to refuse)."""
    if new not in OPINION_STATUSES:
        raise UserError("Trạng thái ý kiến không hợp lệ.", "Invalid opinion status.")
    if old == new or new in TRANSITIONS.get(old, frozenset()):
        return
    if new == "closed":
        raise UserError(
            "Chỉ đóng được ý kiến đã trả lời: hãy ghi nội dung trả lời trước.",
            "Only an answered opinion can be closed: record the answer first.",
        )
    raise UserError(
        f"Không thể chuyển ý kiến từ “{STATUS_LABELS[old]}” về “{STATUS_LABELS[new]}”.",
        f"An opinion cannot go from “{STATUS_LABELS_EN[old]}” back to “{STATUS_LABELS_EN[new]}”.",
    )


def _apply_opinion(
    s: Session,
    d: OpinionDraft,
    meeting: Meeting | None,
    *,
    seq_no: int | None = None,
    today: date | None = None,
) -> Opinion:
    """Validate ``d`` and write it onto a new or existing row (no commit)."""
    today = today or date.today()
    content = nfc(d.content).strip()
    if not content:
        raise UserError("Hãy ghi nội dung ý kiến.", "Enter what the opinion says.")
    if d.field not in OPINION_FIELDS:
        raise UserError("Hãy chọn lĩnh vực của ý kiến.", "Choose the opinion's field.")
    speaker = _clean(d.speaker_name)
    if d.person_id:
        speaker = speaker or _live_person(s, d.person_id).full_name
    if not speaker:
        raise UserError(
            "Hãy ghi người phát biểu (chọn trong sổ hoặc nhập họ tên).",
            "Enter who spoke (choose from the register or type a name).",
        )
    if d.id is None:
        o = Opinion(content=content, status="new")
        old = None
    else:
        o = _opinion(s, d.id)
        old = o.status
        if meeting is not None and o.meeting_id != meeting.id:
            raise UserError("Ý kiến này thuộc hội nghị khác.", "This opinion belongs to another meeting.")
    status = d.status
    if d.answered_on_spot and status in OPEN_STATUSES:
        status = "answered"  # answered at the meeting: nothing is left to follow up
    if old is not None:
        check_transition(old, status)
    elif status not in OPINION_STATUSES:
        raise UserError("Trạng thái ý kiến không hợp lệ.", "Invalid opinion status.")
    answer = nfc(d.answer).strip()
    if status in DONE_STATUSES and not answer:
        raise UserError("Hãy ghi nội dung trả lời ý kiến.", "Enter the answer given.")
    meeting_day = meeting.starts_at.date() if meeting is not None and meeting.starts_at else None
    if d.due_on and meeting_day and d.due_on < meeting_day:
        raise UserError(
            "Hạn trả lời không được trước ngày hội nghị.", "The due date cannot be before the meeting."
        )
    answered_on = d.answered_on
    if status in DONE_STATUSES:
        answered_on = answered_on or (meeting_day if d.answered_on_spot and meeting_day else today)
    else:
        answered_on = None
    if answered_on and meeting_day and answered_on < meeting_day:
        raise UserError(
            "Ngày trả lời không được trước ngày hội nghị.", "The answer cannot predate the meeting."
        )
    if d.id is None:
        o.meeting_id = meeting.id if meeting is not None else None
        if seq_no is None:
            last = s.scalar(
                select(func.max(Opinion.seq_no)).where(
                    Opinion.meeting_id == o.meeting_id, Opinion.deleted.is_(False)
                )
            )
            seq_no = int(last or 0) + 1
        s.add(o)
    values = {
        "content": content,
        "person_id": d.person_id or None,
        "speaker_name": speaker,
        "field": d.field,
        "answered_on_spot": bool(d.answered_on_spot),
        "forwarded_to": _clean(d.forwarded_to),
        "due_on": d.due_on,
        "answer": answer,
        "answered_on": answered_on,
        "status": status,
    }
    if seq_no is not None:
        values["seq_no"] = seq_no
    for k, v in values.items():
        if getattr(o, k) != v:
            setattr(o, k, v)
    s.flush()
    return o


def add_opinion(
    db: Database, meeting_id: str | None, draft: OpinionDraft, *, today: date | None = None
) -> str:
    """Record a new opinion (of a meeting, or received outside one when ``meeting_id`` is None)."""
    if draft.id is not None:
        raise UserError("Ý kiến này đã được lưu.", "This opinion is already saved.")
    meeting_id = meeting_id or draft.meeting_id
    with db.session() as s:
        meeting = _meeting(s, meeting_id) if meeting_id else None
        return _apply_opinion(s, draft, meeting, today=today).id


def save_opinion(db: Database, draft: OpinionDraft, *, today: date | None = None) -> str:
    """Change an opinion (the tracker's editor); the status may only move as :data:`TRANSITIONS` allows."""
    if draft.id is None:
        return add_opinion(db, draft.meeting_id, draft, today=today)
    with db.session() as s:
        o = _opinion(s, draft.id)
        meeting = _meeting(s, o.meeting_id, include_deleted=True) if o.meeting_id else None
        return _apply_opinion(s, draft, meeting, today=today).id


def get_opinion(db: Database, opinion_id: str) -> OpinionDraft:
    with db.session() as s:
        return _opinion_draft(_opinion(s, opinion_id, include_deleted=True))


def set_opinion_status(
    db: Database,
    opinion_id: str,
    status: str,
    *,
    answer: str | None = None,
    answered_on: date | None = None,
    today: date | None = None,
) -> None:
    """The tracker's quick actions: take up, answer (with the answer), close, reopen."""
    with db.session() as s:
        o = _opinion(s, opinion_id)
        d = _opinion_draft(o)
        d.status = status
        if answer is not None:
            d.answer = answer
        if answered_on is not None:
            d.answered_on = answered_on
        if status in OPEN_STATUSES:
            d.answered_on_spot = False
        meeting = _meeting(s, o.meeting_id, include_deleted=True) if o.meeting_id else None
        _apply_opinion(s, d, meeting, today=today)


def delete_opinion(db: Database, opinion_id: str) -> None:
    with db.session() as s:
        _opinion(s, opinion_id).deleted = True


def restore_opinion(db: Database, opinion_id: str) -> None:
    with db.session() as s:
        o = _opinion(s, opinion_id, include_deleted=True)
        if o.deleted:
            o.deleted = False


# -- the tracker ------------------------------------------------------------------------------


def _answered_by(as_of: date) -> Any:
    """Answered (or closed) on or before ``as_of``."""
    return and_(
        Opinion.status.in_(DONE_STATUSES),
        or_(Opinion.answered_on.is_(None), Opinion.answered_on <= as_of),
    )


def overdue_clause(as_of: date) -> Any:
    """Overdue on ``as_of``: the due date has passed and no answer had been given by then."""
    return and_(Opinion.due_on.is_not(None), Opinion.due_on < as_of, not_(_answered_by(as_of)))


def is_overdue(status: str, due_on: date | None, answered_on: date | None, as_of: date) -> bool:
    if due_on is None or due_on >= as_of:
        return False
    return not (status in DONE_STATUSES and (answered_on is None or answered_on <= as_of))


def _live_meeting_clause() -> Any:
    """The opinion is outside any meeting, or its meeting is not deleted."""
    return or_(Opinion.meeting_id.is_(None), Meeting.deleted.is_(False))


@dataclass(frozen=True)
class OpinionQuery:
    # None: every status; "open": new or in progress; else one of OPINION_STATUSES.
    status: str | None = None
    field: str | None = None
    overdue: bool = False
    search: str = ""
    meeting_id: str | None = None
    year: int | None = None  # of the meeting
    as_of: date | None = None  # the day "overdue" is computed for; today when None
    deleted: bool = False


@dataclass(frozen=True)
class OpinionRow:
    id: str
    meeting_id: str | None
    meeting_title: str
    meeting_day: date | None
    seq_no: int
    speaker: str
    content: str
    field: str
    field_label: str
    answered_on_spot: bool
    forwarded_to: str
    due_on: date | None
    answer: str
    answered_on: date | None
    status: str
    status_label: str
    overdue: bool

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "meeting_id": self.meeting_id,
            "meeting": self.meeting_title,
            "meeting_day": self.meeting_day.isoformat() if self.meeting_day else None,
            "seq_no": self.seq_no,
            "speaker": self.speaker,
            "content": self.content,
            "field": self.field,
            "answered_on_spot": self.answered_on_spot,
            "forwarded_to": self.forwarded_to,
            "due_on": self.due_on.isoformat() if self.due_on else None,
            "answer": self.answer,
            "answered_on": self.answered_on.isoformat() if self.answered_on else None,
            "status": self.status,
            "overdue": self.overdue,
        }


def _opinion_filter(q: OpinionQuery, as_of: date) -> list[Any]:
    where: list[Any] = [Opinion.deleted.is_(q.deleted), _live_meeting_clause()]
    if q.status == "open":
        where.append(Opinion.status.in_(OPEN_STATUSES))
    elif q.status:
        if q.status not in OPINION_STATUSES:
            raise UserError("Trạng thái ý kiến không hợp lệ.", "Invalid opinion status.")
        where.append(Opinion.status == q.status)
    if q.field:
        where.append(Opinion.field == q.field)
    if q.overdue:
        where.append(overdue_clause(as_of))
    if q.meeting_id:
        where.append(Opinion.meeting_id == q.meeting_id)
    if q.year:
        where += [Meeting.starts_at >= datetime(q.year, 1, 1), Meeting.starts_at < datetime(q.year + 1, 1, 1)]
    return where


def _opinions_stmt(q: OpinionQuery, as_of: date) -> Select:
    return (
        select(
            Opinion.id,
            Opinion.speaker_name,
            Opinion.content,
            Opinion.forwarded_to,
            Opinion.answer,
            Meeting.title,
        )
        .select_from(Opinion)
        .outerjoin(Meeting, Meeting.id == Opinion.meeting_id)
        .where(*_opinion_filter(q, as_of))
        .order_by(Meeting.starts_at.desc(), Opinion.seq_no, Opinion.id)
    )


def count_opinions(db: Database, q: OpinionQuery) -> int:
    as_of = q.as_of or date.today()
    with db.session() as s:
        return _page_ids(s, _opinions_stmt(q, as_of), fold(q.search).split(), 0, 0)[1]


def fetch_opinions(
    db: Database, q: OpinionQuery, offset: int = 0, limit: int | None = 100
) -> list[OpinionRow]:
    """One page of the opinion tracker: newest meetings first, each meeting's opinions in order."""
    as_of = q.as_of or date.today()
    with db.session() as s:
        ids, _ = _page_ids(s, _opinions_stmt(q, as_of), fold(q.search).split(), offset, limit)
        if not ids:
            return []
        found = {
            o.id: (o, title, starts)
            for o, title, starts in s.execute(
                select(Opinion, Meeting.title, Meeting.starts_at)
                .outerjoin(Meeting, Meeting.id == Opinion.meeting_id)
                .where(Opinion.id.in_(ids))
            )
        }
        out = []
        for oid in ids:
            o, title, starts = found[oid]
            out.append(
                OpinionRow(
                    id=o.id,
                    meeting_id=o.meeting_id,
                    meeting_title=title or "",
                    meeting_day=starts.date() if starts else None,
                    seq_no=o.seq_no,
                    speaker=o.speaker_name,
                    content=o.content,
                    field=o.field,
                    field_label=FIELD_LABELS.get(o.field, o.field),
                    answered_on_spot=o.answered_on_spot,
                    forwarded_to=o.forwarded_to,
                    due_on=o.due_on,
                    answer=o.answer,
                    answered_on=o.answered_on,
                    status=o.status,
                    status_label=STATUS_LABELS.get(o.status, o.status),
                    overdue=is_overdue(o.status, o.due_on, o.answered_on, as_of),
                )
            )
        return out


def _count_opinions_where(db: Database, *where: Any) -> int:
    stmt = (
        select(func.count(Opinion.id))
        .select_from(Opinion)
        .outerjoin(Meeting, Meeting.id == Opinion.meeting_id)
        .where(Opinion.deleted.is_(False), _live_meeting_clause(), *where)
    )
    with db.session() as s:
        return int(s.scalar(stmt) or 0)


def open_opinion_count(db: Database, today: date | None = None) -> int:
    """Opinions still waiting for an answer (new or in progress), for the reminder on Tổng quan."""
    return _count_opinions_where(db, Opinion.status.in_(OPEN_STATUSES))


def overdue_opinion_count(db: Database, today: date | None = None) -> int:
    """Open opinions whose due date has passed on ``today``."""
    return _count_opinions_where(db, overdue_clause(today or date.today()))


# ---------------------------------------------------------------------------------------------
# Figures for reports (DOMAIN §7)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TypeFigure:
    code: str
    name: str
    meetings: int
    attendances: int  # lượt người: the meetings' attendance counts added up
    survey_sheets: int
    opinions: int

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "meetings": self.meetings,
            "attendances": self.attendances,
            "survey_sheets": self.survey_sheets,
            "opinions": self.opinions,
        }


@dataclass(frozen=True)
class MeetingFigures:
    """Meetings held from ``start`` to ``end`` (both included) and the opinions raised at them.

    "Answered" and "overdue" are as of ``as_of`` (the period's last day unless
    asked otherwise): an opinion answered after that day counts as unanswered.
    """

    start: date
    end: date
    as_of: date
    by_type: tuple[TypeFigure, ...]
    opinions_received: int
    opinions_answered: int
    opinions_answered_on_spot: int
    opinions_forwarded: int
    opinions_overdue: int
    by_field: tuple[tuple[str, str, int], ...]

    @property
    def meetings(self) -> int:
        return sum(t.meetings for t in self.by_type)

    @property
    def attendances(self) -> int:
        return sum(t.attendances for t in self.by_type)

    @property
    def survey_sheets(self) -> int:
        return sum(t.survey_sheets for t in self.by_type)

    @property
    def opinions_open(self) -> int:
        return self.opinions_received - self.opinions_answered

    def to_dict(self) -> dict[str, object]:
        """Stable keys and order: every catalogue type and every field appear, with 0 if none."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "as_of": self.as_of.isoformat(),
            "meetings": self.meetings,
            "attendances": self.attendances,
            "survey_sheets": self.survey_sheets,
            "opinions_received": self.opinions_received,
            "opinions_answered": self.opinions_answered,
            "opinions_answered_on_spot": self.opinions_answered_on_spot,
            "opinions_forwarded": self.opinions_forwarded,
            "opinions_open": self.opinions_open,
            "opinions_overdue": self.opinions_overdue,
            "by_type": [t.to_dict() for t in self.by_type],
            "by_field": [{"code": c, "name": n, "opinions": k} for c, n, k in self.by_field],
        }


def figures(db: Database, start: date, end: date, *, as_of: date | None = None) -> MeetingFigures:
    """What an upper level asks about meetings and opinions for a period (DOMAIN §7)."""
    if end < start:
        raise UserError("Ngày cuối kỳ phải sau ngày đầu kỳ.", "The period must end after it starts.")
    as_of = as_of or end
    lo, hi = _period(start, end, None)
    in_period = [Meeting.deleted.is_(False), Meeting.starts_at >= lo, Meeting.starts_at < hi]
    with db.session() as s:
        types = s.execute(
            select(MeetingType.id, MeetingType.code, MeetingType.name, MeetingType.active)
            .where(MeetingType.deleted.is_(False))
            .order_by((MeetingType.source != "builtin"), MeetingType.sort_order, MeetingType.name)
        ).all()
        per_type = {
            tid: (int(n), int(people or 0), int(sheets or 0))
            for tid, n, people, sheets in s.execute(
                select(
                    Meeting.type_id,
                    func.count(Meeting.id),
                    func.sum(Meeting.attendees_total),
                    func.sum(Meeting.survey_sheets),
                )
                .where(*in_period)
                .group_by(Meeting.type_id)
            )
        }
        opinion_base = (
            select(Opinion.id)
            .join(Meeting, Meeting.id == Opinion.meeting_id)
            .where(Opinion.deleted.is_(False), *in_period)
        )

        def count(*where: Any) -> int:
            stmt = select(func.count()).select_from(opinion_base.where(*where).subquery())
            return int(s.scalar(stmt) or 0)

        opinions_per_type = dict(
            s.execute(
                select(Meeting.type_id, func.count(Opinion.id))
                .join(Meeting, Meeting.id == Opinion.meeting_id)
                .where(Opinion.deleted.is_(False), *in_period)
                .group_by(Meeting.type_id)
            ).all()
        )
        per_field = dict(
            s.execute(
                select(Opinion.field, func.count(Opinion.id))
                .join(Meeting, Meeting.id == Opinion.meeting_id)
                .where(Opinion.deleted.is_(False), *in_period)
                .group_by(Opinion.field)
            ).all()
        )
        by_type = tuple(
            TypeFigure(
                code=code,
                name=name,
                meetings=per_type.get(tid, (0, 0, 0))[0],
                attendances=per_type.get(tid, (0, 0, 0))[1],
                survey_sheets=per_type.get(tid, (0, 0, 0))[2],
                opinions=int(opinions_per_type.get(tid, 0)),
            )
            for tid, code, name, active in types
            if active or tid in per_type
        )
        field_codes = list(OPINION_FIELDS) + sorted(set(per_field) - set(OPINION_FIELDS))
        return MeetingFigures(
            start=start,
            end=end,
            as_of=as_of,
            by_type=by_type,
            opinions_received=count(),
            opinions_answered=count(_answered_by(as_of)),
            opinions_answered_on_spot=count(Opinion.answered_on_spot.is_(True)),
            opinions_forwarded=count(Opinion.forwarded_to != ""),
            opinions_overdue=count(overdue_clause(as_of)),
            by_field=tuple((c, FIELD_LABELS.get(c, c), int(per_field.get(c, 0))) for c in field_codes),
        )


# ---------------------------------------------------------------------------------------------
# Helpers for the minutes
# ---------------------------------------------------------------------------------------------


def speaker_details(s: Session, person_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """person id → (sex, village name), for "Ông/Bà …, Thôn …" in the minutes."""
    ids = [p for p in dict.fromkeys(person_ids) if p]
    if not ids:
        return {}
    rows = s.execute(
        select(Person.id, Person.sex, Village.name)
        .outerjoin(Household, Household.id == Person.household_id)
        .outerjoin(Village, Village.id == Household.village_id)
        .where(Person.id.in_(ids))
    )
    return {pid: (sex or "", vname or "") for pid, sex, vname in rows}


def meeting_record(s: Session, meeting_id: str) -> Meeting:
    """The live meeting row inside the caller's session (UserError when gone)."""
    return _meeting(s, meeting_id)


def meeting_type_of(s: Session, m: Meeting) -> MeetingType | None:
    return s.get(MeetingType, m.type_id)


def village_names_of(s: Session, m: Meeting) -> list[str]:
    names = _village_names(s)
    return [names[v] for v in (m.village_ids or []) if v in names]


def named_attendees(s: Session, m: Meeting) -> list[str]:
    return list(
        s.scalars(
            select(MeetingAttendee.name)
            .where(MeetingAttendee.meeting_id == m.id, MeetingAttendee.deleted.is_(False))
            .order_by(MeetingAttendee.change_seq)
        )
    )


def opinions_of(s: Session, m: Meeting) -> list[Opinion]:
    return _meeting_opinions(s, m.id)


def builtin_type_codes() -> list[str]:
    return [t["code"] for t in MEETING_TYPES]
