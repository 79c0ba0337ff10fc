"""Memberships: the member form, outside persons' details, join, update, leave, rejoin, change role."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import group_rules as rules
from ...domain.text import nfc
from ...storage.database import Database
from ...storage.models import Group, GroupType, Membership, Person
from ..errors import UserError
from ..lookup import get_or_refuse
from .group_types import _group_type, _roles_of, _type_info
from .records import _group
from .vocabulary import STATUS_LABELS


@dataclass
class MemberDraft:
    """The member form: a person of the register (``person_id``) or an outside person (``outside_*``).

    ``education_level`` is a code of :data:`domain.group_rules.EDUCATION_LEVELS`
    (typed text such as "THCS" or "9/12" is understood). For a person of the
    register, ``education_level`` and ``residence_since`` given here are also
    written to the person's record (the register's form has no field for them).
    """

    group_id: str
    person_id: str | None = None
    outside_name: str = ""
    outside_birth_date: date | None = None
    outside_birth_year: int | None = None
    outside_address: str = ""
    outside_info: str = ""
    role: str = "to_vien"
    joined_on: date | None = None
    education_level: str = ""
    residence_since: date | None = None
    recognition_decision_no: str = ""
    notes: str = ""
    # Set only to enter a past membership in one go; leaving is otherwise leave_member().
    left_on: date | None = None
    leave_reason: str = ""
    id: str | None = None


# Outside persons' details live in ``Membership.outside_info`` as a small JSON object until the
# table gets columns of its own; plain text there (older rows) is read as the free "info".
_OUTSIDE_MAX = 300


def _pack_outside(d: MemberDraft) -> str:
    data: dict[str, Any] = {}
    if d.outside_birth_date:
        data["birth_date"] = d.outside_birth_date.isoformat()
    elif d.outside_birth_year:
        data["birth_year"] = int(d.outside_birth_year)
    if nfc(d.outside_address).strip():
        data["address"] = nfc(d.outside_address).strip()
    if d.residence_since:
        data["residence_since"] = d.residence_since.isoformat()
    info = nfc(d.outside_info).strip()
    if not data:
        packed = info
    else:
        if info:
            data["info"] = info
        packed = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    if len(packed) > _OUTSIDE_MAX:
        raise UserError(
            "Thông tin về người ngoài sổ quá dài: hãy rút gọn địa chỉ hoặc ghi chú.",
            "The outside person's details are too long: shorten the address or the note.",
        )
    return packed


def _unpack_outside(text: str) -> dict[str, Any]:
    if text.startswith("{"):
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if isinstance(data, dict):
            out: dict[str, Any] = {
                "address": str(data.get("address") or ""),
                "info": str(data.get("info") or ""),
            }
            for key in ("birth_date", "residence_since"):
                try:
                    out[key] = date.fromisoformat(data[key]) if data.get(key) else None
                except (TypeError, ValueError):
                    out[key] = None
            year = data.get("birth_year")
            out["birth_year"] = int(year) if isinstance(year, int) else None
            if out["birth_date"]:
                out["birth_year"] = out["birth_date"].year
            return out
    return {"address": "", "info": text, "birth_date": None, "birth_year": None, "residence_since": None}


def _membership(s: Session, membership_id: str | None, include_deleted: bool = False) -> Membership:
    return get_or_refuse(
        s,
        Membership,
        membership_id,
        "Không tìm thấy thành viên này trong danh sách (có thể đã bị xóa): hãy tải lại.",
        "This member is no longer on the roster (may have been deleted): reload.",
        include_deleted=include_deleted,
    )


def _role(t: GroupType, role: str) -> str:
    codes = [r.code for r in _roles_of(t)]
    if role not in codes:
        names = ", ".join(r.name for r in _roles_of(t))
        raise UserError(
            f"Chức danh không có trong loại \u201c{t.name}\u201d: hãy chọn một trong {names}.",
            f"That role is not one of \u201c{t.name}\u201d: choose one of {names}.",
        )
    return role


def _education(value: str) -> str:
    code = rules.parse_education(value)
    if code is None:
        raise UserError(
            f"Không hiểu trình độ học vấn \u201c{value}\u201d: hãy chọn trong danh sách.",
            f"Education level \u201c{value}\u201d is not understood: choose from the list.",
        )
    return code


def _d(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def add_member(db: Database, draft: MemberDraft) -> str:
    """Put a person on a group's roster; returns the membership id.

    Refused: a person already on the roster (open membership), a rejoin dated
    before the earlier leaving, a role the type does not have, a join after
    the group was merged or dissolved.
    """
    education = _education(draft.education_level)
    with db.session() as s:
        g = _group(s, draft.group_id)
        t = _group_type(s, g.type_id)
        role = _role(t, draft.role)
        if (
            g.status != "active"
            and g.status_on
            and (draft.joined_on is None or draft.joined_on >= g.status_on)
        ):
            raise UserError(
                f"{g.name} đã {STATUS_LABELS[g.status].lower().replace('đã ', '')} ngày {_d(g.status_on)}: "
                "không thêm thành viên mới sau ngày đó.",
                f"{g.name} was {g.status} on {_d(g.status_on)}: no members join after that.",
            )
        m = Membership(group_id=g.id, role=role)
        if draft.person_id:
            p = s.get(Person, draft.person_id)
            if p is None or p.deleted:
                raise UserError(
                    "Không tìm thấy người này trong sổ (có thể đã bị xóa): hãy tìm lại.",
                    "This person is no longer in the register: search again.",
                )
            _check_no_overlap(s, g, p.id, p.full_name, (draft.joined_on, draft.left_on))
            m.person_id = p.id
            _update_person_facts(p, education, draft.residence_since)
            m.education_level = education or p.education_level
        else:
            name = nfc(draft.outside_name).strip()
            if not name:
                raise UserError(
                    "Hãy chọn một người trong sổ hoặc nhập họ tên người ngoài sổ.",
                    "Pick a person of the register or enter an outside person's name.",
                )
            m.outside_name = name
            m.outside_info = _pack_outside(draft)
            m.education_level = education
        _check_dates(draft.joined_on, draft.left_on)
        m.joined_on = draft.joined_on
        m.left_on = draft.left_on
        m.leave_reason = nfc(draft.leave_reason).strip() if draft.left_on else ""
        m.recognition_decision_no = nfc(draft.recognition_decision_no).strip()
        m.notes = nfc(draft.notes)
        s.add(m)
        s.flush()
        return m.id


def _check_dates(joined_on: date | None, left_on: date | None) -> None:
    if joined_on and left_on and left_on < joined_on:
        raise UserError(
            f"Ngày thôi tham gia không được trước ngày tham gia ({_d(joined_on)}).",
            f"The leaving date cannot precede the joining date ({_d(joined_on)}).",
        )


def _update_person_facts(p: Person, education: str, residence_since: date | None) -> None:
    if education and p.education_level != education:
        p.education_level = education
    if residence_since and p.residence_since != residence_since:
        p.residence_since = residence_since


def _overlaps(a: tuple[date | None, date | None], b: tuple[date | None, date | None]) -> bool:
    """Whether two memberships [joined, left) share a day; no start is "always", no end "still on"."""
    a_start, a_end = a[0] or date.min, a[1] or date.max
    b_start, b_end = b[0] or date.min, b[1] or date.max
    return a_start < b_end and b_start < a_end


def _check_no_overlap(
    s: Session,
    g: Group,
    person_id: str,
    name: str,
    span: tuple[date | None, date | None],
    exclude: str | None = None,
) -> None:
    """A person is on a roster once at a time: refuse a membership overlapping another of theirs."""
    others = s.scalars(
        select(Membership).where(
            Membership.group_id == g.id,
            Membership.person_id == person_id,
            Membership.deleted.is_(False),
            Membership.id != (exclude or ""),
        )
    ).all()
    for m in others:
        if not _overlaps(span, (m.joined_on, m.left_on)):
            continue
        if m.left_on is None and span[1] is None:
            raise UserError(
                f"{name} đang là thành viên của {g.name}: hãy sửa dòng đó thay vì thêm lần nữa.",
                f"{name} is already on the roster of {g.name}: edit that entry instead.",
            )
        when = f"từ {_d(m.joined_on)}" if m.joined_on else "trước đó"
        until = f" đến {_d(m.left_on)}" if m.left_on else " đến nay"
        raise UserError(
            f"{name} đã tham gia {g.name} {when}{until}: thời gian tham gia mới không được trùng lần đó.",
            f"{name} was on the roster of {g.name} over that time already: the new membership cannot overlap it.",
        )


def get_member(db: Database, membership_id: str) -> MemberDraft:
    """The member form filled from a membership (outside persons' details unpacked)."""
    with db.session() as s:
        m = _membership(s, membership_id)
        outside = _unpack_outside(m.outside_info) if m.person_id is None else {}
        p = s.get(Person, m.person_id) if m.person_id else None
        return MemberDraft(
            id=m.id,
            group_id=m.group_id,
            person_id=m.person_id,
            outside_name=m.outside_name,
            outside_birth_date=outside.get("birth_date"),
            outside_birth_year=outside.get("birth_year"),
            outside_address=outside.get("address", ""),
            outside_info=outside.get("info", ""),
            role=m.role,
            joined_on=m.joined_on,
            education_level=m.education_level or (p.education_level if p else ""),
            residence_since=p.residence_since if p else outside.get("residence_since"),
            recognition_decision_no=m.recognition_decision_no,
            notes=m.notes,
            left_on=m.left_on,
            leave_reason=m.leave_reason,
        )


def update_member(db: Database, draft: MemberDraft) -> None:
    """Correct a membership's details (role, dates, education, decision, notes, outside details).

    The person and the group do not change: that is another membership.
    """
    education = _education(draft.education_level)
    _check_dates(draft.joined_on, draft.left_on)
    with db.session() as s:
        m = _membership(s, draft.id)
        g = _group(s, m.group_id)
        t = _group_type(s, g.type_id)
        if draft.role != m.role:  # a role since removed from the type stays until changed
            m.role = _role(t, draft.role)
        if m.person_id:
            p = s.get(Person, m.person_id)
            if p is not None:
                _check_no_overlap(s, g, p.id, p.full_name, (draft.joined_on, draft.left_on), exclude=m.id)
                _update_person_facts(p, education, draft.residence_since)
        else:
            name = nfc(draft.outside_name).strip()
            if not name:
                raise UserError("Hãy nhập họ tên người ngoài sổ.", "Enter the outside person's name.")
            m.outside_name = name
            m.outside_info = _pack_outside(draft)
        m.joined_on = draft.joined_on
        m.left_on = draft.left_on
        m.leave_reason = nfc(draft.leave_reason).strip() if draft.left_on else ""
        m.education_level = education
        m.recognition_decision_no = nfc(draft.recognition_decision_no).strip()
        m.notes = nfc(draft.notes)


def leave_member(db: Database, membership_id: str, left_on: date, reason: str = "") -> None:
    """Close a membership ("cho thôi tham gia", TT 14/2024); the row and its history stay."""
    if left_on is None:
        raise UserError("Hãy nhập ngày thôi tham gia.", "Enter the date the member left.")
    with db.session() as s:
        m = _membership(s, membership_id)
        if m.left_on is not None:
            raise UserError(
                f"Thành viên này đã thôi tham gia từ ngày {_d(m.left_on)}.",
                f"This member already left on {_d(m.left_on)}.",
            )
        if m.joined_on and left_on < m.joined_on:
            raise UserError(
                f"Ngày thôi tham gia không được trước ngày tham gia ({_d(m.joined_on)}).",
                f"The leaving date cannot precede the joining date ({_d(m.joined_on)}).",
            )
        m.left_on = left_on
        m.leave_reason = nfc(reason).strip()


def rejoin_member(
    db: Database,
    membership_id: str,
    joined_on: date,
    role: str | None = None,
    recognition_decision_no: str = "",
) -> str:
    """The same person joins again: a new membership after the closed one; returns its id."""
    d = get_member(db, membership_id)
    with db.session() as s:
        if _membership(s, membership_id).left_on is None:
            raise UserError(
                "Thành viên này vẫn đang tham gia: không cần thêm lại.",
                "This member has not left: no need to rejoin.",
            )
    d.id = None
    d.left_on, d.leave_reason = None, ""
    d.joined_on = joined_on
    d.role = role or d.role
    d.recognition_decision_no = recognition_decision_no
    d.notes = ""
    return add_member(db, d)


def change_role(db: Database, membership_id: str, role: str, on: date | None = None) -> str:
    """Change a member's role; returns the membership now holding it.

    Without ``on`` the role is corrected in place (a typing mistake). With
    ``on`` the history is kept: the membership closes on ``on`` ("Chuyển chức
    danh") and a new one with the new role opens the same day.
    """
    with db.session() as s:
        m = _membership(s, membership_id)
        g = _group(s, m.group_id)
        t = _group_type(s, g.type_id)
        role = _role(t, role)
        if m.left_on is not None:
            raise UserError(
                "Thành viên đã thôi tham gia: không đổi chức danh được.",
                "The member has left: the role cannot change.",
            )
        if on is None or on == m.joined_on:
            m.role = role
            return m.id
        if m.joined_on and on < m.joined_on:
            raise UserError(
                f"Ngày đổi chức danh không được trước ngày tham gia ({_d(m.joined_on)}).",
                f"The date of the change cannot precede the joining date ({_d(m.joined_on)}).",
            )
        m.left_on = on
        m.leave_reason = f"Chuyển sang chức danh {_type_info(t).role_label(role)}"
        new = Membership(
            group_id=m.group_id,
            person_id=m.person_id,
            outside_name=m.outside_name,
            outside_info=m.outside_info,
            role=role,
            joined_on=on,
            education_level=m.education_level,
            recognition_decision_no=m.recognition_decision_no,
        )
        s.add(new)
        s.flush()
        return new.id
