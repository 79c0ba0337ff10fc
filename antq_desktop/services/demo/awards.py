"""The demo's awards: the commune's and the province police's decisions of the year and their recipients."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ...domain import admin_units, award_rules
from ...storage.models import Award, AwardDecision, Commune, Village
from .. import station as station_service
from .common import DemoSummary, People, insert_rows

if TYPE_CHECKING:
    from .builder import DemoBuilder


def _decisions(b: DemoBuilder, commune: Commune) -> list[dict[str, Any]]:
    """The commune chair's decision and the province police director's, both issued."""
    r = b.rng
    decided = min(date(b.year, 8, 15), b.today)
    province = admin_units.province(commune.province_code)
    police = station_service.default_upper_level(province) if province else "Công an tỉnh"
    ngay_hoi = f"Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm {b.year}"
    return [
        {
            "id": b.uid(),
            "number": f"{r.randint(100, 250)}",
            "symbol": "QĐ-UBND",
            "decided_on": decided,
            "authority": f"Ủy ban nhân dân {commune.name[:1].lower()}{commune.name[1:]}",
            "signer_title": "CHỦ TỊCH",
            "signer_name": b.place.chair_name,  # type: ignore[union-attr]
            "form": "giay_khen",
            "level": f"Chủ tịch Ủy ban nhân dân {b.word}",
            "occasion": ngay_hoi,
            "achievement": f"Đã có thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc năm {b.year}",
            "status": "issued",
            "commune_code": commune.code,
        },
        {
            "id": b.uid(),
            "number": f"{r.randint(1000, 3000)}",
            "symbol": "QĐ-CAT-PV01",
            "decided_on": decided - timedelta(days=5),
            "authority": police,
            "signer_title": "GIÁM ĐỐC",
            "signer_rank": "Đại tá",
            "signer_name": b.place.director_name,  # type: ignore[union-attr]
            "form": "giay_khen",
            "level": f"Giám đốc {police}",
            "occasion": ngay_hoi,
            "achievement": "Đã có thành tích xuất sắc trong xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc",
            "status": "issued",
            "commune_code": commune.code,
        },
    ]


def write_awards(
    b: DemoBuilder,
    conn: Any,
    commune: Commune,
    villages: Sequence[Village],
    people: People,
    summary: DemoSummary,
) -> None:
    r = b.rng
    decisions = _decisions(b, commune)
    award_rows: list[dict[str, Any]] = []
    register = 1
    # Serials as issuing gives them (PREFIX-YEAR-NNNNN): the commune's own for the UBND's
    # decision, the province police's ("CA" + province code) for theirs.
    # The province's serials are shared by its communes: each demo commune takes a block of
    # ten of its own (by its place among the province's communes), so none is issued twice.
    counters: dict[str, int] = {f"CA{commune.province_code}": b.slot * 10}

    def serial(d: dict[str, Any]) -> str:
        prefix = commune.code if d["symbol"] == "QĐ-UBND" else f"CA{commune.province_code}"
        counters[prefix] = counters.get(prefix, 0) + 1
        return award_rules.format_serial(prefix, b.year, counters[prefix])

    for d, individuals, collectives in ((decisions[0], 6, 2), (decisions[1], 3, 1)):
        for v in r.sample(list(villages), collectives):
            award_rows.append(
                {
                    "id": b.uid(),
                    "decision_id": d["id"],
                    "recipient_kind": "village",
                    "village_id": v.id,
                    "recipient_name": f"Nhân dân và cán bộ {v.name}",
                    "register_no": f"{register:03d}/{b.year}",
                    "verification_code": serial(d),
                }
            )
            register += 1
        pool = [p for ps in people.values() for p in ps if 25 <= b.year - p["birth_year"] <= 70]
        for p in r.sample(pool, min(individuals, len(pool))):
            award_rows.append(
                {
                    "id": b.uid(),
                    "decision_id": d["id"],
                    "recipient_kind": "person",
                    "person_id": p["id"],
                    "recipient_name": p["full_name"],
                    "register_no": f"{register:03d}/{b.year}",
                    "verification_code": serial(d),
                }
            )
            register += 1
    insert_rows(conn, AwardDecision, decisions)
    insert_rows(conn, Award, award_rows)
    summary.award_decisions = len(decisions)
    summary.awards = len(award_rows)
