"""The demo's self-managed groups: one ANTT team a village and a few other models, members, service."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ...storage.models import Group, GroupType, Membership, ServicePeriod, Village
from .common import DemoSummary, People, Resident, insert_rows

if TYPE_CHECKING:
    from .builder import DemoBuilder


def write_groups(
    b: DemoBuilder,
    conn: Any,
    villages: Sequence[Village],
    types: dict[str, GroupType],
    people: People,
    summary: DemoSummary,
) -> None:
    r = b.rng
    plan: list[tuple[str, str, Village | None]] = [
        ("to_bao_ve_antt", f"Tổ bảo vệ ANTT {v.name}", v) for v in villages
    ]
    plan += [
        ("to_hoa_giai", f"Tổ hòa giải {villages[0].name}", villages[0]),
        ("to_hoa_giai", f"Tổ hòa giải {villages[3 % len(villages)].name}", villages[3 % len(villages)]),
        ("camera_an_ninh", f"Mô hình camera an ninh trung tâm {b.word}", None),
        ("to_lien_gia_pccc", f"Tổ liên gia an toàn PCCC {villages[-1].name}", villages[-1]),
    ]
    group_rows: list[dict[str, Any]] = []
    member_rows: list[dict[str, Any]] = []
    service_rows: list[dict[str, Any]] = []
    founded_base = date(2024, 7, 1)
    for type_code, name, village in plan:
        gid = b.uid()
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
                "managed_by": f"Công an {b.word}",
                "attributes": attrs,
            }
        )
        pool = people[village.id] if village else [p for ps in people.values() for p in ps]
        _members(b, (gid, type_code, name, founded), pool, member_rows, service_rows)
    insert_rows(conn, Group, group_rows)
    insert_rows(conn, Membership, member_rows)
    insert_rows(conn, ServicePeriod, service_rows)
    summary.groups = len(group_rows)
    summary.memberships = len(member_rows)


def _members(
    b: DemoBuilder,
    group: tuple[str, str, str, date],
    pool: list[Resident],
    member_rows: list[dict[str, Any]],
    service_rows: list[dict[str, Any]],
) -> None:
    """3–6 adult members of the group; an ANTT team's also get their service periods, and one who
    left (history is kept, not deleted)."""
    r = b.rng
    gid, type_code, name, founded = group
    adults = [p for p in pool if 18 <= b.year - p["birth_year"] <= 70]
    size = min(len(adults), r.randint(3, 6))
    for i, p in enumerate(r.sample(adults, size)):
        role = "to_truong" if i == 0 else "to_pho" if i == 1 else "to_vien"
        if type_code == "to_hoa_giai":
            role = "to_truong" if i == 0 else "hoa_giai_vien"
        joined = founded + timedelta(days=r.randrange(0, 30))
        mid = b.uid()
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
            _service(b, p, mid, joined, name, service_rows)
    # One member left last year: history is kept, not deleted.
    if type_code == "to_bao_ve_antt" and len(adults) > size and r.random() < 0.5:
        p = r.choice([a for a in adults if a["id"] not in {m["person_id"] for m in member_rows}])
        member_rows.append(
            {
                "id": b.uid(),
                "group_id": gid,
                "person_id": p["id"],
                "role": "to_vien",
                "joined_on": founded,
                "left_on": founded + timedelta(days=r.randint(60, 300)),
                "leave_reason": "Chuyển nơi cư trú",
            }
        )


def _service(
    b: DemoBuilder, p: Resident, mid: str, joined: date, name: str, service_rows: list[dict[str, Any]]
) -> None:
    """An ANTT team member's service period, and sometimes an earlier one."""
    r = b.rng
    service_rows.append(
        {
            "id": b.uid(),
            "person_id": p["id"],
            "kind": "to_bao_ve_antt",
            "membership_id": mid,
            "started_on": joined,
            "unit": name,
            "hard_area": b.place.mountain,  # type: ignore[union-attr]
        }
    )
    if r.random() < 0.4:  # earlier service as bảo vệ dân phố / part-time commune police
        start = date(r.randint(2005, 2015), r.randint(1, 12), 1)
        service_rows.append(
            {
                "id": b.uid(),
                "person_id": p["id"],
                "kind": r.choice(["bao_ve_dan_pho", "cong_an_xa_ban_chuyen_trach"]),
                "started_on": start,
                "ended_on": date(2024, 6, 30),
                "unit": "Xã cũ trước sắp xếp",
                "hard_area": b.place.mountain,  # type: ignore[union-attr]
            }
        )
