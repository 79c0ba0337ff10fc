"""The rules of the Tổ bảo vệ an ninh, trật tự ở cơ sở (docs/domain.md, "Tổ bảo vệ ANTT: the grassroots security teams"), without a database.

Luật Lực lượng tham gia bảo vệ ANTT ở cơ sở 2023 and its texts ask for:

* one Tổ per thôn / tổ dân phố (Điều 2.3, common practice of the provinces);
* a member count the province sets (HĐND tỉnh resolution, then UBND tỉnh) —
  so the limits are a station setting (:class:`SizeLimit`), never a constant;
* members aged 18 to 70 (Điều 13 khoản 1; over 70 only by decision of the
  Chủ tịch UBND xã), at the date they are recognised;
* lower-secondary school (THCS) or higher; completed primary school is enough in
  border, mountain, ethnic-minority and especially difficult areas (khoản 3);
* permanent or temporary residence for at least one year (khoản 4).

Every check returns :class:`~antq_desktop.domain.persons.Finding` warnings the
officer sees while editing; none of them blocks a save — the commune may have a
decision that allows the exception, and the register is often incomplete.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from .persons import Finding, warning
from .text import fold, nfc

MIN_AGE = 18
MAX_AGE = 70

# Codes stored in ``education_level`` (person and membership), lowest first.
EDUCATION_LEVELS: dict[str, str] = {
    "chua_xong_tieu_hoc": "Chưa tốt nghiệp tiểu học",
    "tieu_hoc": "Tiểu học",
    "thcs": "Trung học cơ sở",
    "thpt": "Trung học phổ thông",
    "trung_cap": "Trung cấp",
    "cao_dang": "Cao đẳng",
    "dai_hoc": "Đại học",
    "sau_dai_hoc": "Sau đại học",
}
EDUCATION_LEVELS_EN: dict[str, str] = {
    "chua_xong_tieu_hoc": "Primary school not completed",
    "tieu_hoc": "Primary school",
    "thcs": "Lower secondary school",
    "thpt": "Upper secondary school",
    "trung_cap": "Vocational secondary",
    "cao_dang": "College",
    "dai_hoc": "University",
    "sau_dai_hoc": "Postgraduate",
}
_RANK = {code: i for i, code in enumerate(EDUCATION_LEVELS)}
_ALIASES = {
    "thcs": "thcs",
    "cap 2": "thcs",
    "cap ii": "thcs",
    "thpt": "thpt",
    "cap 3": "thpt",
    "cap iii": "thpt",
    "cap 1": "tieu_hoc",
    "cap i": "tieu_hoc",
    "th": "tieu_hoc",
    "dh": "dai_hoc",
    "cd": "cao_dang",
    "tc": "trung_cap",
    "thac si": "sau_dai_hoc",
    "tien si": "sau_dai_hoc",
}

# Default team size: "typically 3–6 members" (docs/domain.md, "Team structure and size", [M]); the province's resolution decides.
DEFAULT_TEAM_SIZE = {"min": 3, "max": 6, "villages": {}}


def education_label(code: str | None, lang: str = "vi") -> str:
    table = EDUCATION_LEVELS_EN if lang.startswith("en") else EDUCATION_LEVELS
    return table.get(code or "", code or "")


def parse_education(value: object) -> str | None:
    """The code of a typed education level ("THCS", "Trung học cơ sở", "cấp 2", "9/12"), "" for
    nothing, None when not understood."""
    text = fold(str(value or "")).strip(" .")
    if not text:
        return ""
    if text in _RANK:
        return text
    for code, label in EDUCATION_LEVELS.items():
        if text == fold(label):
            return code
    if text in _ALIASES:
        return _ALIASES[text]
    # "9/12", "12/12", "5/10": the grade completed of the general school system.
    parts = text.replace(" ", "").split("/")
    if len(parts) == 2 and all(p.isdigit() for p in parts) and parts[1] in ("10", "12"):
        grade, of = int(parts[0]), int(parts[1])
        if not 0 <= grade <= of:
            return None
        # Grades that complete primary, lower and upper secondary: 4/7/10 in the old 10-year system.
        primary, lower, upper = (4, 7, 10) if of == 10 else (5, 9, 12)
        if grade >= upper:
            return "thpt"
        if grade >= lower:
            return "thcs"
        return "tieu_hoc" if grade >= primary else "chua_xong_tieu_hoc"
    return None


# ---------------------------------------------------------------------------------------------
# Size limits (a setting: the province decides)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SizeLimit:
    """Members a Tổ may have; None means no bound on that side."""

    min: int | None = None
    max: int | None = None


def bound(value: object) -> int | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        n = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None
    return n if n > 0 else None


def size_limit_for(setting: Mapping[str, Any] | None, village_id: str | None) -> SizeLimit:
    """The limit of one team from the setting ``{"min": 3, "max": 6, "villages": {id: {"min", "max"} | max}}``.

    A village entry (UBND tỉnh fixes the number per thôn) overrides the default.
    """
    s = dict(DEFAULT_TEAM_SIZE) if setting is None else dict(setting)
    low, high = bound(s.get("min")), bound(s.get("max"))
    per = s.get("villages") or {}
    own = per.get(village_id) if village_id and isinstance(per, Mapping) else None
    if isinstance(own, Mapping):  # a bound left empty for the village keeps the default
        low = bound(own.get("min")) if own.get("min") is not None else low
        high = bound(own.get("max")) if own.get("max") is not None else high
    elif own is not None:
        high = bound(own)
    return SizeLimit(low, high)


# ---------------------------------------------------------------------------------------------
# Member checks
# ---------------------------------------------------------------------------------------------


def _d(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def age_on(birth_date: date | None, birth_year: int | None, on: date) -> tuple[int, int] | None:
    """The least and greatest age in completed years someone can have on ``on``; equal when the birth
    date is known, one apart when only the year is, None when neither is."""
    if birth_date is not None:
        age = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
        return age, age
    if birth_year:
        return on.year - birth_year - 1, on.year - birth_year
    return None


def check_age(
    name: str, birth_date: date | None, birth_year: int | None, on: date, *, ref_id: str | None = None
) -> list[Finding]:
    """18 to 70 on ``on`` (the recognition decision's date); with only a birth year the message says so."""
    name = nfc(name).strip() or "Thành viên"
    ages = age_on(birth_date, birth_year, on)
    if ages is None:
        return [
            warning(
                f"Chưa có ngày sinh của {name}: chưa kiểm tra được điều kiện từ đủ {MIN_AGE} đến {MAX_AGE} tuổi.",
                f"{name} has no birth date: the {MIN_AGE}–{MAX_AGE} age rule cannot be checked.",
                "birth",
                ref_id,
            )
        ]
    low, high = ages
    only_year = birth_date is None
    if high < MIN_AGE or (only_year and low < MIN_AGE):
        if not only_year:
            return [
                warning(
                    f"{name} mới {high} tuổi vào ngày {_d(on)}, chưa đủ {MIN_AGE} tuổi để tham gia Tổ bảo vệ an ninh, trật tự.",
                    f"{name} is only {high} on {_d(on)}, under the minimum age of {MIN_AGE} for the team.",
                    "birth",
                    ref_id,
                )
            ]
        certain = high < MIN_AGE
        return [
            warning(
                f"{name} sinh năm {birth_year} (chỉ biết năm sinh) nên vào ngày {_d(on)} "
                + ("chưa đủ" if certain else "có thể chưa đủ")
                + f" {MIN_AGE} tuổi: hãy ghi ngày sinh đầy đủ để kiểm tra.",
                f"{name} was born in {birth_year} (only the year is known), so on {_d(on)} "
                + ("is" if certain else "may be")
                + f" under {MIN_AGE}: record the full birth date to check.",
                "birth",
                ref_id,
            )
        ]
    if low > MAX_AGE or (only_year and high > MAX_AGE):
        if not only_year:
            return [
                warning(
                    f"{name} đã {low} tuổi vào ngày {_d(on)}, quá {MAX_AGE} tuổi: chỉ được tham gia nếu đủ sức khỏe "
                    "và được Chủ tịch Ủy ban nhân dân xã quyết định.",
                    f"{name} is {low} on {_d(on)}, over {MAX_AGE}: allowed only in good health and by decision "
                    "of the commune chairman.",
                    "birth",
                    ref_id,
                )
            ]
        certain = low > MAX_AGE
        return [
            warning(
                f"{name} sinh năm {birth_year} (chỉ biết năm sinh) nên vào ngày {_d(on)} "
                + ("đã quá" if certain else "có thể đã quá")
                + f" {MAX_AGE} tuổi: chỉ được tham gia nếu đủ sức khỏe và được Chủ tịch Ủy ban nhân dân xã quyết định.",
                f"{name} was born in {birth_year} (only the year is known), so on {_d(on)} "
                + ("is" if certain else "may be")
                + f" over {MAX_AGE}: allowed only in good health and by decision of the commune chairman.",
                "birth",
                ref_id,
            )
        ]
    return []


def _one_year_after(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29/02
        return date(day.year + 1, 3, 1)


def check_residence(
    name: str, residence_since: date | None, on: date, *, ref_id: str | None = None
) -> list[Finding]:
    """Residence (thường trú or tạm trú) of at least one year on ``on``; unknown gives a softer note."""
    name = nfc(name).strip() or "Thành viên"
    if residence_since is None:
        return [
            warning(
                f"Chưa có thông tin ngày bắt đầu cư trú của {name}: chưa kiểm tra được điều kiện cư trú từ 1 năm trở lên.",
                f"No information on when {name} began living here: the one-year residence rule is not checked.",
                "residence_since",
                ref_id,
            )
        ]
    if _one_year_after(residence_since) > on:
        return [
            warning(
                f"{name} cư trú từ ngày {_d(residence_since)}, vào ngày {_d(on)} chưa đủ 1 năm: Tổ viên cần thường trú "
                "hoặc tạm trú từ 1 năm trở lên.",
                f"{name} has lived here since {_d(residence_since)}, less than a year on {_d(on)}: members need "
                "one year of residence.",
                "residence_since",
                ref_id,
            )
        ]
    return []


def check_education(
    name: str, level: str | None, *, primary_enough: bool = False, ref_id: str | None = None
) -> list[Finding]:
    """Education recorded, and at least THCS (primary school where the commune has the area exception)."""
    name = nfc(name).strip() or "Thành viên"
    need = "tieu_hoc" if primary_enough else "thcs"
    need_label = EDUCATION_LEVELS[need].lower()
    if not level:
        return [
            warning(
                f"Chưa ghi trình độ học vấn của {name}: Tổ viên cần tốt nghiệp {need_label} trở lên.",
                f"{name}'s education level is not recorded: members need {EDUCATION_LEVELS_EN[need].lower()} or higher.",
                "education_level",
                ref_id,
            )
        ]
    if level in _RANK and _RANK[level] < _RANK[need]:
        return [
            warning(
                f"{name} có trình độ {EDUCATION_LEVELS[level].lower()}, thấp hơn mức tốt nghiệp {need_label} "
                "yêu cầu đối với Tổ viên.",
                f"{name}'s education ({EDUCATION_LEVELS_EN[level].lower()}) is below the "
                f"{EDUCATION_LEVELS_EN[need].lower()} members need.",
                "education_level",
                ref_id,
            )
        ]
    return []


@dataclass(frozen=True)
class MemberFacts:
    """What the rules need to know of one (future) member."""

    name: str
    birth_date: date | None = None
    birth_year: int | None = None
    residence_since: date | None = None
    education_level: str = ""
    ref_id: str | None = None


def check_member_facts(m: MemberFacts, on: date, *, primary_enough: bool = False) -> list[Finding]:
    """Age, residence and education of one member, recognised on ``on``."""
    return [
        *check_age(m.name, m.birth_date, m.birth_year, on, ref_id=m.ref_id),
        *check_residence(m.name, m.residence_since, on, ref_id=m.ref_id),
        *check_education(m.name, m.education_level, primary_enough=primary_enough, ref_id=m.ref_id),
    ]


# ---------------------------------------------------------------------------------------------
# Team checks
# ---------------------------------------------------------------------------------------------


def check_one_team_per_village(
    team: str, village: str | None, others: Sequence[tuple[str, str]] = ()
) -> list[Finding]:
    """``others``: (id, name) of the other active teams in the same village."""
    team = nfc(team).strip() or "Tổ bảo vệ an ninh, trật tự"
    if not village:
        return [
            warning(
                f"{team} chưa gắn với thôn, tổ dân phố nào: Tổ bảo vệ an ninh, trật tự được bố trí ở từng thôn, tổ dân phố.",
                f"{team} is not tied to a village: a security and order team belongs to one village.",
                "village_id",
            )
        ]
    return [
        warning(
            f"{nfc(village)} đã có {nfc(name)}: mỗi thôn, tổ dân phố chỉ bố trí một Tổ bảo vệ an ninh, trật tự.",
            f"{nfc(village)} already has {nfc(name)}: a village has only one security and order team.",
            "village_id",
            other_id,
        )
        for other_id, name in others
    ]


def check_team_size(team: str, count: int, limit: SizeLimit, *, adding: bool = False) -> list[Finding]:
    """``count`` current members (after the addition when ``adding``) against the province's limit."""
    team = nfc(team).strip() or "Tổ"
    if limit.max is not None and count > limit.max:
        if adding:
            return [
                warning(
                    f"Thêm người này thì {team} có {count} thành viên, vượt mức tối đa {limit.max} người do tỉnh quy định.",
                    f"With this person {team} has {count} members, over the province's limit of {limit.max}.",
                    "members",
                )
            ]
        return [
            warning(
                f"{team} có {count} thành viên, vượt mức tối đa {limit.max} người do tỉnh quy định.",
                f"{team} has {count} members, over the province's limit of {limit.max}.",
                "members",
            )
        ]
    if limit.min is not None and count < limit.min and not adding:
        return [
            warning(
                f"{team} mới có {count} thành viên, ít hơn mức tối thiểu {limit.min} người do tỉnh quy định.",
                f"{team} has only {count} members, fewer than the province's minimum of {limit.min}.",
                "members",
            )
        ]
    return []


def check_leaders(team: str, leaders: int) -> list[Finding]:
    """A team has one Tổ trưởng (Điều 16)."""
    if leaders > 1:
        team = nfc(team).strip() or "Tổ"
        return [
            warning(
                f"{team} đang có {leaders} tổ trưởng: mỗi tổ chỉ có một tổ trưởng.",
                f"{team} has {leaders} team leaders: a team has one.",
                "role",
            )
        ]
    return []


@dataclass(frozen=True)
class TeamFacts:
    name: str
    village: str | None  # None: commune-wide
    other_teams: tuple[tuple[str, str], ...] = ()  # (id, name) of other active teams in the village
    members: int = 0
    leaders: int = 0
    limit: SizeLimit = SizeLimit()


def check_team_facts(t: TeamFacts) -> list[Finding]:
    return [
        *check_one_team_per_village(t.name, t.village, t.other_teams),
        *check_team_size(t.name, t.members, t.limit),
        *check_leaders(t.name, t.leaders),
    ]
