"""The demo's meetings of the year: 30 meetings of six kinds with their minutes, and the opinions raised."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from ...storage.models import Meeting, MeetingType, Opinion, Village
from ..demo_minutes import minutes_fields, officers
from .common import DemoSummary, People, insert_rows

if TYPE_CHECKING:
    from .builder import DemoBuilder


def _topics(w: str, mountain: bool) -> list[tuple[str, str]]:
    """What residents raise: (content, field)."""
    return [
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


def _answers(w: str) -> dict[bool, list[str]]:
    """Three answers each: what was said at the meeting (True), and what came back later."""
    return {
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


def write_meetings(
    b: DemoBuilder,
    conn: Any,
    villages: Sequence[Village],
    types: dict[str, MeetingType],
    people: People,
    summary: DemoSummary,
) -> None:
    r = b.rng
    w = b.word
    mountain = b.place.mountain  # type: ignore[union-attr]
    topics = _topics(w, mountain)
    answers = _answers(w)
    # Names, content and the attendance split come from a stream of their own (demo_minutes).
    mr = random.Random(f"meetings:{b.seed}")
    staff = officers(mr, b.place.villages[0][1][0][0])  # type: ignore[union-attr]
    order = [
        "lang_nghe_y_kien",
        "hop_thon",
        "tuyen_truyen_phap_luat",
        "mo_dot_van_dong",
        "giao_ban",
        "ngay_hoi_19_8",
    ]
    meeting_rows, opinion_rows = [], []
    last_day = max(b.today, date(b.year, 1, 15))
    span_days = (last_day - date(b.year, 1, 8)).days
    for i in range(30):
        code = order[i % len(order)] if i < 24 else r.choice(order[:3])
        mtype = types[code]
        village = villages[i % len(villages)]
        day = date(b.year, 1, 8) + timedelta(days=r.randrange(max(1, span_days)))
        if code == "ngay_hoi_19_8":
            day = min(date(b.year, 8, 19), last_day)
        start = datetime.combine(day, time(r.choice([8, 14, 19]), 0))
        attendees = r.randint(25, 120)
        mid = b.uid()
        commune_wide = code in ("mo_dot_van_dong", "ngay_hoi_19_8", "giao_ban")
        meeting_rows.append(
            {
                "id": mid,
                "type_id": mtype.id,
                "title": f"{mtype.name} năm {b.year}" + ("" if commune_wide else f" tại {village.name}"),
                "doc_number": f"{i + 1:02d}/BB-CAX",
                "starts_at": start,
                "ends_at": start + timedelta(hours=2, minutes=r.choice([0, 15, 30])),
                "place": f"Hội trường Ủy ban nhân dân {w}" if commune_wide else f"Nhà văn hóa {village.name}",
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
                    year=b.year,
                    village=village.name,
                    residents=people[village.id],
                    attendees=attendees,
                    sheets=attendees if code == "lang_nghe_y_kien" else 0,
                ),
            }
        )
        opinion_rows += _opinions(b, code, mid, day, people[village.id], topics, answers)
    # Minutes are numbered in the order they were held, as a register would have them.
    for n, row in enumerate(sorted(meeting_rows, key=lambda m: (m["starts_at"], m["id"])), start=1):
        row["doc_number"] = f"{n:02d}/BB-CAX"
    insert_rows(conn, Meeting, meeting_rows)
    insert_rows(conn, Opinion, opinion_rows)
    summary.meetings = len(meeting_rows)
    summary.opinions = len(opinion_rows)


def _opinions(
    b: DemoBuilder,
    code: str,
    mid: str,
    day: date,
    residents: list[Any],
    topics: list[tuple[str, str]],
    answers: dict[bool, list[str]],
) -> list[dict[str, Any]]:
    """The opinions raised at one meeting, by its residents."""
    r, w, mountain = b.rng, b.word, b.place.mountain  # type: ignore[union-attr]
    opinion_rows: list[dict[str, Any]] = []
    for k in range(r.randint(0, 5) if code in ("lang_nghe_y_kien", "hop_thon") else r.randint(0, 2)):
        content, fld = r.choice(topics)
        speaker = r.choice(residents) if residents else None
        on_spot = r.random() < 0.45
        status = (
            "answered"
            if on_spot
            else r.choices(["answered", "in_progress", "new", "closed"], [4, 2, 2, 2])[0]
        )
        row: dict[str, Any] = {
            "id": b.uid(),
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
    return opinion_rows
