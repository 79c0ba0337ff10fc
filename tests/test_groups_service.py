"""Groups, rosters, the Tổ bảo vệ ANTT checks, service years and report figures against a real SQLite file."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from antq_desktop.services import groups as gr
from antq_desktop.services import households as hh
from antq_desktop.services.errors import UserError

DECISION = date(2026, 1, 10)


def _village(station, name: str = "Thôn Nà Mạ") -> str:
    return next(vid for vid, n in hh.villages(station.db) if n == name)


def _person(station, name: str, *, village: str = "Thôn Nà Mạ", **birth) -> str:
    hid = hh.save_household(station.db, hh.HouseholdDraft(village_id=_village(station, village)))
    return hh.save_person(station.db, hid, hh.PersonDraft(full_name=name, relation_to_head="Chủ hộ", **birth))


def _type(station, code: str) -> gr.GroupTypeInfo:
    return next(t for t in gr.list_group_types(station.db) if t.code == code)


def _team(station, name: str = "Tổ bảo vệ ANTT thôn Nà Mạ", village: str | None = "Thôn Nà Mạ", **kw) -> str:
    return gr.save_group(
        station.db,
        gr.GroupDraft(
            type_id=_type(station, "to_bao_ve_antt").id,
            name=name,
            village_id=_village(station, village) if village else None,
            founding_decision_no="12/QĐ-UBND",
            founded_on=kw.pop("founded_on", DECISION),
            **kw,
        ),
    )


def _member(station, group_id: str, person_id: str, role: str = "to_vien", **kw) -> str:
    kw.setdefault("joined_on", DECISION)
    return gr.add_member(station.db, gr.MemberDraft(group_id=group_id, person_id=person_id, role=role, **kw))


def _sql(station, query: str, *args):
    con = sqlite3.connect(station.db.path)
    try:
        return con.execute(query, args).fetchall()
    finally:
        con.close()


# -- group types ------------------------------------------------------------------------------


def test_shipped_types_carry_roles_and_attributes_and_a_local_type_can_be_added(station):
    team = _type(station, "to_bao_ve_antt")
    assert team.is_team and [r.name for r in team.roles] == ["Tổ trưởng", "Tổ phó", "Tổ viên"]
    camera = _type(station, "camera_an_ninh")
    assert ("cameras", "int") in [(a.key, a.type) for a in camera.attributes]

    tid = gr.save_group_type(
        station.db,
        gr.GroupTypeDraft(
            name="Mô hình \u201cCamera phòng chống tội phạm\u201d",
            category="camera",
            attributes=[
                {"key": "cameras", "label": "Số camera", "kind": "int"},
                {"label": "Đơn vị lắp đặt", "kind": "text"},
            ],
        ),
    )
    local = gr.get_group_type(station.db, tid)
    assert local.source == "local" and local.code.startswith("local_")
    assert [a.to_dict() for a in local.attributes] == [
        {"key": "cameras", "label": "Số camera", "type": "int"},
        {"key": "don_vi_lap_dat", "label": "Đơn vị lắp đặt", "type": "text"},
    ]
    assert [r.code for r in local.roles] == ["to_truong", "to_pho", "to_vien"]
    with pytest.raises(UserError, match="Kiểu của thông tin"):
        gr.save_group_type(
            station.db, gr.GroupTypeDraft(name="Mô hình X", attributes=[{"label": "A", "kind": "float"}])
        )
    with pytest.raises(UserError, match="đã có loại"):
        gr.save_group_type(station.db, gr.GroupTypeDraft(name="mô hình camera AN NINH"))

    gr.set_group_type_active(station.db, tid, False)
    assert tid not in [t.id for t in gr.list_group_types(station.db)]
    assert tid in [t.id for t in gr.list_group_types(station.db, include_inactive=True)]
    with pytest.raises(UserError, match="ngừng sử dụng"):
        gr.save_group(station.db, gr.GroupDraft(type_id=tid, name="Điểm camera chợ"))


def test_a_shipped_type_only_takes_extra_attributes(station):
    t = _type(station, "to_an_ninh_tu_quan")
    gr.save_group_type(
        station.db,
        gr.GroupTypeDraft(
            id=t.id,
            name=t.name,
            category=t.category,
            attributes=[{"key": "cameras", "label": "Số camera", "type": "int"}],
        ),
    )
    assert [a.key for a in gr.get_group_type(station.db, t.id).attributes] == ["cameras"]
    with pytest.raises(UserError, match="chỉ được thêm thông tin"):
        gr.save_group_type(station.db, gr.GroupTypeDraft(id=t.id, name="Tên khác", category=t.category))


def test_a_role_held_by_current_members_cannot_be_removed(station):
    tid = gr.save_group_type(
        station.db,
        gr.GroupTypeDraft(name="Tổ tuần tra", roles=[{"name": "Đội trưởng"}, {"name": "Đội viên"}]),
    )
    gid = gr.save_group(station.db, gr.GroupDraft(type_id=tid, name="Tổ tuần tra số 1"))
    gr.add_member(station.db, gr.MemberDraft(group_id=gid, outside_name="Vi Văn Đạo", role="doi_vien"))
    with pytest.raises(UserError, match="Đội viên"):
        gr.save_group_type(
            station.db, gr.GroupTypeDraft(id=tid, name="Tổ tuần tra", roles=[{"name": "Đội trưởng"}])
        )
    with pytest.raises(UserError, match="Chức danh không có"):
        gr.add_member(station.db, gr.MemberDraft(group_id=gid, outside_name="Vi Thị Đua", role="to_vien"))


# -- groups -----------------------------------------------------------------------------------


def test_attributes_are_checked_against_the_type_and_ints_stay_ints(station):
    camera = _type(station, "camera_an_ninh")
    gid = gr.save_group(
        station.db,
        gr.GroupDraft(
            type_id=camera.id,
            name="Mô hình camera an ninh bản Pác Bó",
            village_id=_village(station, "Bản Pác Bó"),
            attributes={"cameras": "1.270", "households_covered": 45},
        ),
    )
    assert gr.get_group(station.db, gid).group.attributes == {"cameras": 1270, "households_covered": 45}
    stored = json.loads(_sql(station, "SELECT attributes FROM antq_group WHERE id = ?", gid)[0][0])
    assert stored == {"cameras": 1270, "households_covered": 45}
    for bad, match in (
        ({"cameras": "mười"}, "số nguyên"),
        ({"cameras": -1}, "số nguyên"),
        ({"cameras": True}, "số nguyên"),
    ):
        with pytest.raises(UserError, match=match):
            gr.save_group(station.db, gr.GroupDraft(type_id=camera.id, name="X", attributes=bad))
    with pytest.raises(UserError, match="không có thông tin"):
        gr.save_group(station.db, gr.GroupDraft(type_id=camera.id, name="X", attributes={"drones": 2}))
    with pytest.raises(UserError, match="Hãy nhập ngày"):
        gr.save_group(station.db, gr.GroupDraft(type_id=camera.id, name="X", status="dissolved"))


def test_list_filters_by_type_village_status_and_folded_search_and_deletes_are_soft(station):
    team = _team(station)
    camera = gr.save_group(
        station.db,
        gr.GroupDraft(
            type_id=_type(station, "camera_an_ninh").id,
            name="Camera chợ Đông Đình",
            attributes={"cameras": 4},
        ),
    )
    pid = _person(station, "Đặng Văn Đức", birth_date=date(1980, 5, 2))
    _member(station, team, pid, "to_truong")
    gr.add_member(
        station.db, gr.MemberDraft(group_id=team, outside_name="Triệu Văn Đạt", outside_birth_year=1985)
    )

    rows = gr.list_groups(station.db)
    assert [r.id for r in rows] == [team, camera]  # catalogue order
    assert (rows[0].members, rows[0].outside_members) == (2, 1)
    assert json.loads(json.dumps([r.to_dict() for r in rows]))[1]["attributes"] == {"cameras": 4}
    assert [r.id for r in gr.list_groups(station.db, gr.GroupQuery(search="dong dinh"))] == [camera]
    assert [r.id for r in gr.list_groups(station.db, gr.GroupQuery(village_id=gr.COMMUNE_WIDE))] == [camera]
    assert [r.id for r in gr.list_groups(station.db, gr.GroupQuery(village_id=_village(station)))] == [team]
    assert [
        r.id for r in gr.list_groups(station.db, gr.GroupQuery(type_id=_type(station, "camera_an_ninh").id))
    ] == [camera]
    assert gr.count_groups(station.db, gr.GroupQuery(status="dissolved")) == 0

    gr.delete_group(station.db, camera)
    assert [r.id for r in gr.list_groups(station.db)] == [team]
    assert [r.id for r in gr.list_groups(station.db, gr.GroupQuery(deleted=True))] == [camera]
    assert _sql(station, "SELECT deleted FROM antq_group WHERE id = ?", camera) == [(1,)]
    gr.restore_group(station.db, camera)
    assert gr.count_groups(station.db) == 2


# -- rosters ----------------------------------------------------------------------------------


def test_membership_history_is_kept_across_leave_and_rejoin(station):
    team = _team(station)
    pid = _person(station, "Nông Thị Đào", birth_date=date(1990, 4, 1))
    first = _member(station, team, pid, "to_pho", joined_on=date(2024, 7, 15), education_level="THPT")
    gr.leave_member(station.db, first, date(2025, 3, 1), "Đi làm ăn xa")
    with pytest.raises(UserError, match="không được trùng"):
        gr.rejoin_member(station.db, first, date(2025, 2, 1))
    second = gr.rejoin_member(station.db, first, date(2025, 9, 1), role="to_vien")
    with pytest.raises(UserError, match="đang là thành viên"):
        _member(station, team, pid, joined_on=date(2025, 10, 1))

    rows = gr.roster(station.db, team, as_of=date(2026, 1, 1))
    assert [(r.id, r.role_label, r.active) for r in rows] == [
        (second, "Tổ viên", True),
        (first, "Tổ phó", False),
    ]
    assert rows[1].left_on == date(2025, 3, 1) and rows[1].leave_reason == "Đi làm ăn xa"
    assert rows[0].education_level == "thpt"  # carried over to the new membership
    assert gr.roster(station.db, team, as_of=date(2026, 1, 1), include_left=False)[0].id == second
    between = gr.roster(station.db, team, as_of=date(2025, 6, 1))
    assert [(r.id, r.active) for r in between] == [(first, False)]  # the rejoin had not happened yet
    assert [(m.id, m.active) for m in gr.memberships_of_person(station.db, pid)] == [
        (second, True),
        (first, False),
    ]
    # Nothing was deleted: both rows are there, open and closed.
    assert sorted(
        _sql(station, "SELECT left_on, deleted FROM membership WHERE person_id = ?", pid), key=str
    ) == [
        ("2025-03-01", 0),
        (None, 0),
    ]


def test_role_change_on_a_date_keeps_the_old_role_in_the_history(station):
    team = _team(station)
    pid = _person(station, "Lý Văn Đông", birth_date=date(1975, 1, 1))
    mid = _member(station, team, pid, "to_vien", joined_on=date(2024, 7, 15))
    assert gr.change_role(station.db, mid, "to_pho") == mid  # a correction, in place
    new = gr.change_role(station.db, mid, "to_truong", on=date(2025, 8, 1))
    assert new != mid
    history = gr.memberships_of_person(station.db, pid)
    assert [(m.role_label, m.joined_on, m.left_on) for m in history] == [
        ("Tổ trưởng", date(2025, 8, 1), None),
        ("Tổ phó", date(2024, 7, 15), date(2025, 8, 1)),
    ]
    assert "Tổ trưởng" in history[1].leave_reason


def test_dissolving_closes_open_memberships_and_undoing_it_reopens_them(station):
    team = _team(station)
    a = _member(station, team, _person(station, "Hà Văn Đạt", birth_date=date(1980, 1, 1)))
    b = _member(station, team, _person(station, "Hà Thị Đẹp", birth_date=date(1982, 1, 1)))
    gr.leave_member(station.db, b, date(2026, 2, 1), "Xin thôi")
    draft = gr.get_group(station.db, team).group
    draft.status, draft.status_on = "dissolved", date(2026, 6, 30)
    gr.save_group(station.db, draft)
    rows = {r.id: r for r in gr.roster(station.db, team, as_of=date(2026, 7, 1))}
    assert (rows[a].left_on, rows[a].leave_reason) == (date(2026, 6, 30), "Tổ đã giải thể")
    assert rows[b].left_on == date(2026, 2, 1)
    with pytest.raises(UserError, match="giải thể"):
        _member(station, team, _person(station, "Người Mới"), joined_on=date(2026, 7, 1))
    draft.status, draft.status_on = "active", None
    gr.save_group(station.db, draft)
    rows = {r.id: r for r in gr.roster(station.db, team, as_of=date(2026, 7, 1))}
    assert rows[a].left_on is None and rows[b].left_on == date(2026, 2, 1)


def test_outside_member_details_round_trip_and_register_facts_are_written_back(station):
    team = _team(station)
    mid = gr.add_member(
        station.db,
        gr.MemberDraft(
            group_id=team,
            outside_name="Triệu Văn Đạt",
            outside_birth_year=1985,
            outside_address="Bản Pác Bó",
            outside_info="Đội trưởng đội dân phòng",
            residence_since=date(2010, 1, 1),
            education_level="9/12",
            joined_on=DECISION,
        ),
    )
    d = gr.get_member(station.db, mid)
    assert (
        d.outside_birth_year,
        d.outside_address,
        d.outside_info,
        d.residence_since,
        d.education_level,
    ) == (
        1985,
        "Bản Pác Bó",
        "Đội trưởng đội dân phòng",
        date(2010, 1, 1),
        "thcs",
    )
    row = gr.roster(station.db, team)[0]
    assert (row.outside, row.birth, row.village) == (True, "1985", "Bản Pác Bó")

    pid = _person(station, "Đinh Văn Đoàn", birth_date=date(1970, 2, 2))
    _member(station, team, pid, residence_since=date(2001, 5, 1), education_level="thpt")
    assert _sql(station, "SELECT residence_since, education_level FROM person WHERE id = ?", pid) == [
        ("2001-05-01", "thpt")
    ]
    with pytest.raises(UserError, match="trình độ học vấn"):
        _member(station, team, _person(station, "Đinh Thị Ơn"), education_level="giỏi")


# -- the Tổ bảo vệ ANTT rules -----------------------------------------------------------------


def _ages(station, team: str, **birth) -> list[str]:
    pid = _person(station, "Ma Văn Đức", **birth)
    draft = gr.MemberDraft(
        group_id=team, person_id=pid, residence_since=date(2000, 1, 1), education_level="thcs"
    )
    return [f.message_vi for f in gr.check_member(station.db, team, draft, joined_on=DECISION)]


def test_eligibility_warnings_fire_at_17_and_71_and_not_at_40_on_the_decision_date(station):
    team = _team(station)
    (young,) = _ages(station, team, birth_date=date(2008, 6, 1))
    assert "mới 17 tuổi" in young and "10/01/2026" in young
    (old,) = _ages(station, team, birth_date=date(1954, 12, 31))
    assert "đã 71 tuổi" in old and "Chủ tịch" in old
    assert _ages(station, team, birth_date=date(1986, 1, 1)) == []
    # The decision date counts, not today: 69 on 10/01/2026 is fine even if 71 by the time of printing.
    assert _ages(station, team, birth_date=date(1956, 6, 1)) == []
    (year_only,) = _ages(station, team, birth_year=2008)
    assert "chỉ biết năm sinh" in year_only


def test_check_member_reports_residence_and_education_and_other_kinds_have_no_rules(station):
    team = _team(station)
    pid = _person(station, "Vi Văn Đức", birth_date=date(1986, 1, 1))
    draft = gr.MemberDraft(group_id=team, person_id=pid)
    messages = [f.message_vi for f in gr.check_member(station.db, team, draft, joined_on=DECISION)]
    assert any(m.startswith("Chưa có thông tin ngày bắt đầu cư trú") for m in messages)
    assert any(m.startswith("Chưa ghi trình độ học vấn") for m in messages)
    assert all(f.severity == "warning" for f in gr.check_member(station.db, team, draft))
    draft.residence_since = date(2025, 10, 1)
    assert any("chưa đủ 1 năm" in f.message_vi for f in gr.check_member(station.db, team, draft, DECISION))
    camera = gr.save_group(
        station.db, gr.GroupDraft(type_id=_type(station, "camera_an_ninh").id, name="Camera")
    )
    assert gr.check_member(station.db, camera, gr.MemberDraft(group_id=camera, person_id=pid)) == []


def test_one_team_per_village_is_a_warning_and_saving_still_works(station):
    first = _team(station)
    draft = gr.GroupDraft(
        type_id=_type(station, "to_bao_ve_antt").id, name="Tổ bảo vệ ANTT số 2", village_id=_village(station)
    )
    (f,) = gr.check_group(station.db, draft)
    assert f.severity == "warning" and f.ref_id == first and "Thôn Nà Mạ đã có" in f.message_vi
    second = gr.save_group(station.db, draft)  # not blocked
    assert [x.ref_id for x in gr.check_team(station.db, second) if x.field == "village_id"] == [first]
    other = _team(station, "Tổ bảo vệ ANTT bản Pác Bó", "Bản Pác Bó")
    assert not [x for x in gr.check_team(station.db, other) if x.field == "village_id"]
    wide = _team(station, "Tổ toàn xã", None)
    assert any("chưa gắn với thôn" in x.message_vi for x in gr.check_team(station.db, wide))


def test_the_team_size_limit_is_a_setting_the_checks_honour(station):
    team = _team(station)
    for i, name in enumerate(["Đàm Văn An", "Đàm Văn Bình", "Đàm Văn Cường", "Đàm Văn Dũng"]):
        _member(station, team, _person(station, name, birth_date=date(1980 + i, 1, 1)))

    def sizes() -> list[str]:
        return [f.message_vi for f in gr.check_team(station.db, team, as_of=DECISION) if f.field == "members"]

    assert sizes() == []  # default 3–6
    gs = gr.group_settings(station.db)
    assert (gs.team_min, gs.team_max, gs.hard_area_coefficient) == (3, 6, 2.0)  # TT 20/2025: ×2
    gs.team_max = 3
    gr.save_group_settings(station.db, gs)
    assert sizes() == ["Tổ bảo vệ ANTT thôn Nà Mạ có 4 thành viên, vượt mức tối đa 3 người do tỉnh quy định."]
    gs.village_limits = {_village(station): {"max": 5}}
    gr.save_group_settings(station.db, gs)
    assert sizes() == []
    extra = gr.MemberDraft(group_id=team, person_id=_person(station, "Đàm Văn Em"))
    _member(station, team, extra.person_id)
    extra2 = gr.MemberDraft(group_id=team, person_id=_person(station, "Đàm Văn Giang"))
    assert any(
        f.message_vi.startswith("Thêm người này thì") and "6 thành viên" in f.message_vi
        for f in gr.check_member(station.db, team, extra2, DECISION)
    )
    gs.team_min, gs.team_max = 5, 4
    with pytest.raises(UserError, match="tối thiểu"):
        gr.save_group_settings(station.db, gs)


# -- service history --------------------------------------------------------------------------


def test_service_years_merge_overlaps_and_apply_the_hard_area_coefficient(station):
    pid = _person(station, "Hoàng Văn Đức", birth_date=date(1970, 1, 1))
    team = _team(station, founded_on=date(2020, 1, 1))
    _member(station, team, pid, joined_on=date(2020, 1, 1))
    gr.save_service_period(
        station.db,
        gr.ServicePeriodDraft(
            person_id=pid,
            kind="bao_ve_dan_pho",
            started_on=date(2008, 1, 1),
            ended_on=date(2014, 1, 1),
            unit="Ban bảo vệ dân phố",
            hard_area=True,
        ),
    )
    # Overlaps the membership: counted once.
    gr.save_service_period(
        station.db,
        gr.ServicePeriodDraft(
            person_id=pid,
            kind="cong_an_xa_ban_chuyen_trach",
            started_on=date(2019, 1, 1),
            ended_on=date(2021, 1, 1),
        ),
    )
    as_of = date(2026, 1, 1)
    gr.save_group_settings(station.db, gr.GroupSettings(hard_area_coefficient=1.0))
    periods = gr.service_periods(station.db, pid)
    assert [(p.kind, p.source) for p in periods] == [
        ("bao_ve_dan_pho", "manual"),
        ("cong_an_xa_ban_chuyen_trach", "manual"),
        ("to_bao_ve_antt", "membership"),
    ]
    total = gr.service_total(station.db, pid, as_of)
    hard = (date(2014, 1, 1) - date(2008, 1, 1)).days
    plain = (as_of - date(2019, 1, 1)).days
    assert (total.hard_days, total.plain_days) == (hard, plain)
    assert gr.service_years(station.db, pid, as_of) == pytest.approx((hard + plain) / 365.25)  # 6 + 7 years

    gs = gr.group_settings(station.db)
    gs.hard_area_coefficient = 2.0
    gr.save_group_settings(station.db, gs)
    assert gr.service_years(station.db, pid, as_of) == pytest.approx((2 * hard + plain) / 365.25)  # ≈ 19
    # The commune itself is a hard area: its team service counts double too.
    gs.hard_area = True
    gr.save_group_settings(station.db, gs)
    team_days = (as_of - date(2020, 1, 1)).days
    assert gr.service_total(station.db, pid, as_of).hard_days == hard + team_days
    assert gr.service_years(station.db, pid, as_of) == pytest.approx(
        (2 * (hard + team_days) + plain - team_days) / 365.25
    )
    with pytest.raises(UserError, match="1 đến 5"):
        gr.save_group_settings(station.db, gr.GroupSettings(hard_area_coefficient=0.5))


def test_a_hand_entered_period_replaces_the_one_implied_by_its_membership(station):
    pid = _person(station, "Lục Văn Đường", birth_date=date(1975, 1, 1))
    mid = _member(station, _team(station), pid, joined_on=date(2024, 7, 1))
    gr.leave_member(station.db, mid, date(2025, 7, 1))
    assert [(p.source, p.ended_on) for p in gr.service_periods(station.db, pid)] == [
        ("membership", date(2025, 7, 1))
    ]
    gr.save_service_period(
        station.db,
        gr.ServicePeriodDraft(
            person_id=pid,
            kind="to_bao_ve_antt",
            started_on=date(2024, 7, 1),
            ended_on=date(2025, 7, 1),
            hard_area=True,
            membership_id=mid,
        ),
    )
    assert [(p.source, p.hard_area) for p in gr.service_periods(station.db, pid)] == [("manual", True)]
    with pytest.raises(UserError, match="ngày bắt đầu"):
        gr.save_service_period(
            station.db, gr.ServicePeriodDraft(person_id=pid, kind="bao_ve_dan_pho", started_on=None)
        )
    with pytest.raises(UserError, match="loại công tác"):
        gr.save_service_period(
            station.db, gr.ServicePeriodDraft(person_id=pid, kind="quan_doi", started_on=date(2000, 1, 1))
        )


# -- figures ----------------------------------------------------------------------------------


def test_figures_count_distinct_persons_across_groups_and_outside_members_apart(station):
    both = _person(station, "Đoàn Văn Đức", birth_date=date(1980, 1, 1))
    only_team = _person(station, "Đoàn Thị Đào", birth_date=date(1985, 1, 1))
    team = _team(station, founded_on=date(2024, 7, 15))
    _member(station, team, both, "to_truong", joined_on=date(2024, 7, 15))
    _member(station, team, only_team, joined_on=date(2024, 7, 15))
    gr.add_member(
        station.db, gr.MemberDraft(group_id=team, outside_name="Triệu Văn Đạt", joined_on=date(2024, 7, 15))
    )
    camera_type = _type(station, "camera_an_ninh").id
    cam1 = gr.save_group(
        station.db,
        gr.GroupDraft(
            type_id=camera_type, name="Camera Nà Mạ", founded_on=date(2025, 3, 1), attributes={"cameras": 12}
        ),
    )
    gr.save_group(
        station.db,
        gr.GroupDraft(
            type_id=camera_type, name="Camera Pác Bó", founded_on=date(2025, 9, 1), attributes={"cameras": 7}
        ),
    )
    _member(station, cam1, both, joined_on=date(2025, 3, 1))
    # A dissolved group, and one founded after the period, count for nothing.
    gone = gr.save_group(
        station.db,
        gr.GroupDraft(
            type_id=camera_type,
            name="Camera cũ",
            attributes={"cameras": 100},
            status="dissolved",
            status_on=date(2024, 1, 1),
        ),
    )
    gr.save_group(
        station.db,
        gr.GroupDraft(
            type_id=camera_type, name="Camera sau", founded_on=date(2026, 1, 1), attributes={"cameras": 50}
        ),
    )
    assert gone

    f = gr.figures(station.db, date(2024, 12, 15), date(2025, 12, 14))
    assert (f.model_types, f.groups, f.new_groups, f.members, f.outside_members, f.cameras) == (
        2,
        3,
        2,
        2,
        1,
        19,
    )
    by = {t.code: t for t in f.by_type}
    assert (by["to_bao_ve_antt"].members, by["to_bao_ve_antt"].groups, by["to_bao_ve_antt"].new_groups) == (
        2,
        1,
        0,
    )
    assert by["to_bao_ve_antt"].members_by_role[:3] == (
        ("to_truong", "Tổ trưởng", 1),
        ("to_pho", "Tổ phó", 0),
        ("to_vien", "Tổ viên", 2),
    )
    assert (
        by["camera_an_ninh"].members,
        by["camera_an_ninh"].groups,
        by["camera_an_ninh"].equipment["cameras"],
    ) == (1, 2, 19)
    d = f.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert list(d)[:8] == [
        "period_start",
        "period_end",
        "model_types",
        "groups",
        "new_groups",
        "members",
        "outside_members",
        "cameras",
    ]
    assert d["equipment"]["cameras"] == {"label": "Số mắt camera", "total": 19}
    # Leaving before the period's end takes a person out of the count.
    leaving = next(r.id for r in gr.roster(station.db, team) if r.person_id == only_team)
    gr.leave_member(station.db, leaving, date(2025, 6, 1))
    assert gr.figures(station.db, date(2024, 12, 15), date(2025, 12, 14)).members == 1
    assert gr.figures(station.db, date(2024, 12, 15), date(2025, 5, 31)).members == 2
    with pytest.raises(UserError, match="cuối kỳ"):
        gr.figures(station.db, date(2025, 1, 1), date(2024, 1, 1))
