"""Meetings, opinions, the tracker, figures and drafts against a real SQLite file."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest

from antq_desktop.services import households as hh
from antq_desktop.services import meetings as mt
from antq_desktop.services import station as station_service
from antq_desktop.services.errors import UserError


def village(db, name: str) -> str:
    return next(vid for vid, n in hh.villages(db) if n == name)


def person(db, name: str, village_name: str = "Thôn Nà Mạ", sex: str = "M") -> str:
    hid = hh.save_household(db, hh.HouseholdDraft(village_id=village(db, village_name)))
    return hh.save_person(db, hid, hh.PersonDraft(full_name=name, sex=sex, relation_to_head="Chủ hộ"))


def type_id(db, code: str) -> str:
    return mt.meeting_type_by_code(db, code).id


def meeting(db, code: str = "lang_nghe_y_kien", day: datetime = datetime(2026, 3, 12, 8), **kw) -> str:
    values = {"type_id": type_id(db, code), "title": f"Hội nghị {code}", "starts_at": day, **kw}
    return mt.save_meeting(db, mt.MeetingDraft(**values))


def one_sentence(err: pytest.ExceptionInfo[UserError]) -> str:
    text = err.value.vi
    assert "\n" not in text and text.endswith(".") and text[0].isupper(), text
    return text


# -- types ------------------------------------------------------------------------------------


def test_builtin_types_have_templates_and_local_types_can_be_added(station):
    db = station.db
    types = mt.meeting_types(db)
    codes = [t.code for t in types]
    assert codes[:3] == ["lang_nghe_y_kien", "hop_thon", "tuyen_truyen_phap_luat"]
    assert "ngay_hoi_19_8" in codes
    listening = types[0]
    assert "phiếu khảo sát" in listening.minutes_template and not listening.custom_template
    assert all(t.minutes_template for t in types)

    tid = mt.save_meeting_type(
        db, mt.MeetingTypeDraft(name="Họp tổ tự quản về ANTT", minutes_template="1. Việc A.")
    )
    local = next(t for t in mt.meeting_types(db) if t.id == tid)
    assert (local.code, local.source, local.minutes_template) == (
        "local_hop_to_tu_quan_ve_antt",
        "local",
        "1. Việc A.",
    )
    assert mt.meeting_types(db)[-1].id == tid  # local additions after the built-in ones
    with pytest.raises(UserError, match="Đã có") as err:
        mt.save_meeting_type(db, mt.MeetingTypeDraft(name="họp tổ tự quản về antt"))
    one_sentence(err)
    with pytest.raises(UserError, match="có sẵn"):
        mt.save_meeting_type(db, mt.MeetingTypeDraft(id=listening.id, name="Tên khác"))
    # A built-in type's minutes text can be the commune's own, and back to the default.
    mt.save_meeting_type(
        db, mt.MeetingTypeDraft(id=listening.id, name=listening.name, minutes_template="Riêng.")
    )
    assert mt.meeting_type_by_code(db, "lang_nghe_y_kien").minutes_template == "Riêng."
    mt.save_meeting_type(db, mt.MeetingTypeDraft(id=listening.id, name=listening.name))
    assert mt.meeting_type_by_code(db, "lang_nghe_y_kien") == listening
    mt.save_meeting_type(db, mt.MeetingTypeDraft(id=tid, name="Họp tổ tự quản về ANTT", active=False))
    assert tid not in [t.id for t in mt.meeting_types(db)]
    assert tid in [t.id for t in mt.meeting_types(db, include_inactive=True)]


def test_a_new_meeting_form_is_prefilled_for_its_type(station):
    db = station.db
    vid = village(db, "Thôn Nà Mạ")
    d = mt.new_meeting(
        db, type_id(db, "lang_nghe_y_kien"), starts_at=datetime(2026, 3, 12, 8), village_ids=[vid]
    )
    assert d.title == "Hội nghị “Công an lắng nghe ý kiến Nhân dân” năm 2026 tại thôn Nà Mạ"
    assert d.organisers == "Công an xã Quảng Lâm phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam xã Quảng Lâm"
    assert d.place == "Nhà văn hóa thôn Nà Mạ" and d.village_ids == [vid]
    assert d.presented == mt.default_template("lang_nghe_y_kien")
    wide = mt.new_meeting(db, type_id(db, "giao_ban"), starts_at=datetime(2026, 1, 5, 14))
    assert (wide.organisers, wide.village_ids) == ("Công an xã Quảng Lâm", [])
    assert wide.place == "Hội trường Ủy ban nhân dân xã Quảng Lâm"


# -- meetings ---------------------------------------------------------------------------------


def test_save_and_read_back_a_meeting_with_attendees_from_the_register(station):
    db = station.db
    duc = person(db, "Nông Văn Đức")
    vid = village(db, "Bản Pác Bó")
    mid = meeting(
        db,
        village_ids=[vid],
        ends_at=datetime(2026, 3, 12, 10, 30),
        place="Nhà văn hóa bản Pác Bó",
        chair="Thiếu tá Hoàng Văn Nam - Trưởng Công an xã",
        secretary="Trung úy Lục Thị Hằng",
        guests="Ông Đinh Văn Thắng - Chủ tịch UBMTTQ xã",
        attendees_total=60,
        attendees_delegates=8,
        attendees_residents=52,
        attendees_women=25,
        survey_sheets=50,
        conclusions="Thống nhất.",
        attendees=[mt.AttendeeLine(person_id=duc, role="Nhân dân"), mt.AttendeeLine(name="Hà Thị Mai")],
    )
    d = mt.get_meeting(db, mid)
    m = d.meeting
    assert (m.attendees_total, m.attendees_delegates, m.attendees_women, m.survey_sheets) == (60, 8, 25, 50)
    assert d.area == "Bản Pác Bó" and d.type_code == "lang_nghe_y_kien" and not d.deleted
    assert [(a.name, a.person_id, a.role) for a in m.attendees] == [
        ("Nông Văn Đức", duc, "Nhân dân"),
        ("Hà Thị Mai", None, ""),
    ]
    # The form's list replaces the attendees; dropped ones are tombstoned, not deleted.
    m.attendees = [mt.AttendeeLine(name="Hà Thị Mai")]
    mt.save_meeting(db, m)
    assert [a.name for a in mt.get_meeting(db, mid).meeting.attendees] == ["Hà Thị Mai"]
    con = sqlite3.connect(station.db.path)
    assert con.execute("SELECT count(*), sum(deleted) FROM meeting_attendee").fetchone() == (2, 1)


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"starts_at": None}, "bắt đầu"),
        ({"ends_at": datetime(2026, 3, 12, 7)}, "kết thúc"),
        ({"title": "  "}, "trích yếu"),
        ({"type_id": ""}, "loại hội nghị"),
        (
            {"attendees_total": 10, "attendees_delegates": 4, "attendees_residents": 7},
            "cộng lại là 11.*hãy sửa",
        ),
        ({"attendees_total": 0, "attendees_delegates": 4}, r"tổng số người tham dự \(0\)"),
        ({"attendees_total": 10, "attendees_women": 11}, "Số nữ"),
        ({"attendees_total": -1}, "số âm"),
        ({"village_ids": ["no-such-village"]}, "địa bàn"),
        (
            {"attendees_total": 1, "attendees": [mt.AttendeeLine(name="A"), mt.AttendeeLine(name="B")]},
            "2 người",
        ),
    ],
)
def test_a_meeting_that_cannot_be_right_is_refused_with_one_sentence(station, changes, words):
    values = {
        "type_id": type_id(station.db, "hop_thon"),
        "title": "Họp thôn",
        "starts_at": datetime(2026, 3, 12, 8),
    }
    values.update(changes)
    with pytest.raises(UserError, match=words) as err:
        mt.save_meeting(station.db, mt.MeetingDraft(**values))
    one_sentence(err)
    assert mt.count_meetings(station.db, mt.MeetingQuery()) == 0


def test_meeting_and_opinions_are_saved_in_one_transaction(station):
    db = station.db
    d = mt.MeetingDraft(
        type_id=type_id(db, "hop_thon"),
        title="Họp thôn",
        starts_at=datetime(2026, 3, 12, 8),
        opinions=[mt.OpinionDraft(content="Đường sạt lở", speaker_name="Ông A"), mt.OpinionDraft(content="")],
    )
    with pytest.raises(UserError, match="nội dung ý kiến"):
        mt.save_meeting(db, d)
    con = sqlite3.connect(station.db.path)
    assert (
        con.execute("SELECT (SELECT count(*) FROM meeting) + (SELECT count(*) FROM opinion)").fetchone()[0]
        == 0
    )
    d.opinions = d.opinions[:1] + [
        mt.OpinionDraft(content="Trộm gia súc", speaker_name="Bà B", field="an_ninh_trat_tu")
    ]
    mid = mt.save_meeting(db, d)
    saved = mt.get_meeting(db, mid).meeting
    assert [(o.seq_no, o.content) for o in saved.opinions] == [(1, "Đường sạt lở"), (2, "Trộm gia súc")]
    # Dropping one from the form's list tombstones it; order is renumbered.
    saved.opinions = saved.opinions[1:]
    mt.save_meeting(db, saved)
    assert [(o.seq_no, o.content) for o in mt.get_meeting(db, mid).meeting.opinions] == [(1, "Trộm gia súc")]


def test_the_meeting_list_filters_pages_and_searches_without_diacritics(station):
    db = station.db
    na_ma, dong_dinh = village(db, "Thôn Nà Mạ"), village(db, "Xóm Đông Đình")
    a = meeting(db, "hop_thon", datetime(2026, 2, 1, 8), village_ids=[na_ma], place="Nhà văn hóa thôn Nà Mạ")
    b = meeting(
        db, "hop_thon", datetime(2026, 4, 1, 8), village_ids=[dong_dinh], place="Nhà ông Đặng Văn Đông"
    )
    c = meeting(db, "giao_ban", datetime(2026, 6, 1, 8))
    d = meeting(db, "giao_ban", datetime(2025, 6, 1, 8))
    q = mt.MeetingQuery
    assert [r.id for r in mt.list_meetings(db, q(year=2026))] == [c, b, a]  # newest first
    assert mt.count_meetings(db, q(year=2026)) == 3
    assert [r.id for r in mt.list_meetings(db, q(year=2026), offset=1, limit=1)] == [b]
    assert [r.id for r in mt.list_meetings(db, q(type_id=type_id(db, "giao_ban")))] == [c, d]
    assert [r.id for r in mt.list_meetings(db, q(village_id=na_ma))] == [a]
    assert [r.id for r in mt.list_meetings(db, q(village_id=mt.COMMUNE_WIDE))] == [c, d]
    assert [r.id for r in mt.list_meetings(db, q(search="dang van dong"))] == [b]
    assert [r.id for r in mt.list_meetings(db, q(search="ĐÔNG"))] == [b]
    assert [r.id for r in mt.list_meetings(db, q(start=date(2026, 2, 1), end=date(2026, 4, 1)))] == [b, a]
    row = mt.list_meetings(db, q(village_id=mt.COMMUNE_WIDE, year=2026))[0]
    assert row.area == "Toàn xã" and row.to_dict()["starts_at"] == "2026-06-01T08:00"
    mt.delete_meetings(db, [a])
    assert mt.count_meetings(db, q(year=2026)) == 2
    assert [r.id for r in mt.list_meetings(db, q(deleted=True))] == [a]
    mt.restore_meetings(db, [a])
    assert mt.count_meetings(db, q(year=2026)) == 3


# -- opinions ---------------------------------------------------------------------------------


def test_an_opinion_lives_from_new_to_closed_and_illegal_moves_are_refused(station):
    db = station.db
    mid = meeting(db)
    speaker = person(db, "Đàm Thị Đào", sex="F")
    oid = mt.add_opinion(
        db,
        mid,
        mt.OpinionDraft(
            content="Tranh chấp ranh giới đất nương",
            person_id=speaker,
            field="tranh_chap",
            forwarded_to="Ủy ban nhân dân xã",
            due_on=date(2026, 4, 15),
        ),
    )
    o = mt.get_opinion(db, oid)
    assert (o.status, o.speaker_name, o.seq_no) == ("new", "Đàm Thị Đào", 1)
    with pytest.raises(UserError, match="đã trả lời") as err:
        mt.set_opinion_status(db, oid, "closed")
    one_sentence(err)
    mt.set_opinion_status(db, oid, "in_progress")
    with pytest.raises(UserError, match="trả lời"):
        mt.set_opinion_status(db, oid, "answered")  # no answer given
    mt.set_opinion_status(
        db, oid, "answered", answer="Ủy ban nhân dân xã đã hòa giải thành.", answered_on=date(2026, 4, 10)
    )
    assert (mt.get_opinion(db, oid).status, mt.get_opinion(db, oid).answered_on) == (
        "answered",
        date(2026, 4, 10),
    )
    for illegal in ("new",):
        with pytest.raises(UserError, match="Không thể chuyển") as err:
            mt.set_opinion_status(db, oid, illegal)
        one_sentence(err)
    mt.set_opinion_status(db, oid, "closed")
    assert mt.get_opinion(db, oid).status == "closed"
    for illegal in ("new", "answered"):
        with pytest.raises(UserError, match="Không thể chuyển"):
            mt.set_opinion_status(db, oid, illegal)
    with pytest.raises(UserError, match="không hợp lệ"):
        mt.set_opinion_status(db, oid, "lost")
    # The citizen was not satisfied: reopened, the answer date goes, the answer text stays.
    mt.set_opinion_status(db, oid, "in_progress")
    again = mt.get_opinion(db, oid)
    assert (again.status, again.answered_on, again.answer) == (
        "in_progress",
        None,
        "Ủy ban nhân dân xã đã hòa giải thành.",
    )
    assert set(mt.TRANSITIONS["new"]) == {"in_progress", "answered"}


def test_an_opinion_answered_on_the_spot_is_answered_on_the_meeting_day(station):
    db = station.db
    mid = meeting(db, day=datetime(2026, 3, 12, 8))
    oid = mt.add_opinion(
        db,
        mid,
        mt.OpinionDraft(
            content="Xe chạy nhanh", speaker_name="Ông A", answered_on_spot=True, answer="Sẽ tuần tra"
        ),
    )
    o = mt.get_opinion(db, oid)
    assert (o.status, o.answered_on) == ("answered", date(2026, 3, 12))
    with pytest.raises(UserError, match="trả lời"):
        mt.add_opinion(db, mid, mt.OpinionDraft(content="Ồn ào", speaker_name="Bà B", answered_on_spot=True))
    with pytest.raises(UserError, match="người phát biểu"):
        mt.add_opinion(db, mid, mt.OpinionDraft(content="Ồn ào"))
    with pytest.raises(UserError, match="lĩnh vực"):
        mt.add_opinion(db, mid, mt.OpinionDraft(content="Ồn ào", speaker_name="Bà B", field="karaoke"))
    with pytest.raises(UserError, match="Hạn trả lời"):
        mt.add_opinion(
            db, mid, mt.OpinionDraft(content="Ồn ào", speaker_name="Bà B", due_on=date(2026, 3, 1))
        )


def test_overdue_is_computed_from_the_due_date_as_of_a_day(station):
    db = station.db
    mid = meeting(db, day=datetime(2026, 3, 12, 8))
    late = mt.add_opinion(
        db,
        mid,
        mt.OpinionDraft(
            content="Tranh chấp đất", speaker_name="Ông A", forwarded_to="UBND xã", due_on=date(2026, 4, 15)
        ),
    )
    mt.add_opinion(db, mid, mt.OpinionDraft(content="Không hạn", speaker_name="Bà B"))
    on_time = mt.add_opinion(
        db, mid, mt.OpinionDraft(content="Đèn đường hỏng", speaker_name="Ông C", due_on=date(2026, 4, 15))
    )
    mt.set_opinion_status(db, on_time, "answered", answer="Đã sửa.", answered_on=date(2026, 4, 14))

    def overdue(day: date) -> list[str]:
        return [r.id for r in mt.fetch_opinions(db, mt.OpinionQuery(overdue=True, as_of=day))]

    assert overdue(date(2026, 4, 15)) == []  # the due day itself is not late
    assert overdue(date(2026, 4, 16)) == [late]
    assert mt.overdue_opinion_count(db, date(2026, 4, 16)) == 1
    assert mt.open_opinion_count(db, date(2026, 4, 16)) == 2
    rows = {r.id: r for r in mt.fetch_opinions(db, mt.OpinionQuery(as_of=date(2026, 4, 16)))}
    assert rows[late].overdue and not rows[on_time].overdue
    mt.set_opinion_status(db, late, "answered", answer="Đã hòa giải.", answered_on=date(2026, 4, 20))
    assert overdue(date(2026, 4, 30)) == []
    # Looking back at 16/04 the answer had not come yet.
    assert mt.figures(db, date(2026, 3, 1), date(2026, 4, 16)).opinions_overdue == 1
    assert mt.open_opinion_count(db, date(2026, 4, 30)) == 1


def test_the_tracker_filters_across_meetings(station):
    db = station.db
    m1 = meeting(db, "hop_thon", datetime(2026, 2, 1, 8))
    m2 = meeting(db, "lang_nghe_y_kien", datetime(2026, 5, 1, 8))
    a = mt.add_opinion(
        db,
        m1,
        mt.OpinionDraft(content="Thanh niên đua xe", speaker_name="Ông Đỗ Văn Đạt", field="giao_thong"),
    )
    b = mt.add_opinion(
        db, m2, mt.OpinionDraft(content="Đánh bạc ở nhà văn hóa", speaker_name="Bà Hà", field="te_nan_xa_hoi")
    )
    c = mt.add_opinion(
        db, m2, mt.OpinionDraft(content="Cấp căn cước chậm", speaker_name="Ông Lò", field="thai_do_can_bo")
    )
    mt.set_opinion_status(db, c, "answered", answer="Đã hướng dẫn.", answered_on=date(2026, 5, 2))
    q = mt.OpinionQuery
    assert [r.id for r in mt.fetch_opinions(db, q())] == [b, c, a]  # newest meeting first, in order
    assert [r.id for r in mt.fetch_opinions(db, q(status="open"))] == [b, a]
    assert [r.id for r in mt.fetch_opinions(db, q(status="answered"))] == [c]
    assert [r.id for r in mt.fetch_opinions(db, q(field="giao_thong"))] == [a]
    assert [r.id for r in mt.fetch_opinions(db, q(search="do van dat"))] == [a]
    assert [r.id for r in mt.fetch_opinions(db, q(search="danh bac"))] == [b]
    assert [r.id for r in mt.fetch_opinions(db, q(meeting_id=m2), offset=1, limit=5)] == [c]
    assert mt.count_opinions(db, q(status="open")) == 2
    row = mt.fetch_opinions(db, q(field="te_nan_xa_hoi"))[0]
    assert (row.field_label, row.status_label, row.meeting_day) == ("Tệ nạn xã hội", "Mới", date(2026, 5, 1))
    assert row.to_dict()["meeting_day"] == "2026-05-01"
    # A deleted meeting takes its opinions out of the tracker and the reminder; restoring brings them back.
    mt.delete_meetings(db, [m2])
    assert [r.id for r in mt.fetch_opinions(db, q())] == [a]
    assert mt.open_opinion_count(db) == 1
    mt.restore_meetings(db, [m2])
    assert mt.open_opinion_count(db) == 2
    mt.delete_opinion(db, a)
    assert mt.open_opinion_count(db) == 1 and [r.id for r in mt.fetch_opinions(db, q(deleted=True))] == [a]
    mt.restore_opinion(db, a)
    assert mt.open_opinion_count(db) == 2


# -- figures ----------------------------------------------------------------------------------


def test_figures_for_a_period(station):
    db = station.db
    m1 = meeting(db, "lang_nghe_y_kien", datetime(2025, 12, 15, 8), attendees_total=80, survey_sheets=75)
    m2 = meeting(db, "lang_nghe_y_kien", datetime(2026, 6, 2, 14), attendees_total=45, survey_sheets=40)
    meeting(db, "tuyen_truyen_phap_luat", datetime(2026, 12, 14, 19), attendees_total=120)
    meeting(db, "hop_thon", datetime(2026, 12, 15, 8), attendees_total=999)  # the next period
    gone = meeting(db, "hop_thon", datetime(2026, 3, 1, 8), attendees_total=500)
    mt.delete_meetings(db, [gone])
    spot = mt.OpinionDraft(
        content="Trộm chó", speaker_name="Ông A", answered_on_spot=True, answer="Tuần tra."
    )
    mt.add_opinion(db, m1, spot)
    fwd = mt.OpinionDraft(
        content="Đất",
        speaker_name="Bà B",
        field="tranh_chap",
        forwarded_to="UBND xã",
        due_on=date(2026, 7, 1),
    )
    mt.add_opinion(db, m2, fwd)
    mt.add_opinion(db, m2, mt.OpinionDraft(content="Ma túy", speaker_name="Ông C", field="te_nan_xa_hoi"))

    f = mt.figures(db, date(2025, 12, 15), date(2026, 12, 14))
    assert (f.meetings, f.attendances, f.survey_sheets) == (3, 245, 115)
    assert (f.opinions_received, f.opinions_answered, f.opinions_open, f.opinions_overdue) == (3, 1, 2, 1)
    assert (f.opinions_answered_on_spot, f.opinions_forwarded) == (1, 1)
    by_type = {t.code: t for t in f.by_type}
    assert (by_type["lang_nghe_y_kien"].meetings, by_type["lang_nghe_y_kien"].attendances) == (2, 125)
    assert by_type["lang_nghe_y_kien"].opinions == 3
    assert by_type["tuyen_truyen_phap_luat"].attendances == 120
    assert by_type["hop_thon"].meetings == 0
    d = f.to_dict()
    assert d["meetings"] == 3 and d["attendances"] == 245 and d["opinions_overdue"] == 1
    fields = {x["code"]: x["opinions"] for x in d["by_field"]}
    assert fields == {
        "an_ninh_trat_tu": 1,
        "giao_thong": 0,
        "te_nan_xa_hoi": 1,
        "tranh_chap": 1,
        "thai_do_can_bo": 0,
        "khac": 0,
    }
    # Stable keys: an empty period has the same shape, every type and field at 0.
    empty = mt.figures(db, date(2020, 1, 1), date(2020, 12, 31)).to_dict()
    assert list(empty) == list(d)
    assert [t["code"] for t in empty["by_type"]] == [t["code"] for t in d["by_type"]]
    assert empty["meetings"] == 0 and all(t["meetings"] == 0 for t in empty["by_type"])
    with pytest.raises(UserError, match="cuối kỳ"):
        mt.figures(db, date(2026, 2, 1), date(2026, 1, 1))


# -- drafts -----------------------------------------------------------------------------------


def test_drafts_survive_closing_and_reopening_the_station(station):
    db = station.db
    mid = meeting(db, "hop_thon")
    form = mt.new_meeting(db, type_id(db, "lang_nghe_y_kien"), starts_at=datetime(2026, 3, 12, 8, 30))
    form.chair = "Thiếu tá Hoàng Văn Nam"
    form.attendees = [mt.AttendeeLine(name="Đàm Thị Đào")]
    form.opinions = [mt.OpinionDraft(content="Đường sạt lở", speaker_name="Ông Đức", due_on=date(2026, 4, 1))]
    mt.save_draft(db, None, form, now=datetime(2026, 3, 12, 9))
    mt.save_draft(
        db, mid, {"title": "Họp thôn (đang sửa)", "conclusions": "Chưa xong"}, now=datetime(2026, 3, 12, 10)
    )

    station.close()
    reopened = station_service.open_station(station.data_dir)
    try:
        db = reopened.db
        back = mt.meeting_from_fields(mt.load_draft(db, None))
        assert back == form  # dates, lists and nested opinions come back as they were
        assert mt.load_draft(db, mid) == {"title": "Họp thôn (đang sửa)", "conclusions": "Chưa xong"}
        assert [(d.meeting_id, d.title) for d in mt.list_drafts(db)] == [
            (mid, "Họp thôn (đang sửa)"),
            (None, form.title),
        ]
        # Saving the meeting discards its draft in the same transaction.
        new_id = mt.save_meeting(db, back)
        assert mt.load_draft(db, None) is None
        assert mt.get_meeting(db, new_id).meeting.opinions[0].due_on == date(2026, 4, 1)
        mt.discard_draft(db, mid)
        assert mt.load_draft(db, mid) is None and mt.list_drafts(db) == []
    finally:
        reopened.close()
