"""The default report computed from a commune built with known numbers, on SQLite and PostgreSQL.

Every indicator of ``resources/reports/bao_cao_phong_trao.json`` is checked for
a year and for a quarter, under the 15/12–14/12 convention; records sit on both
sides of each period's boundaries so an off-by-one day shows. The drill-down
of every count indicator returns exactly as many records as the figure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from antq_desktop.services import assessments as asm
from antq_desktop.services import awards as aw
from antq_desktop.services import commitments as cm
from antq_desktop.services import groups as gr
from antq_desktop.services import households as hh
from antq_desktop.services import meetings as mt
from antq_desktop.services import reports as rp
from antq_desktop.services import results as rs
from antq_desktop.services import station as station_service
from antq_desktop.services.errors import UserError
from antq_desktop.storage.database import Database
from antq_desktop.storage.migrate import upgrade
from antq_desktop.storage.models import HouseholdEvent

LATER = date(2027, 1, 31)  # "today" for records dated after the real today


@pytest.fixture(scope="module")
def pg_template(pg_server, setup_request: Callable[..., station_service.SetupRequest]) -> Iterator[str]:
    url = pg_server.create()
    database = Database(url)
    upgrade(database)
    station_service.initialise(database, setup_request())
    database.dispose()
    yield make_url(url).database
    pg_server.drop(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest) -> Iterator[Database]:
    """A set-up station: a SQLite file, or (ANTQ_TEST_PG_URL set) a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield request.getfixturevalue("station").db
        return
    server = request.getfixturevalue("pg_server")
    url = server.create(template=request.getfixturevalue("pg_template"))
    database = Database(url)
    yield database
    database.dispose()
    server.drop(url)


def village(db: Database, name: str) -> str:
    return next(vid for vid, n in hh.villages(db) if n == name)


def household(db: Database, village_name: str, head: str) -> tuple[str, str]:
    hid = hh.save_household(db, hh.HouseholdDraft(village_id=village(db, village_name)))
    pid = hh.save_person(db, hid, hh.PersonDraft(full_name=head, relation_to_head="Chủ hộ", birth_year=1970))
    return hid, pid


def build_commune(db: Database) -> dict[str, str]:
    """The commune with known numbers (see the expected values below)."""
    ids: dict[str, str] = {}
    # Households: Nà Mạ 4, Pác Bó 3, Đông Đình 3; 9 signed 2026 (one broke it), 1 refused.
    houses = {
        "Thôn Nà Mạ": ["Hoàng Văn Một", "Nông Thị Hai", "Lý Văn Ba", "Đàm Thị Bốn"],
        "Bản Pác Bó": ["Triệu Văn Năm", "Lục Thị Sáu", "Bế Văn Bảy"],
        "Xóm Đông Đình": ["Ma Văn Tám", "Hà Thị Chín", "Vi Văn Mười"],
    }
    made: dict[str, list[str]] = {}
    for vname, heads in houses.items():
        for head in heads:
            hid, pid = household(db, vname, head)
            made.setdefault(vname, []).append(hid)
            ids[head] = pid
    signed = [*made["Thôn Nà Mạ"], *made["Bản Pác Bó"][:2], *made["Xóm Đông Đình"]]
    cm.mark(db, signed, 2026, cm.Mark("signed", signed_on=date(2026, 2, 10)))
    cm.mark(db, made["Bản Pác Bó"][2:], 2026, cm.Mark("refused"))
    cm.mark(
        db,
        made["Thôn Nà Mạ"][:1],
        2026,
        cm.Mark("broken", breach_on=date(2026, 5, 1), breach_note="Đánh bạc"),
    )
    cm.mark(db, made["Bản Pác Bó"][2:], 2025, cm.Mark("signed", signed_on=date(2025, 2, 1)))  # another year
    gone, _ = household(db, "Thôn Nà Mạ", "Người Đã Chuyển")
    cm.mark(db, [gone], 2026, cm.Mark("signed", signed_on=date(2026, 2, 10)))
    hh.delete_households(db, [gone])
    # The register's history, not the day the test runs: every household entered in January 2025,
    # the one that moved away deleted in March 2026 (figures count as of a period's end).
    with db.session() as s:
        for e in s.scalars(select(HouseholdEvent).where(HouseholdEvent.kind.in_(("created", "deleted")))):
            e.happened_on = date(2026, 3, 1) if e.kind == "deleted" else date(2025, 1, 15)

    # Assessments 2026: all registered; Nà Mạ recognised, Đông Đình proposed, Pác Bó (2/3 signed) not yet.
    every = {c["code"]: True for c in asm.criteria(db)}
    m_self = mt.save_meeting(
        db,
        mt.MeetingDraft(
            type_id=mt.meeting_type_by_code(db, "hop_thon").id,
            title="Họp tự đánh giá",
            starts_at=datetime(2026, 10, 20, 8),
            attendees_total=30,
        ),
    )
    ids["self_meeting"] = m_self
    ids["assessment"] = asm.save_assessment(
        db,
        asm.AssessmentDraft(
            village(db, "Thôn Nà Mạ"),
            2026,
            registered=True,
            registered_on=date(2026, 2, 1),
            criteria=every,
            meeting_id=m_self,
            result="recognised",
            decision_number="25/QĐ-UBND",
            decision_on=date(2026, 11, 10),
        ),
    )
    asm.save_assessment(
        db,
        asm.AssessmentDraft(
            village(db, "Xóm Đông Đình"), 2026, registered=True, criteria=every, result="proposed"
        ),
    )
    asm.save_assessment(db, asm.AssessmentDraft(village(db, "Bản Pác Bó"), 2026, registered=True))

    # Groups: a team since 2024 (2 persons + 1 outside), cameras from 01/07 (12) and 01/10 (7).
    types = {t.code: t.id for t in gr.list_group_types(db)}
    team = gr.save_group(
        db,
        gr.GroupDraft(
            type_id=types["to_bao_ve_antt"],
            name="Tổ bảo vệ ANTT thôn Nà Mạ",
            village_id=village(db, "Thôn Nà Mạ"),
            founded_on=date(2024, 7, 15),
        ),
    )
    for head, role in (("Hoàng Văn Một", "to_truong"), ("Nông Thị Hai", "to_vien")):
        gr.add_member(
            db, gr.MemberDraft(group_id=team, person_id=ids[head], role=role, joined_on=date(2024, 7, 15))
        )
    gr.add_member(
        db, gr.MemberDraft(group_id=team, outside_name="Triệu Văn Đạt", joined_on=date(2024, 7, 15))
    )
    cam = gr.save_group(
        db,
        gr.GroupDraft(
            type_id=types["camera_an_ninh"],
            name="Camera Nà Mạ",
            founded_on=date(2026, 7, 1),
            attributes={"cameras": 12},
        ),
    )
    gr.add_member(
        db, gr.MemberDraft(group_id=cam, person_id=ids["Hoàng Văn Một"], joined_on=date(2026, 7, 1))
    )
    gr.save_group(
        db,
        gr.GroupDraft(
            type_id=types["camera_an_ninh"],
            name="Camera Pác Bó",
            founded_on=date(2026, 10, 1),
            attributes={"cameras": 7},
        ),
    )

    # Meetings: 20/12/2025 (year), 10/07 (Q3), 20/09 (after Q3), 15/12/2026 (next year).
    def meeting(code: str, when: datetime, people: int, sheets: int = 0) -> str:
        return mt.save_meeting(
            db,
            mt.MeetingDraft(
                type_id=mt.meeting_type_by_code(db, code).id,
                title=f"Hội nghị {code}",
                starts_at=when,
                attendees_total=people,
                survey_sheets=sheets,
            ),
        )

    m1 = meeting("lang_nghe_y_kien", datetime(2025, 12, 20, 8), 80, 75)
    m2 = meeting("lang_nghe_y_kien", datetime(2026, 7, 10, 8), 45, 40)
    meeting("tuyen_truyen_phap_luat", datetime(2026, 9, 20, 19), 120)
    meeting("hop_thon", datetime(2026, 12, 15, 8), 999)
    mt.add_opinion(
        db,
        m1,
        mt.OpinionDraft(content="Trộm chó", speaker_name="Ông A", answered_on_spot=True, answer="Tuần tra."),
    )
    mt.add_opinion(db, m2, mt.OpinionDraft(content="Đất", speaker_name="Bà B", forwarded_to="UBND xã"))
    mt.add_opinion(
        db,
        m2,
        mt.OpinionDraft(
            content="Ma túy",
            speaker_name="Ông C",
            status="answered",
            answer="Đã xử lý.",
            answered_on=date(2026, 8, 1),
        ),
    )

    # Items handed in.
    na_ma = village(db, "Thôn Nà Mạ")
    for day, kind, qty in (
        (date(2026, 1, 10), "sung_tu_che", 2),
        (date(2026, 7, 5), "sung_quan_dung", 1),
        (date(2026, 8, 20), "dan", 150),
        (date(2026, 8, 21), "luu_dan", 2),
        (date(2026, 3, 3), "vat_lieu_no", 1.5),
        (date(2026, 9, 1), "vu_khi_tho_so", 5),
        (date(2026, 2, 2), "phao", 3.2),
        (date(2026, 7, 30), "cong_cu_ho_tro", 4),
        (date(2025, 12, 14), "sung_the_thao", 9),  # the day before the year starts
    ):
        rs.save(db, rs.HandedInDraft(day, kind, qty, village_id=na_ma))
    deleted = rs.save(db, rs.HandedInDraft(date(2026, 7, 7), "sung_khac", 100))
    rs.delete(db, "handed_in", deleted)
    # Tips, surrenders, mediations.
    for day, led in (
        (date(2025, 12, 15), True),
        (date(2026, 7, 1), False),
        (date(2026, 9, 14), True),
        (date(2026, 12, 15), True),
    ):
        rs.save(db, rs.TipDraft(day, "ma_tuy", village_id=na_ma, led_to_case=led), today=LATER)
    rs.save(db, rs.SurrenderDraft(date(2026, 4, 4), persons=2))
    rs.save(db, rs.SurrenderDraft(date(2026, 8, 8), persons=1))
    rs.save(db, rs.MediationDraft(date(2026, 6, 15), successful=True, village_id=na_ma))
    rs.save(db, rs.MediationDraft(date(2026, 6, 14), successful=False))
    ids["mediation_oct"] = rs.save(db, rs.MediationDraft(date(2026, 10, 10), successful=True))

    # Awards: issued GK 19/08 (2 persons + 1 village), BK 15/01, KNC 01/10; a draft GK counts for nothing.
    def decision(
        number: str, day: date, form: str, level: str | None = None, issue: bool = True, **rec: str
    ) -> str:
        d = aw.new_decision(db, form=form, year=day.year)
        d.number, d.decided_on, d.signer_name = number, day, "Nông Văn Thành"
        if level:
            d.level = level
        did = aw.save_decision(db, d)
        drafts = [
            aw.RecipientDraft(did, "individual", name=n, info="Thôn Nà Mạ")
            for n in rec.get("names", "").split(",")
            if n
        ]
        if rec.get("village"):
            drafts.append(aw.RecipientDraft(did, "village", village_id=rec["village"]))
        aw.add_recipients(db, drafts)
        if issue:
            aw.issue_decision(db, did)
        return did

    decision("15", date(2026, 8, 19), "giay_khen", names="Lò Văn Páo,Vàng A Sính", village=na_ma)
    decision(
        "3",
        date(2026, 1, 15),
        "bang_khen",
        level="Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng",
        names="Bế Văn Bảy",
    )
    decision("40", date(2026, 10, 1), "ky_niem_chuong", names="Ma Văn Tám")
    decision("16", date(2026, 8, 1), "giay_khen", issue=False, names="Người Nháp")
    return ids


LEVEL_XA = "Chủ tịch Ủy ban nhân dân xã Quảng Lâm"
LEVEL_TINH = "Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng"
BASE = {
    "households.total": 10,
    "households.signed": 9,
    "households.signed_pct": 90.0,
    "villages.total": 3,
    "villages.registered": 3,
    "villages.recognised": 1,
    "villages.recognised_pct": 33.33,
    # Typed by hand (none in this commune): 0, and their share 0.
    "units.registered": 0,
    "units.recognised": 0,
    "units.recognised_pct": 0.0,
}
YEAR = {
    **BASE,
    "models.types": 2,
    "models.groups": 3,
    "models.new_groups": 2,
    "models.members": 3,
    "models.cameras": 19,
    "models.camera_cases": 0,
    "meetings.total": 4,  # 20/12/2025, 10/07, 20/09, and the self-assessment meeting of 20/10
    "meetings.listening": 2,
    "meetings.listening_attendances": 125,
    "meetings.attendances": 275,
    "meetings.opinions_received": 3,
    "meetings.opinions_answered": 2,
    "meetings.survey_sheets": 115,
    "handed_in.guns": 3,
    "handed_in.sung_quan_dung": 1,
    "handed_in.sung_the_thao": 0,
    "handed_in.sung_tu_che": 2,
    "handed_in.sung_khac": 0,
    "handed_in.dan": 150,
    "handed_in.luu_dan": 2,
    "handed_in.vat_lieu_no": 1.5,
    "handed_in.vu_khi_tho_so": 5,
    "handed_in.phao": 3.2,
    "handed_in.cong_cu_ho_tro": 4,
    "handed_in.parts": 0,
    "tips.total": 3,
    "tips.led_to_case": 2,
    "surrenders.persons": 3,
    "mediations.total": 3,
    "mediations.successful": 2,
    "reintegration.helped": 0,
    "awards.total": 5,
    "awards.collective": 1,
    "awards.individual": 4,
    "awards.giay_khen": 3,
    "awards.bang_khen": 1,
    "awards.ky_niem_chuong": 1,
    "awards.ky_niem_chuong_bien_phong": 0,
    "awards.thu_khen": 0,
    "crimes.count": 0,
    "crimes.previous": 0,
    "crimes.change_pct": 0.0,
    "key_areas.transformed": 0,
}
Q3 = {
    **BASE,
    "models.types": 2,
    "models.groups": 2,
    "models.new_groups": 1,
    "models.members": 3,
    "models.cameras": 12,
    "models.camera_cases": 0,
    "meetings.total": 1,
    "meetings.listening": 1,
    "meetings.listening_attendances": 45,
    "meetings.attendances": 45,
    "meetings.opinions_received": 2,
    "meetings.opinions_answered": 1,
    "meetings.survey_sheets": 40,
    "handed_in.guns": 1,
    "handed_in.sung_quan_dung": 1,
    "handed_in.sung_the_thao": 0,
    "handed_in.sung_tu_che": 0,
    "handed_in.sung_khac": 0,
    "handed_in.dan": 150,
    "handed_in.luu_dan": 2,
    "handed_in.vat_lieu_no": 0,
    "handed_in.vu_khi_tho_so": 5,
    "handed_in.phao": 0,
    "handed_in.cong_cu_ho_tro": 4,
    "handed_in.parts": 0,
    "tips.total": 2,
    "tips.led_to_case": 1,
    "surrenders.persons": 1,
    "mediations.total": 1,
    "mediations.successful": 1,
    "reintegration.helped": 0,
    "awards.total": 3,
    "awards.collective": 1,
    "awards.individual": 2,
    "awards.giay_khen": 3,
    "awards.bang_khen": 0,
    "awards.ky_niem_chuong": 0,
    "awards.ky_niem_chuong_bien_phong": 0,
    "awards.thu_khen": 0,
    "crimes.count": 0,
    "crimes.previous": 0,
    "crimes.change_pct": 0.0,
    "key_areas.transformed": 0,
}
# Indicators whose figure is a sum over records, not a count of them.
SUMS = {
    "households.signed_pct",
    "villages.recognised_pct",
    "models.types",
    "models.members",
    "models.cameras",
    "meetings.attendances",
    "meetings.listening_attendances",
    "meetings.survey_sheets",
    "surrenders.persons",
    "units.recognised_pct",
    "crimes.change_pct",
}


def test_every_indicator_of_the_default_report_for_a_year_and_a_quarter(db: Database) -> None:
    build_commune(db)
    rp.set_convention(db, "dec15")
    definition = rp.load_definition()
    assert {i.code for i in definition.indicators} == set(YEAR) == set(Q3)

    year = rp.compute(db, "2026")
    assert (year.period.start, year.period.end) == (date(2025, 12, 15), date(2026, 12, 14))
    assert year.values() == YEAR
    by = {f.indicator.code: f for f in year.figures}
    assert by["awards.giay_khen"].breakdown == ((LEVEL_XA, 3),)
    assert by["awards.bang_khen"].breakdown == ((LEVEL_TINH, 1),)

    q3 = rp.compute(db, "2026-Q3")
    assert (q3.period.start, q3.period.end) == (date(2026, 6, 15), date(2026, 9, 14))
    assert q3.values() == Q3
    assert {f.indicator.code: f for f in q3.figures}["awards.bang_khen"].breakdown == ()

    # Drill-down: a count indicator has exactly as many records behind it as its figure says.
    for report, expected in ((year, YEAR), (q3, Q3)):
        for code, value in expected.items():
            rows = rp.drill(db, report.period, code)
            if code in SUMS:
                continue
            if code.startswith("handed_in."):
                assert sum(r.value or 0 for r in rows) == pytest.approx(value), code
            else:
                assert len(rows) == value, (report.period.code, code, rows)
    sums = {
        "meetings.attendances": lambda rows: sum(r.value for r in rows),
        "models.cameras": lambda rows: sum(r.value for r in rows),
        "surrenders.persons": lambda rows: sum(r.value for r in rows),
    }
    for code, total in sums.items():
        assert total(rp.drill(db, year.period, code)) == YEAR[code], code
    assert len(rp.drill(db, year.period, "models.members")) == 4  # memberships; 3 distinct people


def test_the_calendar_convention_moves_the_boundaries(station) -> None:
    db = station.db
    build_commune(db)
    rp.set_convention(db, "calendar")
    year = rp.compute(db, "2026")
    assert (year.period.start, year.period.end) == (date(2026, 1, 1), date(2026, 12, 31))
    # 15/12/2025 tip and 20/12/2025 meeting fall out; 15/12/2026 ones come in.
    assert year.value("tips.total") == 3 and year.value("tips.led_to_case") == 2
    assert year.value("meetings.total") == 4 and year.value("meetings.attendances") == 120 + 45 + 999 + 30
    assert year.value("handed_in.sung_the_thao") == 0
    month = rp.compute(db, "2026-07")
    assert (month.period.start, month.period.end) == (date(2026, 7, 1), date(2026, 7, 31))
    assert month.value("handed_in.guns") == 1 and month.value("tips.total") == 1


@pytest.mark.parametrize(
    ("text", "convention", "start", "end", "label"),
    [
        ("2026", "dec15", date(2025, 12, 15), date(2026, 12, 14), "năm 2026"),
        ("2026-H1", "dec15", date(2025, 12, 15), date(2026, 6, 14), "6 tháng đầu năm 2026"),
        ("2026-h2", "dec15", date(2026, 6, 15), date(2026, 12, 14), "6 tháng cuối năm 2026"),
        ("2026-Q1", "dec15", date(2025, 12, 15), date(2026, 3, 14), "quý I năm 2026"),
        ("2026-Q3", "dec15", date(2026, 6, 15), date(2026, 9, 14), "quý III năm 2026"),
        ("2026-01", "dec15", date(2025, 12, 15), date(2026, 1, 14), "tháng 1 năm 2026"),
        ("2026-07", "dec15", date(2026, 6, 15), date(2026, 7, 14), "tháng 7 năm 2026"),
        ("2026-02", "calendar", date(2026, 2, 1), date(2026, 2, 28), "tháng 2 năm 2026"),
        ("2024-02", "calendar", date(2024, 2, 1), date(2024, 2, 29), "tháng 2 năm 2024"),
        ("2026-Q4", "calendar", date(2026, 10, 1), date(2026, 12, 31), "quý IV năm 2026"),
    ],
)
def test_periods(text: str, convention: str, start: date, end: date, label: str) -> None:
    p = rp.parse_period(text, convention)
    assert (p.start, p.end, p.label) == (start, end, label)


@pytest.mark.parametrize("text", ["", "26", "2026-Q5", "2026-13", "2026-H3", "1999", "2026/07", "2026-7"])
def test_bad_periods_are_one_sentence(text: str) -> None:
    with pytest.raises(UserError) as err:
        rp.parse_period(text)
    assert err.value.vi.endswith(".") and "\n" not in err.value.vi


def test_a_definition_with_an_unknown_computation_is_refused() -> None:
    with pytest.raises(UserError, match="cách tính không biết"):
        rp.definition_from_dict(
            {
                "code": "x",
                "indicators": [{"code": "a", "compute": {"source": "households", "measure": "nope"}}],
            }
        )
    with pytest.raises(UserError, match="trùng mã"):
        rp.definition_from_dict(
            {
                "code": "x",
                "indicators": [
                    {"code": "a", "compute": {"source": "tips", "measure": "count"}},
                    {"code": "a", "compute": {"source": "tips", "measure": "count"}},
                ],
            }
        )


def test_a_report_marked_sent_stores_its_figures_and_travels(station) -> None:
    db = station.db
    build_commune(db)
    rp.set_convention(db, "dec15")
    sid = rp.mark_sent(db, "2026-Q3", sent_by="admin", now=datetime(2026, 9, 20, 10))
    [row] = rp.submissions(db)
    assert row.id == sid and row.period == "2026-Q3" and row.commune_code == "01304"
    assert {i["code"]: i["value"] for i in row.figures["indicators"]} == Q3
    assert row.sent_at == datetime(2026, 9, 20, 10) and not row.locked
    # Sending again replaces the figures of the same period (one row; a new version travels).
    rs.save(db, rs.TipDraft(date(2026, 8, 1)))
    assert rp.mark_sent(db, "2026-Q3") == sid
    [row] = rp.submissions(db)
    assert {i["code"]: i["value"] for i in row.figures["indicators"]}["tips.total"] == 3
    from antq_desktop.storage.models import ReportSubmission

    with db.session() as s:
        sub = s.get(ReportSubmission, sid)
        assert sub.change_seq > 0 and sub.version and sub.origin_site


def test_a_year_is_assessed_against_the_70_percent_threshold(station) -> None:
    db = station.db
    build_commune(db)
    summary = asm.commune_summary(db, 2026)
    assert (summary.villages, summary.registered, summary.recognised, summary.percent) == (3, 3, 1, 33.33)
    assert summary.all_registered and not summary.meets_threshold and summary.needed == 3
