"""The demo commune: a deterministic, realistic commune generated from a seed.

Same seed and commune, same households, persons, ID numbers, groups, meetings and
awards (record ids included); only the sync versions differ, as they record when the
rows were written.  Demo communes of one province never collide: each draws from a
stream of its own (record ids), its villages and names suit its region
(``demo_names.demo_place``), its ID numbers' serials are its own residue class among
the province's communes, and the province's award serials a block of their own.  It scales with ``households`` (the benchmarks use 10k and
100k) and writes everything in one transaction: a cancel or a power cut
leaves the database as it was.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..domain import award_rules, id_numbers
from ..storage import column_crypto
from ..storage.database import Database
from ..storage.models import (
    Award,
    AwardDecision,
    Commitment,
    Commune,
    Group,
    GroupType,
    Household,
    Meeting,
    MeetingType,
    Membership,
    Opinion,
    Person,
    ServicePeriod,
    Village,
)
from ..storage.stamping import row_search_key, stamp_rows
from . import station as station_service
from .demo_minutes import minutes_fields, officers
from .demo_names import (
    DEMO_COMMUNE,
    ETHNIC_CODE_SYSTEM,
    DemoPlace,
    NameStyle,
    demo_place,
)
from .errors import UserError

DEFAULT_HOUSEHOLDS = 1500
DEFAULT_SEED = 2026
DEMO_ADMIN = "admin"
DEMO_PASSWORD = "antq-demo"
CHUNK = 5000

Progress = Callable[[int, int], bool]
"""Called with (done, total); returning False cancels."""


class Cancelled(Exception):
    pass


@dataclass
class DemoSummary:
    households: int = 0
    persons: int = 0
    commitments: int = 0
    groups: int = 0
    memberships: int = 0
    meetings: int = 0
    opinions: int = 0
    award_decisions: int = 0
    awards: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def create_demo_station(
    db: Database,
    households: int = DEFAULT_HOUSEHOLDS,
    seed: int = DEFAULT_SEED,
    admin: str = DEMO_ADMIN,
    password: str = DEMO_PASSWORD,
    progress: Progress | None = None,
    today: date | None = None,
    commune_code: str = DEMO_COMMUNE,
) -> DemoSummary:
    """Set up an empty database as a demo commune (Quảng Lâm unless ``commune_code`` says) and fill it.

    Quảng Lâm draws from ``seed`` itself (the data it always had); another commune from
    ``"<code>:<seed>"``, so two demo communes made with one seed share no record id.
    """
    if households < 1 or households > 500_000:
        raise UserError(
            "Số hộ của dữ liệu mẫu phải từ 1 đến 500.000.", "Demo households must be between 1 and 500,000."
        )
    if station_service.is_set_up(db):
        raise UserError(
            "Dữ liệu mẫu chỉ tạo được trong thư mục dữ liệu trống: hãy dùng --data-dir với một thư mục mới.",
            "Demo data goes only into an empty data folder: use --data-dir with a new folder.",
        )
    from ..domain import admin_units

    commune = admin_units.commune(commune_code)
    if commune is None:
        raise UserError(
            f"Không có xã, phường mã {commune_code!r} trong danh mục (QĐ 19/2025): hãy nhập mã 5 chữ số, ví dụ 01304.",
            f"There is no commune coded {commune_code!r} (QĐ 19/2025): give its 5-digit code, e.g. 01304.",
        )
    place = demo_place(commune.province_code, commune.code, commune.division_type, seed)
    # Setup and data in one transaction: a cancel, an error or a power cut leaves
    # an empty data folder, never a set-up station with half a demo in it.
    with db.session() as s:
        station_service.initialise_in(
            s,
            station_service.SetupRequest(
                province_code=commune.province_code,
                commune_code=commune.code,
                unit_name=station_service.default_unit_name(commune),
                admin_username=admin,
                admin_password=password,
                admin_full_name="Quản trị (dữ liệu mẫu)",
                villages=[name for name, _ in place.villages],
                demo=True,  # its documented password (docs/security.md): a demo holds no real people
            ),
        )
        s.flush()
        stream: int | str = seed if commune.code == DEMO_COMMUNE else f"{commune.code}:{seed}"
        summary = DemoBuilder(db, stream, today or date.today(), place).build(s, households, progress)
        summary.extra.update(
            commune=commune.name,
            commune_code=commune.code,
            unit_name=station_service.default_unit_name(commune),
        )
        return summary


class DemoBuilder:
    def __init__(self, db: Database, seed: int | str, today: date, place: DemoPlace | None = None) -> None:
        self.db = db
        self.rng = random.Random(seed)
        self.seed = seed
        self.today = today
        self.year = today.year
        self.serials: set[int] = set()
        self.place = place
        # The commune's place among its province's communes (by code): its ID serials are
        # ≡ slot (mod slots), so no two demo communes of one province share an ID number.
        self.slot, self.slots = 0, 1
        self.word = "xã"  # xã | phường | đặc khu, in "Công an xã", "Ủy ban nhân dân xã"

    def _locate(self, commune: Commune) -> None:
        from ..domain import admin_units

        known = admin_units.commune(commune.code)
        if self.place is None:
            self.place = demo_place(
                commune.province_code, commune.code, known.division_type if known else "xã", self.seed
            )
        codes = sorted(c.code for c in admin_units.communes(commune.province_code))
        if commune.code in codes:
            self.slot, self.slots = codes.index(commune.code), len(codes)
        self.word = commune.division_type or "xã"

    # -- identity -------------------------------------------------------------------------

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def id_number(self, birth_year: int, sex: str) -> str:
        assert self.place is not None
        tries = 0
        while True:
            serial = self.rng.randrange(1_000_000)
            tries += 1
            if tries <= 64:  # the commune's own residue class (a huge demo may fill it: then any)
                serial = serial - serial % self.slots + self.slot
                if serial >= 1_000_000:
                    continue
            key = serial * 1000 + birth_year % 100 * 10 + (sex == "F")
            if key not in self.serials:
                self.serials.add(key)
                return id_numbers.make(self.place.id_province, birth_year, sex, serial)

    def birth(self, age_from: int, age_to: int) -> tuple[date | None, int]:
        year = self.year - self.rng.randint(age_from, age_to)
        if self.rng.random() < 0.04:  # old records: only the year is known
            return None, year
        start = date(year, 1, 1)
        return start + timedelta(days=self.rng.randrange(365)), year

    def name(self, style: NameStyle, sex: str, surname: str | None = None) -> str:
        r = self.rng
        surname = surname or r.choice(style.surnames)
        middle = r.choice(style.female_middle if sex == "F" else style.male_middle)
        given = r.choice(style.female_given if sex == "F" else style.male_given)
        return f"{surname} {middle} {given}"

    # -- building -------------------------------------------------------------------------

    def build(self, s: Session, households: int, progress: Progress | None) -> DemoSummary:
        summary = DemoSummary()
        conn = s.connection()
        villages = list(
            s.scalars(select(Village).where(Village.deleted.is_(False)).order_by(Village.sort_order))
        )
        commune = s.scalar(select(Commune))
        group_types = {t.code: t for t in s.scalars(select(GroupType))}
        meeting_types = {t.code: t for t in s.scalars(select(MeetingType))}
        assert commune is not None
        self._locate(commune)
        assert self.place is not None
        styles = {name: mix for name, mix in self.place.villages}
        other = self.place.villages[0][1]  # villages the plan does not name (a station set up by hand)

        people_by_village: dict[str, list[dict[str, Any]]] = {v.id: [] for v in villages}
        hh_rows: list[dict[str, Any]] = []
        person_rows: list[dict[str, Any]] = []
        commit_rows: list[dict[str, Any]] = []
        done = 0
        for n in range(households):
            village = villages[n % len(villages)]
            mix = styles.get(village.name, other)
            style = self.rng.choices([m[0] for m in mix], weights=[m[1] for m in mix])[0]
            hh, members = self.household(village, commune.code, n, style)
            hh_rows.append(hh)
            person_rows.extend(members)
            people_by_village[village.id].extend(members)
            commit_rows.append(self.commitment(hh, members))
            if len(person_rows) >= CHUNK:
                done += self._flush(conn, hh_rows, person_rows, commit_rows, summary)
                if progress and not progress(done, households):
                    raise Cancelled()
        done += self._flush(conn, hh_rows, person_rows, commit_rows, summary)
        if progress and not progress(done, households):
            raise Cancelled()

        self.groups(conn, villages, group_types, people_by_village, summary)
        self.meetings(conn, villages, meeting_types, people_by_village, summary)
        self.awards(conn, commune, villages, people_by_village, summary)
        return summary

    def _flush(
        self,
        conn: Any,
        hh_rows: list[dict[str, Any]],
        person_rows: list[dict[str, Any]],
        commit_rows: list[dict[str, Any]],
        summary: DemoSummary,
    ) -> int:
        count = len(hh_rows)
        _insert(conn, Household, hh_rows)
        _insert(conn, Person, person_rows)
        _insert(conn, Commitment, commit_rows)
        summary.households += count
        summary.persons += len(person_rows)
        summary.commitments += len(commit_rows)
        hh_rows.clear()
        person_rows.clear()
        commit_rows.clear()
        return count

    def household(
        self, village: Village, commune_code: str, n: int, style: NameStyle
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        r = self.rng
        hh_id = self.uid()
        head_sex = "M" if r.random() < 0.82 else "F"
        head_birth, head_year = self.birth(24, 82)
        surname = r.choice(style.surnames)
        members: list[dict[str, Any]] = []

        def person(name: str, sex: str, birth: tuple[date | None, int], relation: str) -> dict[str, Any]:
            bdate, byear = birth
            row = {
                "id": self.uid(),
                "household_id": hh_id,
                "full_name": name,
                "birth_date": bdate,
                "birth_year": byear,
                "sex": sex,
                "id_number": self.id_number(byear, sex),
                "ethnic_code": style.ethnic_code,
                "ethnic_code_system": ETHNIC_CODE_SYSTEM,
                "relation_to_head": relation,
                "phone": f"09{r.randrange(10**8):08d}"
                if self.year - byear >= 16 and r.random() < 0.6
                else "",
            }
            members.append(row)
            return row

        head = person(self.name(style, head_sex, surname), head_sex, (head_birth, head_year), "chủ hộ")
        # ≈4.5 persons a household: spouse, children, sometimes a parent.
        if r.random() < 0.85:
            spouse_sex = "F" if head_sex == "M" else "M"
            spouse_age = max(20, self.year - head_year + r.randint(-6, 3))
            person(
                self.name(style, spouse_sex),
                spouse_sex,
                self.birth(spouse_age, spouse_age),
                "vợ" if spouse_sex == "F" else "chồng",
            )
        children = r.choices([0, 1, 2, 3, 4, 5], weights=[6, 14, 36, 26, 12, 6])[0]
        head_age = self.year - head_year
        for _ in range(children):
            max_age = max(0, min(head_age - 18, 45))
            sex = r.choice("MF")
            child_surname = surname if head_sex == "M" else None
            person(self.name(style, sex, child_surname), sex, self.birth(0, max_age), "con")
        if head_age < 55 and r.random() < 0.3:
            sex = r.choice("MF")
            age = min(100, head_age + r.randint(22, 32))
            person(
                self.name(style, sex, surname if sex == "M" else None),
                sex,
                self.birth(age, age),
                "bố" if sex == "M" else "mẹ",
            )

        hamlet = village.name
        hh = {
            "id": hh_id,
            "village_id": village.id,
            "code": f"{commune_code}-{village.code}-{n + 1:05d}",
            "address": f"{hamlet}, {r.randint(1, 250)} {self.place.address_road}"  # type: ignore[union-attr]
            if r.random() < 0.2
            else hamlet,
            "head_person_id": head["id"],
            "head_name": head["full_name"],
            "phone": head["phone"],
            "poverty_status": r.choices(["", "ho_ngheo", "can_ngheo"], weights=[78, 12, 10])[0],
        }
        return hh, members

    def commitment(self, hh: dict[str, Any], members: list[dict[str, Any]]) -> dict[str, Any]:
        r = self.rng
        status = r.choices(["signed", "not_signed", "refused", "absent"], weights=[95, 2, 1.5, 1.5])[0]
        row: dict[str, Any] = {
            "id": self.uid(),
            "household_id": hh["id"],
            "year": self.year,
            "status": status,
        }
        if status == "signed":
            q1_end = min(self.today, date(self.year, 3, 31))
            span = max(1, (q1_end - date(self.year, 1, 5)).days)
            row["signed_on"] = date(self.year, 1, 5) + timedelta(days=r.randrange(span))
            row["signer_person_id"] = members[0]["id"]
            row["signer_name"] = members[0]["full_name"]
            row["form_number"] = f"{r.randrange(1, 9999):04d}/CK"
            if r.random() < 0.004:
                row["status"] = "broken"
                row["breach_on"] = row["signed_on"] + timedelta(days=r.randint(30, 200))
                row["breach_note"] = "Vi phạm quy định về trật tự công cộng, đã nhắc nhở"
        return row

    def groups(
        self,
        conn: Any,
        villages: Sequence[Village],
        types: dict[str, GroupType],
        people: dict[str, list[dict[str, Any]]],
        summary: DemoSummary,
    ) -> None:
        r = self.rng
        plan: list[tuple[str, str, Village | None]] = [
            ("to_bao_ve_antt", f"Tổ bảo vệ ANTT {v.name}", v) for v in villages
        ]
        plan += [
            ("to_hoa_giai", f"Tổ hòa giải {villages[0].name}", villages[0]),
            ("to_hoa_giai", f"Tổ hòa giải {villages[3 % len(villages)].name}", villages[3 % len(villages)]),
            ("camera_an_ninh", f"Mô hình camera an ninh trung tâm {self.word}", None),
            ("to_lien_gia_pccc", f"Tổ liên gia an toàn PCCC {villages[-1].name}", villages[-1]),
        ]
        group_rows, member_rows, service_rows = [], [], []
        founded_base = date(2024, 7, 1)
        for type_code, name, village in plan:
            gid = self.uid()
            founded = founded_base + timedelta(days=r.randrange(0, 240))
            attrs: dict[str, Any] = {}
            if type_code == "camera_an_ninh":
                attrs = {"cameras": r.randint(12, 40), "households_covered": r.randint(80, 300)}
            elif type_code == "to_lien_gia_pccc":
                attrs = {"households_covered": r.randint(5, 15), "extinguishers": r.randint(5, 15)}
            group_rows.append(
                {
                    "id": gid,
                    "type_id": types[type_code].id,
                    "name": name,
                    "village_id": village.id if village else None,
                    "founding_decision_no": f"{r.randint(10, 300)}/QĐ-UBND",
                    "founded_on": founded,
                    "managed_by": f"Công an {self.word}",
                    "attributes": attrs,
                }
            )
            pool = people[village.id] if village else [p for ps in people.values() for p in ps]
            adults = [p for p in pool if 18 <= self.year - p["birth_year"] <= 70]
            size = min(len(adults), r.randint(3, 6))
            for i, p in enumerate(r.sample(adults, size)):
                role = "to_truong" if i == 0 else "to_pho" if i == 1 else "to_vien"
                if type_code == "to_hoa_giai":
                    role = "to_truong" if i == 0 else "hoa_giai_vien"
                joined = founded + timedelta(days=r.randrange(0, 30))
                mid = self.uid()
                member_rows.append(
                    {
                        "id": mid,
                        "group_id": gid,
                        "person_id": p["id"],
                        "role": role,
                        "joined_on": joined,
                        "recognition_decision_no": f"{r.randint(10, 300)}/QĐ-UBND",
                        "education_level": r.choice(["THCS", "THPT", "Tiểu học", "THPT"]),
                    }
                )
                if type_code == "to_bao_ve_antt":
                    service_rows.append(
                        {
                            "id": self.uid(),
                            "person_id": p["id"],
                            "kind": "to_bao_ve_antt",
                            "membership_id": mid,
                            "started_on": joined,
                            "unit": name,
                            "hard_area": self.place.mountain,  # type: ignore[union-attr]
                        }
                    )
                    if r.random() < 0.4:  # earlier service as bảo vệ dân phố / part-time commune police
                        start = date(r.randint(2005, 2015), r.randint(1, 12), 1)
                        service_rows.append(
                            {
                                "id": self.uid(),
                                "person_id": p["id"],
                                "kind": r.choice(["bao_ve_dan_pho", "cong_an_xa_ban_chuyen_trach"]),
                                "started_on": start,
                                "ended_on": date(2024, 6, 30),
                                "unit": "Xã cũ trước sắp xếp",
                                "hard_area": self.place.mountain,  # type: ignore[union-attr]
                            }
                        )
            # One member left last year: history is kept, not deleted.
            if type_code == "to_bao_ve_antt" and len(adults) > size and r.random() < 0.5:
                p = r.choice([a for a in adults if a["id"] not in {m["person_id"] for m in member_rows}])
                member_rows.append(
                    {
                        "id": self.uid(),
                        "group_id": gid,
                        "person_id": p["id"],
                        "role": "to_vien",
                        "joined_on": founded,
                        "left_on": founded + timedelta(days=r.randint(60, 300)),
                        "leave_reason": "Chuyển nơi cư trú",
                    }
                )
        _insert(conn, Group, group_rows)
        _insert(conn, Membership, member_rows)
        _insert(conn, ServicePeriod, service_rows)
        summary.groups = len(group_rows)
        summary.memberships = len(member_rows)

    def meetings(
        self,
        conn: Any,
        villages: Sequence[Village],
        types: dict[str, MeetingType],
        people: dict[str, list[dict[str, Any]]],
        summary: DemoSummary,
    ) -> None:
        r = self.rng
        w = self.word
        mountain = self.place.mountain  # type: ignore[union-attr]
        topics = [
            (
                "Trộm cắp gia súc ban đêm ở khu vực giáp rừng, đề nghị tăng cường tuần tra"
                if mountain
                else "Trộm cắp xe máy ban đêm trong khu dân cư, đề nghị tăng cường tuần tra",
                "an_ninh_trat_tu",
            ),
            ("Xe tải chở gỗ chạy tốc độ cao qua trường học", "giao_thong"),
            (f"Có người lạ đến vận động tham gia đạo lạ, đề nghị Công an {w} kiểm tra", "an_ninh_trat_tu"),
            ("Tình trạng đánh bạc dịp cuối năm ở nhà văn hóa thôn", "te_nan_xa_hoi"),
            (
                f"Tranh chấp ranh giới đất{' nương' if mountain else ''} giữa hai hộ chưa được giải quyết",
                "tranh_chap",
            ),
            ("Thủ tục đăng ký cư trú còn chậm, đề nghị hướng dẫn cụ thể", "thai_do_can_bo"),
            ("Thanh niên tụ tập uống rượu, gây ồn ào sau 22 giờ", "an_ninh_trat_tu"),
            ("Lừa đảo qua mạng giả danh cán bộ ngân hàng", "an_ninh_trat_tu"),
            (
                "Đường vào bản sạt lở, đề nghị cắm biển cảnh báo"
                if mountain
                else "Đoạn đường hay ngập nước, đề nghị cắm biển cảnh báo",
                "giao_thong",
            ),
            (
                f"Nghi có người sử dụng trái phép chất ma túy ở khu {'lán nương' if mountain else 'nhà trọ'}",
                "te_nan_xa_hoi",
            ),
        ]
        # Three answers each: what was said at the meeting, and what came back later.
        answers = {
            True: [
                f"Công an {w} tiếp thu, sẽ bố trí tuần tra vào ban đêm.",
                f"Cán bộ Công an {w} hướng dẫn trực tiếp tại hội nghị, người dân đồng tình.",
                f"Công an {w} giải thích quy định của pháp luật, người dân đồng tình.",
            ],
            False: [
                f"Công an {w} đã bố trí tuần tra vào ban đêm.",
                f"Ủy ban nhân dân {w} đã xem xét, giải quyết theo thẩm quyền.",
                f"Công an {w} đã kiểm tra, xử lý và thông báo kết quả cho người dân.",
            ],
        }
        # Names, content and the attendance split come from a stream of their own (demo_minutes).
        mr = random.Random(f"meetings:{self.seed}")
        staff = officers(mr, self.place.villages[0][1][0][0])  # type: ignore[union-attr]
        order = [
            "lang_nghe_y_kien",
            "hop_thon",
            "tuyen_truyen_phap_luat",
            "mo_dot_van_dong",
            "giao_ban",
            "ngay_hoi_19_8",
        ]
        meeting_rows, opinion_rows = [], []
        last_day = max(self.today, date(self.year, 1, 15))
        span_days = (last_day - date(self.year, 1, 8)).days
        for i in range(30):
            code = order[i % len(order)] if i < 24 else r.choice(order[:3])
            mtype = types[code]
            village = villages[i % len(villages)]
            day = date(self.year, 1, 8) + timedelta(days=r.randrange(max(1, span_days)))
            if code == "ngay_hoi_19_8":
                day = min(date(self.year, 8, 19), last_day)
            start = datetime.combine(day, time(r.choice([8, 14, 19]), 0))
            attendees = r.randint(25, 120)
            mid = self.uid()
            commune_wide = code in ("mo_dot_van_dong", "ngay_hoi_19_8", "giao_ban")
            meeting_rows.append(
                {
                    "id": mid,
                    "type_id": mtype.id,
                    "title": f"{mtype.name} năm {self.year}"
                    + ("" if commune_wide else f" tại {village.name}"),
                    "doc_number": f"{i + 1:02d}/BB-CAX",
                    "starts_at": start,
                    "ends_at": start + timedelta(hours=2, minutes=r.choice([0, 15, 30])),
                    "place": f"Hội trường Ủy ban nhân dân {w}"
                    if commune_wide
                    else f"Nhà văn hóa {village.name}",
                    "village_ids": [] if commune_wide else [village.id],
                    "organisers": f"Công an {w} phối hợp Ủy ban Mặt trận Tổ quốc Việt Nam {w}",
                    "attendees_total": attendees,
                    "attendees_women": attendees * r.randint(30, 55) // 100,
                    "survey_sheets": attendees if code == "lang_nghe_y_kien" else 0,
                    "status": "final",
                    **minutes_fields(
                        mr,
                        code,
                        staff=staff,
                        word=w,
                        year=self.year,
                        village=village.name,
                        residents=people[village.id],
                        attendees=attendees,
                        sheets=attendees if code == "lang_nghe_y_kien" else 0,
                    ),
                }
            )
            for k in range(r.randint(0, 5) if code in ("lang_nghe_y_kien", "hop_thon") else r.randint(0, 2)):
                content, fld = r.choice(topics)
                speaker = r.choice(people[village.id]) if people[village.id] else None
                on_spot = r.random() < 0.45
                status = (
                    "answered"
                    if on_spot
                    else r.choices(["answered", "in_progress", "new", "closed"], [4, 2, 2, 2])[0]
                )
                row: dict[str, Any] = {
                    "id": self.uid(),
                    "meeting_id": mid,
                    "seq_no": k + 1,
                    "person_id": speaker["id"] if speaker else None,
                    "speaker_name": speaker["full_name"] if speaker else "",
                    "content": content,
                    "field": fld,
                    "answered_on_spot": on_spot,
                    "status": status,
                }
                if not on_spot:
                    row["forwarded_to"] = r.choice(
                        [
                            f"Ủy ban nhân dân {w}",
                            f"Công an {w}",
                            "Hạt Kiểm lâm" if mountain else "Đội Cảnh sát giao thông",
                        ]
                    )
                    row["due_on"] = day + timedelta(days=30)
                if status in ("answered", "closed"):
                    row["answer"] = r.choice(answers[on_spot])
                    row["answered_on"] = day if on_spot else day + timedelta(days=r.randint(3, 25))
                opinion_rows.append(row)
        # Minutes are numbered in the order they were held, as a register would have them.
        for n, row in enumerate(sorted(meeting_rows, key=lambda m: (m["starts_at"], m["id"])), start=1):
            row["doc_number"] = f"{n:02d}/BB-CAX"
        _insert(conn, Meeting, meeting_rows)
        _insert(conn, Opinion, opinion_rows)
        summary.meetings = len(meeting_rows)
        summary.opinions = len(opinion_rows)

    def awards(
        self,
        conn: Any,
        commune: Commune,
        villages: Sequence[Village],
        people: dict[str, list[dict[str, Any]]],
        summary: DemoSummary,
    ) -> None:
        r = self.rng
        decided = min(date(self.year, 8, 15), self.today)
        from ..domain import admin_units

        province = admin_units.province(commune.province_code)
        police = station_service.default_upper_level(province) if province else "Công an tỉnh"
        ngay_hoi = f"Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm {self.year}"
        decisions = [
            {
                "id": self.uid(),
                "number": f"{r.randint(100, 250)}",
                "symbol": "QĐ-UBND",
                "decided_on": decided,
                "authority": f"Ủy ban nhân dân {commune.name[:1].lower()}{commune.name[1:]}",
                "signer_title": "CHỦ TỊCH",
                "signer_name": self.place.chair_name,  # type: ignore[union-attr]
                "form": "giay_khen",
                "level": f"Chủ tịch Ủy ban nhân dân {self.word}",
                "occasion": ngay_hoi,
                "achievement": f"Đã có thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc năm {self.year}",
                "status": "issued",
                "commune_code": commune.code,
            },
            {
                "id": self.uid(),
                "number": f"{r.randint(1000, 3000)}",
                "symbol": "QĐ-CAT-PV01",
                "decided_on": decided - timedelta(days=5),
                "authority": police,
                "signer_title": "GIÁM ĐỐC",
                "signer_rank": "Đại tá",
                "signer_name": self.place.director_name,  # type: ignore[union-attr]
                "form": "giay_khen",
                "level": f"Giám đốc {police}",
                "occasion": ngay_hoi,
                "achievement": "Đã có thành tích xuất sắc trong xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc",
                "status": "issued",
                "commune_code": commune.code,
            },
        ]
        award_rows: list[dict[str, Any]] = []
        register = 1
        # Serials as issuing gives them (PREFIX-YEAR-NNNNN): the commune's own for the UBND's
        # decision, the province police's ("CA" + province code) for theirs.
        # The province's serials are shared by its communes: each demo commune takes a block of
        # ten of its own (by its place among the province's communes), so none is issued twice.
        counters: dict[str, int] = {f"CA{commune.province_code}": self.slot * 10}

        def serial(d: dict[str, Any]) -> str:
            prefix = commune.code if d["symbol"] == "QĐ-UBND" else f"CA{commune.province_code}"
            counters[prefix] = counters.get(prefix, 0) + 1
            return award_rules.format_serial(prefix, self.year, counters[prefix])

        for d, individuals, collectives in ((decisions[0], 6, 2), (decisions[1], 3, 1)):
            for v in r.sample(list(villages), collectives):
                award_rows.append(
                    {
                        "id": self.uid(),
                        "decision_id": d["id"],
                        "recipient_kind": "village",
                        "village_id": v.id,
                        "recipient_name": f"Nhân dân và cán bộ {v.name}",
                        "register_no": f"{register:03d}/{self.year}",
                        "verification_code": serial(d),
                    }
                )
                register += 1
            pool = [p for ps in people.values() for p in ps if 25 <= self.year - p["birth_year"] <= 70]
            for p in r.sample(pool, min(individuals, len(pool))):
                award_rows.append(
                    {
                        "id": self.uid(),
                        "decision_id": d["id"],
                        "recipient_kind": "person",
                        "person_id": p["id"],
                        "recipient_name": p["full_name"],
                        "register_no": f"{register:03d}/{self.year}",
                        "verification_code": serial(d),
                    }
                )
                register += 1
        _insert(conn, AwardDecision, decisions)
        _insert(conn, Award, award_rows)
        summary.award_decisions = len(decisions)
        summary.awards = len(award_rows)


def _insert(conn: Any, model: type, rows: list[dict[str, Any]]) -> None:
    """Bulk insert new travelling rows, stamped by the storage layer's clock."""
    if not rows:
        return
    if hasattr(model, "__search_fields__"):
        hidden = column_crypto.hidden_search_fields(conn)
        for row in rows:
            row["search_key"] = row_search_key(model, row, hidden)
    table = model.__table__  # type: ignore[attr-defined]
    # executemany needs the same keys in every row: fill the model's defaults.
    keys = set().union(*rows)
    defaults = {c.name: c.default.arg for c in table.columns if c.default is not None and c.default.is_scalar}
    for row in rows:
        for k in keys:
            row.setdefault(k, defaults.get(k))
    stamp_rows(conn, rows)
    conn.execute(insert(table), rows)
