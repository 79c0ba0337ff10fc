"""The upper level reads a commune's records; it does not edit them (docs/sync.md, "The hub").

At a station set up as the upper level's hub, every write of every service
passes this ``before_flush`` check, like :mod:`services.period_lock`:

* a row a commune made (its ``origin_site`` is another station) is read-only
  at the hub — no change, no deletion, in any table (its households, its own
  award decisions, its own group types…) — except the commune's report
  submission: approving and reopening it is the upper level's business;
* new rows at the hub only in the tables that travel *down*
  (:data:`HUB_TABLES`: catalogues, certificate templates, award decisions and
  their awards, report submissions); a new household, person, meeting… at the
  hub would belong to no commune and is refused.

A correction is asked of the commune, which makes it and sends it up; the hub
then sees it like any other change. The hub's own rows stay its own to edit
(a hub set up by an older version holds a commune row and villages it made).

A bundle import (``session.info["sync_apply"]``) is never refused: it carries
the communes' own writes. Refusals are one sentence naming the record and its
commune.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from ..domain.catalogues import BUILTIN_ORIGIN
from ..storage.base import SyncMixin
from ..storage.models import Site
from .errors import UserError

# What the upper level writes and sends down (sync/rows.py: scope_clause). A later area whose table
# the hub writes (a new kind of record travelling down) registers it with :func:`allow_at_hub`.
HUB_TABLES = set(
    {
        "group_type",
        "meeting_type",
        "commitment_text",
        "certificate_template",
        "award_decision",
        "award",
        "report_submission",
        "certificate_print",
    }
)
# Rows the hub may change even when a commune made them: its approval of the commune's report.
HUB_CHANGES_COMMUNE_ROWS = {"report_submission"}


def allow_at_hub(table: str, *, commune_rows_too: bool = False) -> None:
    """Let the hub create rows of ``table`` (and, with ``commune_rows_too``, change a commune's rows)."""
    HUB_TABLES.add(table)
    if commune_rows_too:
        HUB_CHANGES_COMMUNE_ROWS.add(table)


LABELS: dict[str, str] = {
    "household": "hộ gia đình",
    "person": "nhân khẩu",
    "household_event": "biến động hộ",
    "commitment": "bản cam kết",
    "antq_group": "tổ, mô hình",
    "membership": "thành viên tổ",
    "meeting": "hội nghị",
    "meeting_attendee": "người dự hội nghị",
    "opinion": "ý kiến",
    "village": "thôn, tổ dân phố",
    "commune": "xã",
    "village_assessment": "đánh giá thôn",
    "public_tip": "tin báo",
    "handed_in_item": "vật phẩm giao nộp",
    "surrender": "trường hợp đầu thú",
    "mediation": "vụ hòa giải",
    "service_period": "thời gian tham gia",
    "medal_fact": "thông tin xét tặng kỷ niệm chương",
    "award_decision": "quyết định khen thưởng",
    "award": "khen thưởng",
    "group_type": "loại tổ, mô hình",
    "meeting_type": "loại hội nghị",
    "commitment_text": "mẫu cam kết",
    "certificate_template": "mẫu giấy khen",
}


def _self_site(s: Session) -> Site | None:
    with s.no_autoflush:
        return s.scalar(select(Site).where(Site.is_self.is_(True)).limit(1))


def _owner(s: Session, origin: str | None) -> str:
    with s.no_autoflush:
        site = s.get(Site, origin) if origin else None
    if site is None:
        return "một xã"
    code = f" (mã xã {site.commune_code})" if site.commune_code else ""
    return f"{site.unit_name}{code}"


def refusal(s: Session, obj: Any) -> UserError:
    table = type(obj).__tablename__
    label = LABELS.get(table, table)
    if not obj.origin_site or obj.origin_site == _self_site(s).id:  # type: ignore[union-attr]
        return UserError(
            f"Cấp trên không lập {label} cho xã: hồ sơ của xã do Công an xã lập rồi gửi gói lên.",
            f"The upper level does not create a commune's {table} records: the commune makes them and sends a bundle.",
        )
    owner = _owner(s, obj.origin_site)
    what = _what(obj)
    return UserError(
        f"Bản ghi {label} {what} là của {owner}: cấp trên chỉ xem, không sửa được; "
        "hãy đề nghị xã sửa rồi gửi gói lên.",
        f"The {table} record {what} belongs to {owner}: the upper level only reads it; "
        "ask the commune to correct it and send a bundle.",
    )


def _what(obj: Any) -> str:
    """The record as a person knows it: a household by its head, a person or group by name, else its id."""
    state = inspect(obj)
    for attr in ("head_name", "full_name", "name", "number"):
        if attr not in state.attrs:
            continue
        before = state.attrs[attr].history.deleted  # the name it has at the commune, not the hub's edit
        value = str((before[0] if before else getattr(obj, attr)) or "").strip()
        if value:
            return f"“{value}”"
    return str(obj.id)


def check(s: Session, new: Iterable[Any], changed: Iterable[Any]) -> None:
    """Raise the refusal if, at a hub, a write touches a commune's records (see the module docstring)."""
    new = [o for o in new if isinstance(o, SyncMixin)]
    changed = [o for o in changed if isinstance(o, SyncMixin)]
    if not new and not changed:
        return
    me = _self_site(s)
    if me is None or me.role != "hub":
        return
    for obj in new:
        if type(obj).__tablename__ not in HUB_TABLES:
            raise refusal(s, obj)
    for obj in changed:
        if type(obj).__tablename__ in HUB_CHANGES_COMMUNE_ROWS:
            continue
        if obj.origin_site and obj.origin_site not in (me.id, BUILTIN_ORIGIN):  # built-ins: the province's
            raise refusal(s, obj)


def before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    """The check on every flush of an :class:`AntqSession` (listened to from services.setup.wire)."""
    if session.info.get("sync_apply"):
        return
    dirty = [o for o in session.dirty if session.is_modified(o, include_collections=False)]
    check(session, session.new, [*dirty, *session.deleted])
