"""Yearly commitments "An toàn về ANTT": the campaign text, marking households, coverage.

One commitment per household per year (docs/domain.md, "Household commitments (cam kết hộ gia đình)"). A household with no
record for the year counts as "chưa ký". Coverage is households signed over
households living in the village; TT 124/2021 wants 100 % in every village.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.text import fold, nfc
from ..domain.villages import VILLAGE_KINDS
from ..storage.database import Database
from ..storage.models import Commitment, CommitmentText, Household, Village
from .errors import UserError

STATUSES = ("signed", "not_signed", "refused", "absent", "broken")
STATUS_LABELS = {
    "signed": "Đã ký",
    "not_signed": "Chưa ký",
    "refused": "Từ chối",
    "absent": "Vắng",
    "broken": "Vi phạm",
}
STATUS_LABELS_EN = {
    "signed": "Signed",
    "not_signed": "Not signed",
    "refused": "Refused",
    "absent": "Away",
    "broken": "Broken",
}

DEFAULT_TITLE = "BẢN CAM KẾT HỘ GIA ĐÌNH AN TOÀN VỀ AN NINH, TRẬT TỰ"
# Typical pledges of local forms (docs/domain.md, "Household commitments (cam kết hộ gia đình)"); each commune edits them.
DEFAULT_ITEMS = (
    "Chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước và quy định của địa phương.",
    "Không để thành viên trong gia đình vi phạm pháp luật, mắc tệ nạn xã hội (ma túy, cờ bạc, mại dâm), "
    "không tàng trữ, sử dụng pháo nổ, vũ khí, vật liệu nổ trái phép.",
    "Quản lý, giáo dục con em, người thân trong gia đình; giúp đỡ người lầm lỗi tái hòa nhập cộng đồng.",
    "Thực hiện đúng quy định về đăng ký cư trú, thông báo lưu trú; báo cho Công an xã khi có người lạ đến ở.",
    "Tích cực phát hiện, tố giác tội phạm và các biểu hiện nghi vấn liên quan đến an ninh, trật tự.",
    "Thực hiện tốt các quy định về phòng cháy, chữa cháy và bảo đảm trật tự, an toàn giao thông.",
    "Giải quyết mâu thuẫn, tranh chấp bằng hòa giải, không để xảy ra đánh nhau, gây rối trật tự.",
    "Tham gia các tổ tự quản, mô hình tự phòng, tự quản về an ninh, trật tự ở địa bàn.",
)


@dataclass
class Campaign:
    year: int
    title: str = DEFAULT_TITLE
    items: list[str] = field(default_factory=lambda: list(DEFAULT_ITEMS))
    id: str | None = None


def campaign(db: Database, year: int) -> Campaign:
    """The year's commitment text; the default wording until the commune saves its own."""
    with db.session() as s:
        row = _campaign_row(s, year)
        if row is None:
            return Campaign(year)
        items = [line.strip() for line in row.body.splitlines() if line.strip()]
        return Campaign(year, row.title, items, row.id)


def _campaign_row(s: Session, year: int) -> CommitmentText | None:
    return s.scalar(
        select(CommitmentText)
        .where(CommitmentText.year == year, CommitmentText.deleted.is_(False))
        .order_by(CommitmentText.version.desc())
        .limit(1)
    )


def save_campaign(db: Database, year: int, title: str, items: Sequence[str]) -> str:
    items = [nfc(i).strip() for i in items if i.strip()]
    if not nfc(title).strip():
        raise UserError("Hãy nhập tiêu đề bản cam kết.", "Enter the commitment's title.")
    if not items:
        raise UserError("Bản cam kết cần ít nhất một nội dung.", "The commitment needs at least one item.")
    if not 2000 <= year <= 2100:
        raise UserError("Năm không hợp lệ.", "Invalid year.")
    with db.session() as s:
        row = _campaign_row(s, year)
        if row is None:
            row = CommitmentText(year=year, title="", body="")
            s.add(row)
        row.title = nfc(title).strip()
        row.body = "\n".join(items)
        s.flush()
        return row.id


def _existing(s: Session, year: int, household_ids: Sequence[str]) -> dict[str, Commitment]:
    found: dict[str, Commitment] = {}
    for start in range(0, len(household_ids), 500):
        chunk = list(household_ids[start : start + 500])
        for c in s.scalars(
            select(Commitment)
            .where(Commitment.year == year, Commitment.household_id.in_(chunk), Commitment.deleted.is_(False))
            .order_by(Commitment.version)
        ):
            found[c.household_id] = c  # the newest wins if two sites made one each
    return found


@dataclass(frozen=True)
class Mark:
    """What an officer records for one household's commitment."""

    status: str
    signed_on: date | None = None
    signer_name: str | None = None
    form_number: str | None = None
    breach_on: date | None = None
    breach_note: str | None = None


def mark(
    db: Database,
    household_ids: Sequence[str],
    year: int,
    m: Mark,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Record one status for many households in one transaction; returns how many changed."""
    if m.status not in STATUSES:
        raise UserError("Tình trạng cam kết không hợp lệ.", "Invalid commitment status.")
    if m.status == "broken" and not (m.breach_on or m.breach_note):
        raise UserError(
            "Hãy ghi ngày hoặc nội dung vi phạm cam kết.", "Enter the date or a note about the breach."
        )
    changed = 0
    ids = list(dict.fromkeys(household_ids))
    with db.session() as s:
        text_row = _campaign_row(s, year)
        existing = _existing(s, year, ids)
        for n, hid in enumerate(ids):
            c = existing.get(hid)
            if c is None:
                if s.get(Household, hid) is None:
                    continue
                c = Commitment(household_id=hid, year=year)
                s.add(c)
            before = (c.status, c.signed_on, c.breach_on)
            c.status = m.status
            if text_row is not None and c.text_id is None:
                c.text_id = text_row.id
            if m.status == "signed":
                c.signed_on = m.signed_on or c.signed_on or date.today()
            elif m.status in ("not_signed", "refused", "absent"):
                c.signed_on = None
            if m.signer_name is not None:
                c.signer_name = nfc(m.signer_name).strip()
            if m.form_number is not None:
                c.form_number = m.form_number.strip()
            if m.status == "broken":
                c.breach_on = m.breach_on or date.today()
                c.breach_note = nfc(m.breach_note or "")
            elif before[0] == "broken":
                c.breach_on = None
                c.breach_note = ""
            if before != (c.status, c.signed_on, c.breach_on):
                changed += 1
            if progress and n % 200 == 0:
                progress(n, len(ids))
    return changed


@dataclass(frozen=True)
class CommitmentRecord:
    status: str
    signed_on: date | None
    signer_name: str
    form_number: str
    breach_on: date | None
    breach_note: str


def record(db: Database, household_id: str, year: int) -> CommitmentRecord:
    with db.session() as s:
        c = _existing(s, year, [household_id]).get(household_id)
        if c is None:
            return CommitmentRecord("not_signed", None, "", "", None, "")
        return CommitmentRecord(
            c.status, c.signed_on, c.signer_name, c.form_number, c.breach_on, c.breach_note
        )


@dataclass(frozen=True)
class VillageCoverage:
    village_id: str
    village: str
    households: int
    signed: int
    refused: int
    absent: int
    broken: int

    @property
    def covered(self) -> int:
        """Households that signed this year, including those that later broke it."""
        return self.signed + self.broken

    @property
    def not_signed(self) -> int:
        return self.households - self.signed - self.refused - self.absent - self.broken

    @property
    def residing(self) -> int:
        """Households living there this year: those away (vắng) are not (docs/domain.md, "The commune and
        its other units (TT 124 Điều 5)")."""
        return max(self.households - self.absent, 0)

    @property
    def share(self) -> float:
        return min(self.covered / self.residing, 1.0) if self.residing else 0.0

    @property
    def meets_rule(self) -> bool:
        """TT 124/2021: every household residing there signs (one away for the year does not count)."""
        return self.residing > 0 and self.covered >= self.residing

    def to_dict(self) -> dict[str, object]:
        return {
            "village": self.village,
            "households": self.households,
            "signed": self.signed,
            "not_signed": self.not_signed,
            "refused": self.refused,
            "absent": self.absent,
            "broken": self.broken,
            "percent": round(self.share * 100, 1),
            "meets_100_percent": self.meets_rule,
            "residing": self.residing,
        }


def coverage(db: Database, year: int) -> list[VillageCoverage]:
    """Per village, in the commune's order: households living there and this year's statuses."""
    status = (
        select(Commitment.status)
        .where(
            Commitment.household_id == Household.id,
            Commitment.year == year,
            Commitment.deleted.is_(False),
        )
        .order_by(Commitment.version.desc())
        .limit(1)
        .correlate(Household)
        .scalar_subquery()
    )
    per_household = (
        select(Household.village_id.label("village_id"), status.label("status"))
        .where(Household.deleted.is_(False))
        .subquery()
    )
    counts = {
        (vid, st): int(n)
        for vid, st, n in _rows(
            db,
            select(per_household.c.village_id, per_household.c.status, func.count()).group_by(
                per_household.c.village_id, per_household.c.status
            ),
        )
    }
    result = []
    for vid, name in _rows(
        db,
        select(Village.id, Village.name)
        .where(Village.deleted.is_(False))
        .order_by(Village.sort_order, Village.name),
    ):
        by = {st: n for (v, st), n in counts.items() if v == vid}
        result.append(
            VillageCoverage(
                village_id=vid,
                village=name,
                households=sum(by.values()),
                signed=by.get("signed", 0),
                refused=by.get("refused", 0),
                absent=by.get("absent", 0),
                broken=by.get("broken", 0),
            )
        )
    return result


def _rows(db: Database, stmt: object) -> list:
    with db.session() as s:
        return list(s.execute(stmt))  # type: ignore[arg-type]


def commune_total(rows: Sequence[VillageCoverage]) -> VillageCoverage:
    return VillageCoverage(
        village_id="",
        village="Toàn xã",
        households=sum(r.households for r in rows),
        signed=sum(r.signed for r in rows),
        refused=sum(r.refused for r in rows),
        absent=sum(r.absent for r in rows),
        broken=sum(r.broken for r in rows),
    )


def village_by_name(db: Database, name: str) -> tuple[str, str]:
    """(id, name) of the village whose folded name matches ``name`` (also without its kind word)."""
    wanted = fold(name)
    with db.session() as s:
        rows = s.execute(select(Village.id, Village.name).where(Village.deleted.is_(False))).all()
    kinds = sorted((fold(k) + " " for k in VILLAGE_KINDS), key=len, reverse=True)

    def bare(folded: str) -> str:
        return next((folded[len(k) :] for k in kinds if folded.startswith(k)), folded)

    for vid, vname in rows:
        folded = fold(vname)
        if wanted in (folded, bare(folded)) or bare(wanted) == bare(folded):
            return vid, vname
    names = ", ".join(n for _, n in rows)
    raise UserError(
        f"Không có thôn, tổ dân phố nào tên '{name}': hãy dùng một trong các tên {names}.",
        f"No village is called '{name}': use one of {names}.",
    )
