"""Who may be proposed for the Kỷ niệm chương "Bảo vệ an ninh Tổ quốc" (docs/domain.md, "Who awards
what, and the Kỷ niệm chương").

TT 20/2025/TT-BCA as the domain notes summarise it:

* **members of a Tổ bảo vệ ANTT** — 15 years of service (men), 10 (women), earlier service as ward
  guard or part-time commune police counted, service in especially difficult, border and island
  areas counted double (the commune's setting, :data:`HARD_AREA_MULTIPLIER`);
* **leaders** of the Party, the government and the mass organisations from the commune up (and heads
  of public schools and state firms) — 10 years in the post, at least one earlier award in the
  movement, and no complicated social-evil hotspot in their area;
* **exclusions** — never for someone who already holds the Huy chương "Chiến sĩ vẻ vang", the Huy
  chương "Vì an ninh Tổ quốc" or a Huân chương, nor for someone prosecuted or convicted; postponed
  while a discipline or a complaint is pending; given once only.

Every verdict carries the sentence a chief reads: why the person is on the list, or why not.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .award_rules import MEDAL_YEARS_MEN, MEDAL_YEARS_WOMEN, medal_years_needed
from .text import nfc

# Service in an especially difficult, border or island area counts double (TT 20/2025 as the
# domain notes give it); a commune in such an area says so in its settings.
HARD_AREA_MULTIPLIER = 2.0
LEADER_YEARS = 10.0

# Posts the leaders' rule covers (suggestions; any post typed is taken as a leader's post).
LEADER_POSTS = (
    "Bí thư Đảng ủy xã",
    "Phó Bí thư Đảng ủy xã",
    "Chủ tịch Hội đồng nhân dân xã",
    "Chủ tịch Ủy ban nhân dân xã",
    "Phó Chủ tịch Ủy ban nhân dân xã",
    "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã",
    "Trưởng Công an xã",
    "Phó Trưởng Công an xã",
    "Hiệu trưởng trường công lập",
    "Giám đốc doanh nghiệp nhà nước",
)

# code → (what happens, the reason inside a sentence (vi), (en)).
REFUSED, POSTPONED = "excluded", "postponed"
EXCLUSIONS: dict[str, tuple[str, str, str]] = {
    "chien_si_ve_vang": (
        REFUSED,
        "đã có Huy chương “Chiến sĩ vẻ vang”",
        "already holds the “Glorious Soldier” medal",
    ),
    "vi_an_ninh_to_quoc": (
        REFUSED,
        "đã có Huy chương “Vì an ninh Tổ quốc”",
        "already holds the “For national security” medal",
    ),
    "huan_chuong": (REFUSED, "đã được tặng Huân chương", "already holds an Order (Huân chương)"),
    "truy_cuu": (
        REFUSED,
        "đang bị truy cứu trách nhiệm hình sự",
        "is being prosecuted",
    ),
    "ket_an": (REFUSED, "đã bị kết án", "has been convicted"),
    "ky_luat": (POSTPONED, "đang bị xem xét kỷ luật", "has a disciplinary matter pending"),
    "khieu_nai": (
        POSTPONED,
        "đang có khiếu nại, tố cáo chưa được giải quyết",
        "has a complaint pending",
    ),
}

ELIGIBLE, NOT_YET, AWARDED = "eligible", "not_yet", "awarded"
STATUS_LABELS = {
    ELIGIBLE: "Đủ điều kiện",
    NOT_YET: "Chưa đủ điều kiện",
    REFUSED: "Không xét tặng",
    POSTPONED: "Tạm hoãn xét",
    AWARDED: "Đã được tặng",
}


@dataclass(frozen=True)
class LeaderFacts:
    """A leader's post as the leaders' rule sees it."""

    post: str
    years_in_post: float
    earlier_awards: int  # awards of the movement the person already has
    hotspot: bool = False  # a complicated social-evil hotspot in the area they lead


@dataclass(frozen=True)
class MedalVerdict:
    status: str  # eligible | not_yet | excluded | postponed | awarded
    rule: str  # member | leader
    needed: float  # years the rule asks for
    reason_vi: str
    reason_en: str

    @property
    def eligible(self) -> bool:
        return self.status == ELIGIBLE

    @property
    def label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


def years_text(value: float) -> str:
    """ "15,2" — one decimal cut, not rounded (9,98 years is not yet 10), Vietnamese comma."""
    return f"{math.floor(value * 10 + 1e-6) / 10:.1f}".replace(".", ",")


def medal_verdict(
    name: str,
    sex: str,
    years: float,
    *,
    leader: LeaderFacts | None = None,
    exclusion: str = "",
    exclusion_note: str = "",
    has_medal: bool = False,
    men: float = MEDAL_YEARS_MEN,
    women: float = MEDAL_YEARS_WOMEN,
) -> MedalVerdict:
    """Whether ``name`` may be proposed, and the sentence that says why.

    ``years`` is the member's service, hard-area years already multiplied; ``leader`` switches to
    the leaders' rule. Given once only; an exclusion wins over the years."""
    name = nfc(name).strip()
    rule = "leader" if leader else "member"
    needed = LEADER_YEARS if leader else medal_years_needed(sex, men, women)
    if has_medal:
        return MedalVerdict(
            AWARDED,
            rule,
            needed,
            f"{name} đã được tặng Kỷ niệm chương: kỷ niệm chương chỉ tặng một lần.",
            f"{name} already holds the medal: it is given only once.",
        )
    if exclusion in EXCLUSIONS:
        return _exclusion_verdict(name, rule, needed, exclusion, exclusion_note)
    if leader:
        return _leader_verdict(name, rule, needed, leader)
    who = {"M": "nam", "F": "nữ"}.get(sex, "chưa rõ giới tính")
    if years + 1e-9 < needed:
        return MedalVerdict(
            NOT_YET,
            rule,
            needed,
            f"{name} mới có {years_text(years)} năm công tác: thành viên {who} cần đủ {needed:.0f} năm.",
            f"{name} has {years:.1f} years of service: {needed:.0f} are needed.",
        )
    return MedalVerdict(
        ELIGIBLE,
        rule,
        needed,
        f"{name} đủ điều kiện: {years_text(years)} năm công tác (thành viên {who} cần {needed:.0f} năm).",
        f"{name} qualifies: {years:.1f} years of service ({needed:.0f} needed).",
    )


def _exclusion_verdict(
    name: str, rule: str, needed: float, exclusion: str, exclusion_note: str
) -> MedalVerdict:
    """The verdict for a member under one of the :data:`EXCLUSIONS` (postponed or refused)."""
    what, vi, en = EXCLUSIONS[exclusion]
    note = f" ({nfc(exclusion_note).strip()})" if exclusion_note.strip() else ""
    if what == POSTPONED:
        return MedalVerdict(
            POSTPONED,
            rule,
            needed,
            f"Tạm hoãn xét tặng Kỷ niệm chương cho {name}: {vi}{note}; xét lại khi việc này đã giải quyết xong.",
            f"The medal for {name} is postponed: {en}; propose again once it is settled.",
        )
    return MedalVerdict(
        REFUSED,
        rule,
        needed,
        f"Không xét tặng Kỷ niệm chương cho {name}: {vi}{note} (Thông tư 20/2025/TT-BCA).",
        f"{name} cannot be proposed for the medal: {en} (Circular 20/2025).",
    )


def _leader_verdict(name: str, rule: str, needed: float, leader: LeaderFacts) -> MedalVerdict:
    """The verdict under the leaders' rule: years in the post, an earlier award, no hotspot."""
    post = nfc(leader.post).strip() or "lãnh đạo"
    if leader.years_in_post + 1e-9 < LEADER_YEARS:
        return MedalVerdict(
            NOT_YET,
            rule,
            needed,
            f"{name} ({post}) mới giữ chức vụ {years_text(leader.years_in_post)} năm: người lãnh đạo cần đủ "
            f"{LEADER_YEARS:.0f} năm giữ chức vụ.",
            f"{name} ({post}) has held the post {leader.years_in_post:.1f} years: leaders need "
            f"{LEADER_YEARS:.0f}.",
        )
    if leader.earlier_awards < 1:
        return MedalVerdict(
            NOT_YET,
            rule,
            needed,
            f"{name} ({post}) chưa có hình thức khen thưởng nào trong phong trào: người lãnh đạo cần "
            "ít nhất một lần được khen thưởng trước đó.",
            f"{name} ({post}) has no earlier award in the movement: leaders need at least one.",
        )
    if leader.hotspot:
        return MedalVerdict(
            NOT_YET,
            rule,
            needed,
            f"{name} ({post}): địa bàn phụ trách còn điểm tệ nạn xã hội phức tạp, chưa đủ điều kiện "
            "xét tặng.",
            f"{name} ({post}): the area still has a complicated social-evil hotspot.",
        )
    return MedalVerdict(
        ELIGIBLE,
        rule,
        needed,
        f"{name} ({post}) đủ điều kiện: {years_text(leader.years_in_post)} năm giữ chức vụ, "
        f"{leader.earlier_awards} lần được khen thưởng.",
        f"{name} ({post}) qualifies: {leader.years_in_post:.1f} years in the post, "
        f"{leader.earlier_awards} earlier award(s).",
    )


def weighted_years(plain_days: int, hard_days: int, multiplier: float) -> float:
    """Years of service with the hard-area days multiplied."""
    return (plain_days + hard_days * multiplier) / 365.25
