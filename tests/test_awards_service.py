"""Award decisions, recipients, warnings, serials, the print register, verification and medal
eligibility, against a real SQLite station."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from antq_desktop.domain import award_rules as rules
from antq_desktop.services import awards as aw
from antq_desktop.services import groups as gr
from antq_desktop.services import households as hh
from antq_desktop.services import settings
from antq_desktop.services import station_keys as sk
from antq_desktop.services.errors import UserError

DAY = date(2026, 8, 19)


def _village(station, name: str = "Thôn Nà Mạ") -> str:
    return next(vid for vid, n in hh.villages(station.db) if n == name)


def _person(station, name: str, sex: str = "M", village: str = "Thôn Nà Mạ") -> str:
    hid = hh.save_household(station.db, hh.HouseholdDraft(village_id=_village(station, village)))
    return hh.save_person(
        station.db, hid, hh.PersonDraft(full_name=name, relation_to_head="Chủ hộ", sex=sex, birth_year=1970)
    )


def _decision(station, number: str = "15", day: date | None = DAY, **changes) -> str:
    d = aw.new_decision(station.db, year=(day or DAY).year)
    d.number = number
    d.decided_on = day
    d.signer_name = "Nông Văn Thành"
    for k, v in changes.items():
        setattr(d, k, v)
    return aw.save_decision(station.db, d)


def _individuals(decision_id: str, *names: str) -> list[aw.RecipientDraft]:
    return [aw.RecipientDraft(decision_id, "individual", name=n, info="Thôn Nà Mạ") for n in names]


# -- decisions --------------------------------------------------------------------------------


def test_a_new_decision_is_worded_for_the_commune_and_issuing_makes_it_read_only(station):
    d = aw.new_decision(station.db, year=2026)
    assert d.authority == "Ủy ban nhân dân xã Quảng Lâm" and d.symbol == "QĐ-UBND"
    assert d.place == "Quảng Lâm" and "năm 2026" in d.achievement
    assert d.proposer == "Theo đề nghị của Trưởng Công an xã Quảng Lâm."
    did = _decision(station, number="", signer_name="")
    aw.add_recipients(station.db, _individuals(did, "Lò Văn Páo"))
    with pytest.raises(UserError, match="thiếu số quyết định, họ tên người ký"):
        aw.issue_decision(station.db, did)
    empty = _decision(station, number="16")
    with pytest.raises(UserError, match="chưa có ai"):
        aw.issue_decision(station.db, empty)

    draft = aw.get_decision(station.db, did).decision
    draft.number, draft.signer_name = "7", "Nông Văn Thành"
    aw.save_decision(station.db, draft)
    serials = aw.issue_decision(station.db, did)
    detail = aw.get_decision(station.db, did)
    assert detail.status == "issued" and not detail.editable and detail.number == "07/QĐ-UBND"
    assert [r.serial for r in detail.recipients] == serials == ["01304-2026-00001"]
    assert detail.recipients[0].register_no == serials[0]  # no sổ vàng number typed: the serial

    with pytest.raises(UserError, match="đã ban hành"):
        aw.save_decision(station.db, draft)
    with pytest.raises(UserError, match="đã ban hành"):
        aw.add_recipients(station.db, _individuals(did, "Vàng A Sính"))
    with pytest.raises(UserError, match="đã ban hành"):
        aw.remove_recipient(station.db, detail.recipients[0].id)
    with pytest.raises(UserError, match="không xóa được"):
        aw.delete_decision(station.db, did)
    aw.save_decision_notes(station.db, did, "Trao tại hội nghị ngày 19/8.")
    assert aw.get_decision(station.db, did).decision.notes == "Trao tại hội nghị ngày 19/8."
    json.dumps(aw.get_decision(station.db, did).to_dict(), ensure_ascii=False)
    assert aw.resolve_decision(station.db, "07/qd-ubnd") == did == aw.resolve_decision(station.db, did[:6])
    assert aw.resolve_decision(station.db, "7/QĐ-UBND") == did
    with pytest.raises(UserError, match="Không tìm thấy quyết định"):
        aw.resolve_decision(station.db, "99/QĐ-UBND")

    # Reopened to fix a typo while nothing is printed; not once a certificate is.
    aw.reopen_decision(station.db, did, "Sửa tên người ký")
    assert aw.get_decision(station.db, did).status == "draft"
    assert "Mở lại: Sửa tên người ký" in aw.get_decision(station.db, did).decision.notes
    aw.issue_decision(station.db, did)
    aw.record_prints(station.db, [detail.recipients[0].id], mode="full_page", printed_by="admin")
    with pytest.raises(UserError, match="đã được in"):
        aw.reopen_decision(station.db, did)


def test_recipients_from_the_register_and_collectives_get_their_names_and_details(station):
    pid = _person(station, "Đặng Thị Thương", sex="F")
    hid = hh.save_household(station.db, hh.HouseholdDraft(village_id=_village(station, "Bản Pác Bó")))
    hh.save_person(
        station.db, hid, hh.PersonDraft(full_name="Lục Văn Đường", relation_to_head="Chủ hộ", sex="M")
    )
    team_type = next(t for t in gr.list_group_types(station.db) if t.code == "to_bao_ve_antt")
    gid = gr.save_group(
        station.db,
        gr.GroupDraft(type_id=team_type.id, name="Tổ bảo vệ ANTT thôn Nà Mạ", village_id=_village(station)),
    )
    did = _decision(station)
    aw.add_recipients(
        station.db,
        [
            aw.RecipientDraft(did, "person", person_id=pid, achievement="Tích cực tố giác tội phạm"),
            aw.RecipientDraft(did, "household", household_id=hid),
            aw.RecipientDraft(did, "group", group_id=gid),
            aw.RecipientDraft(did, "village", village_id=_village(station, "Xóm Đông Đình")),
            aw.RecipientDraft(did, "organisation", name="Trường THCS Quảng Lâm"),
        ],
    )
    rows = aw.recipients(station.db, did)
    by_kind = {r.kind: r for r in rows}
    assert [r.collective for r in rows] == [True, True, True, True, False]  # collectives first
    person = by_kind["person"]
    assert (person.name, person.display_name, person.info) == (
        "Đặng Thị Thương",
        "Bà Đặng Thị Thương",
        "Thôn Nà Mạ, xã Quảng Lâm",
    )
    assert person.effective_achievement == "Tích cực tố giác tội phạm"
    assert by_kind["household"].name == "Gia đình ông Lục Văn Đường"
    assert by_kind["group"].name == "Tổ bảo vệ ANTT thôn Nà Mạ"
    assert by_kind["village"].name == "Nhân dân và cán bộ xóm Đông Đình"
    assert by_kind["organisation"].effective_achievement.startswith("Đã có thành tích xuất sắc")
    with pytest.raises(UserError, match="Hãy nhập họ tên"):
        aw.save_recipient(station.db, aw.RecipientDraft(did, "individual", name="  "))
    with pytest.raises(UserError, match="không tìm thấy|Không tìm thấy"):
        aw.save_recipient(station.db, aw.RecipientDraft(did, "person", person_id="nobody"))
    aw.remove_recipient(station.db, by_kind["organisation"].id)
    assert len(aw.recipients(station.db, did)) == 4
    aw.restore_recipient(station.db, by_kind["organisation"].id)
    assert len(aw.recipients(station.db, did)) == 5


# -- warnings ---------------------------------------------------------------------------------


def test_one_achievement_one_award_and_the_medal_only_once(station):
    pid = _person(station, "Hoàng Văn Đức")
    first = _decision(station, "15")
    aw.save_recipient(station.db, aw.RecipientDraft(first, "person", person_id=pid))
    aw.issue_decision(station.db, first)

    # Same person, same achievement, same year, another decision (the province's Giấy khen).
    second = _decision(station, "120", authority="Công an tỉnh Cao Bằng", symbol="QĐ-CAT")
    draft = aw.RecipientDraft(second, "person", person_id=pid)
    found = aw.check_recipient(station.db, draft)
    assert [f.field for f in found] == ["achievement"]
    assert "cùng thành tích năm 2026" in found[0].message_vi and "15/QĐ-UBND" in found[0].message_vi
    # Its own achievement line makes it another achievement.
    draft.achievement = "Dũng cảm bắt giữ đối tượng trộm cắp"
    assert aw.check_recipient(station.db, draft) == []
    # Another year: no warning.
    next_year = _decision(station, "3", day=date(2027, 8, 19))
    assert aw.check_recipient(station.db, aw.RecipientDraft(next_year, "person", person_id=pid)) == []
    # Twice in one decision.
    aw.save_recipient(station.db, draft)
    twice = aw.check_recipient(station.db, aw.RecipientDraft(second, "person", person_id=pid))
    assert any(f.field == "recipient" for f in twice)
    aw.save_recipient(station.db, aw.RecipientDraft(second, "person", person_id=pid, achievement="Khác nữa"))
    assert [f.field for f in aw.decision_findings(station.db, second)] == ["recipient"]

    # Kỷ niệm chương: once in a lifetime.
    medal = _decision(station, "900", form="ky_niem_chuong", authority="Bộ Công an", symbol="QĐ-BCA")
    aw.save_recipient(
        station.db, aw.RecipientDraft(medal, "person", person_id=pid, achievement="Thành tích A")
    )
    again = _decision(station, "950", day=date(2030, 8, 19), form="ky_niem_chuong", symbol="QĐ-BCA")
    medal_again = aw.check_recipient(station.db, aw.RecipientDraft(again, "person", person_id=pid))
    assert [f.field for f in medal_again] == ["form"] and "chỉ tặng một lần" in medal_again[0].message_vi
    # An outside individual is recognised by name and details.
    aw.save_recipient(
        station.db, aw.RecipientDraft(medal, "individual", name="Vàng A Sính", info="Bản Pác Bó")
    )
    outside = aw.check_recipient(
        station.db, aw.RecipientDraft(again, "individual", name="VÀNG A SÍNH", info="bản pác bó")
    )
    assert [f.field for f in outside] == ["form"]


# -- serials ----------------------------------------------------------------------------------


def test_serials_carry_unit_and_year_and_never_repeat(station):
    seen: list[str] = []
    a = _decision(station, "1")
    aw.add_recipients(station.db, _individuals(a, *(f"Người {i}" for i in range(5))))
    seen += aw.issue_decision(station.db, a)
    assert seen == [f"01304-2026-{n:05d}" for n in range(1, 6)]
    assert all(rules.parse_serial(s) == ("01304", 2026, n) for n, s in enumerate(seen, 1))

    # Reopen, drop one, add two: the dropped serial is not handed out again, kept serials stay.
    aw.reopen_decision(station.db, a)
    rows = aw.recipients(station.db, a)
    aw.remove_recipient(station.db, rows[0].id)
    aw.add_recipients(station.db, _individuals(a, "Người mới 1", "Người mới 2"))
    again = aw.issue_decision(station.db, a)
    assert again[:4] == seen[1:5] and again[4:] == ["01304-2026-00006", "01304-2026-00007"]
    seen += again[4:]

    # A failed issue (rolled back) consumes nothing.
    broken = _decision(station, "2", signer_name="")
    aw.add_recipients(station.db, _individuals(broken, "X"))
    with pytest.raises(UserError):
        aw.issue_decision(station.db, broken)

    # The counter lost (an older settings state, a restored backup): the table still rules.
    with station.db.session() as s:
        settings.put(s, f"{aw.SERIAL_COUNTER_PREFIX}01304.2026", 0)
    b = _decision(station, "3")
    aw.add_recipients(station.db, _individuals(b, "Y", "Z"))
    seen += aw.issue_decision(station.db, b)
    assert seen[-2:] == ["01304-2026-00008", "01304-2026-00009"]

    # Another year starts its own sequence; a second PC gets its own prefix.
    c = _decision(station, "4", day=date(2027, 1, 5))
    aw.add_recipients(station.db, _individuals(c, "W"))
    seen += aw.issue_decision(station.db, c)
    assert seen[-1] == "01304-2027-00001"
    aw.save_award_settings(station.db, aw.AwardSettings(serial_prefix="01304b"))
    e = _decision(station, "5")
    aw.add_recipients(station.db, _individuals(e, "V"))
    seen += aw.issue_decision(station.db, e)
    assert seen[-1] == "01304B-2026-00001"
    with pytest.raises(UserError, match="12 chữ cái"):
        aw.save_award_settings(station.db, aw.AwardSettings(serial_prefix="Quảng-Lâm"))

    everything = [r.serial for r in aw.list_awards(station.db) if r.serial] + seen[:1]  # [0] was removed
    assert len(everything) == len(set(everything)) == len(seen)


# -- the print register -----------------------------------------------------------------------


def test_the_register_numbers_reprints_and_refuses_drafts(station):
    did = _decision(station)
    aw.add_recipients(station.db, _individuals(did, "Lương Thị Ngọc Ánh", "Triệu Văn Đạt"))
    a, b = (r.id for r in aw.recipients(station.db, did))
    with pytest.raises(UserError, match="dự thảo"):
        aw.record_prints(station.db, [a], mode="full_page")
    aw.issue_decision(station.db, did)
    first = aw.record_prints(
        station.db,
        [a, b],
        mode="full_page",
        template="giay_khen_a4",
        printed_by="admin",
        at=datetime(2026, 8, 19, 9),
    )
    assert [r.print_no for r in first] == [1, 1]
    reprint = aw.record_prints(
        station.db,
        [a],
        mode="blank",
        printed_by="canbo2",
        at=datetime(2026, 8, 20, 10),
        notes="In lại do kẹt giấy",
    )
    assert [(r.print_no, r.reprint) for r in reprint] == [(2, 1)]
    later = aw.record_prints(station.db, [a], mode="blank", at=datetime(2026, 9, 1, 8))
    assert later[0].print_no == 3

    rows = aw.print_register(station.db, aw.RegisterQuery(decision_id=did))
    assert [(r.recipient, r.print_no) for r in rows] == [
        ("Lương Thị Ngọc Ánh", 3),
        ("Lương Thị Ngọc Ánh", 2),
        ("Triệu Văn Đạt", 1),
        ("Lương Thị Ngọc Ánh", 1),
    ]  # newest first; rows printed together come in reverse order of entry
    assert (
        rows[1].printed_by == "canbo2" and rows[1].mode == "blank" and rows[1].notes == "In lại do kẹt giấy"
    )
    assert aw.count_prints(station.db) == 4
    assert [r.print_no for r in aw.print_register(station.db, aw.RegisterQuery(search="dat"))] == [1]
    assert len(aw.print_register(station.db, offset=1, limit=2)) == 2
    json.dumps([r.to_dict() for r in rows], ensure_ascii=False)
    assert {r.id: r.prints for r in aw.recipients(station.db, did)} == {a: 3, b: 1}
    with pytest.raises(UserError, match="Cách in"):
        aw.record_prints(station.db, [a], mode="poster")


# -- verification -----------------------------------------------------------------------------


def test_verify_says_genuine_altered_or_unknown(station):
    did = _decision(station)
    aw.add_recipients(station.db, _individuals(did, "Đinh Thị Ngọc Ước"))
    aw.issue_decision(station.db, did)
    cert = aw.certificate_data(station.db, did)[0]
    assert cert.payload.startswith("KT1|01304-2026-00001|Đinh Thị Ngọc Ước|GK|15/QĐ-UBND|19/08/2026|")

    ok = aw.verify(station.db, cert.payload)
    assert ok.status == "genuine" and ok.source == "qr" and ok.award is not None
    assert ok.fields["recipient"] == "Đinh Thị Ngọc Ước" and ok.fields["form_label"] == "Giấy khen"
    assert ok.signer_unit == "Công an xã Quảng Lâm" and not ok.notes
    json.dumps(ok.to_dict(), ensure_ascii=False)

    for altered in (
        cert.payload.replace("Ngọc Ước", "Ngọc Ướt"),  # the name
        cert.payload.replace("19/08/2026", "19/08/2025"),  # the date
        cert.payload[:-3] + ("AAA" if not cert.payload.endswith("AAA") else "BBB"),  # the signature
        cert.payload.rsplit("|", 1)[0],  # the signature cut off
    ):
        result = aw.verify(station.db, altered)
        assert result.status == "altered", altered
    assert (
        aw.verify(station.db, cert.payload.replace("Ước", "Ướt")).fields["recipient"] == "Đinh Thị Ngọc Ướt"
    )

    # A typed serial (spaces and case forgiven) is looked up in the register.
    typed = aw.verify(station.db, " 01304-2026-00001 ".lower())
    assert (
        typed.status == "genuine"
        and typed.source == "serial"
        and typed.fields["recipient"] == "Đinh Thị Ngọc Ước"
    )
    assert aw.verify(station.db, "01304-2026-00099").status == "unknown"
    assert aw.verify(station.db, "xin chào").status == "unknown"
    # Signed by a station this one does not know.
    stranger = sk.StationKey(Ed25519PrivateKey.generate(), "")
    foreign = sk.signed_text(
        stranger, rules.PAYLOAD_TAG, ["99999-2026-00001", "A", "GK", "1/QĐ", "01/01/2026"]
    )
    assert aw.verify(station.db, foreign).status == "unknown"
    with pytest.raises(UserError, match="Hãy dán"):
        aw.verify(station.db, "   ")

    # The register changed after printing (reopened, name corrected): still genuine, with a note.
    aw.reopen_decision(station.db, did)
    row = aw.recipients(station.db, did)[0]
    aw.save_recipient(station.db, aw.RecipientDraft(did, "individual", id=row.id, name="Đinh Thị Ngọc Ưng"))
    aw.issue_decision(station.db, did)
    changed = aw.verify(station.db, cert.payload)
    assert changed.status == "genuine" and "Đinh Thị Ngọc Ưng" in changed.notes[0]


def test_a_draft_has_no_serial_and_no_qr(station):
    did = _decision(station)
    aw.add_recipients(station.db, _individuals(did, "Ma Văn Khang"))
    (cert,) = aw.certificate_data(station.db, did)
    assert cert.draft and cert.serial == "" and cert.payload == ""
    assert sk.load_key(station.db) is None  # nothing signed, no key made for a draft


# -- lists ------------------------------------------------------------------------------------


def test_lists_filter_search_page_and_serialise(station):
    for n in range(1, 4):
        did = _decision(station, str(n), day=date(2026, 8, n))
        aw.add_recipients(station.db, _individuals(did, f"Nguyễn Văn Đạt {n}", f"Lê Thị Hồng {n}"))
        if n < 3:
            aw.issue_decision(station.db, did)
    undated = _decision(station, "", day=None)
    rows = aw.list_decisions(station.db)
    assert [r.number for r in rows] == ["", "03/QĐ-UBND", "02/QĐ-UBND", "01/QĐ-UBND"]
    assert (
        rows[0].id == undated and rows[1].status_label == "Dự thảo" and rows[2].status_label == "Đã ban hành"
    )
    assert rows[1].recipients == 2 and rows[1].individuals == 2 and rows[1].collectives == 0
    assert aw.count_decisions(station.db, aw.DecisionQuery(status="issued")) == 2
    assert [r.number for r in aw.list_decisions(station.db, aw.DecisionQuery(search="02/qd"))] == [
        "02/QĐ-UBND"
    ]
    assert [r.number for r in aw.list_decisions(station.db, offset=1, limit=2)] == [
        "03/QĐ-UBND",
        "02/QĐ-UBND",
    ]
    assert aw.count_decisions(station.db, aw.DecisionQuery(year=2025)) == 0
    json.dumps([r.to_dict() for r in rows], ensure_ascii=False)

    assert aw.count_awards(station.db) == 6
    hits = aw.list_awards(station.db, aw.AwardQuery(search="dat"))
    assert sorted(r.name for r in hits) == ["Nguyễn Văn Đạt 1", "Nguyễn Văn Đạt 2", "Nguyễn Văn Đạt 3"]
    assert len(aw.list_awards(station.db, aw.AwardQuery(status="issued"), 0, 3)) == 3
    json.dumps([r.to_dict() for r in hits], ensure_ascii=False)
    aw.delete_decision(station.db, undated)
    assert aw.count_decisions(station.db) == 3
    assert aw.count_decisions(station.db, aw.DecisionQuery(deleted=True)) == 1
    aw.restore_decision(station.db, undated)
    assert aw.count_decisions(station.db) == 4


# -- medal eligibility ------------------------------------------------------------------------


def _served(station, pid: str, start: date, end: date | None = None, hard: bool = False) -> None:
    gr.save_service_period(
        station.db,
        gr.ServicePeriodDraft(
            person_id=pid, kind="bao_ve_dan_pho", started_on=start, ended_on=end, hard_area=hard
        ),
    )


def test_medal_eligibility_from_service_history(station):
    as_of = date(2026, 8, 1)
    man_16 = _person(station, "Nông Văn Bình", "M")
    _served(station, man_16, date(2010, 1, 1))
    man_12 = _person(station, "Hà Văn Chung", "M")
    _served(station, man_12, date(2014, 6, 1))
    woman_11 = _person(station, "Triệu Thị Duyên", "F")
    _served(station, woman_11, date(2015, 6, 1))
    woman_9 = _person(station, "Lý Thị Én", "F")
    _served(station, woman_9, date(2017, 6, 1))
    hard_man = _person(station, "Sầm Văn Giang", "M")  # 8 years in a hard area
    _served(station, hard_man, date(2010, 1, 1), date(2018, 1, 1), hard=True)

    # Hard-area years count double by default (TT 20/2025): 8 years there make 16.
    names = [c.name for c in aw.medal_candidates(station.db, as_of)]
    assert names == ["Nông Văn Bình", "Sầm Văn Giang", "Triệu Thị Duyên"]
    first = aw.medal_candidates(station.db, as_of)[0]
    assert first.reached and first.needed == 15 and first.years == pytest.approx(16.58, abs=0.01)
    json.dumps([c.to_dict() for c in aw.medal_candidates(station.db, as_of)], ensure_ascii=False)

    # A commune that sets the multiplier to 1 counts them once.
    gs = gr.group_settings(station.db)
    assert gs.hard_area_coefficient == 2.0
    gs.hard_area_coefficient = 1.0
    gr.save_group_settings(station.db, gs)
    assert "Sầm Văn Giang" not in [c.name for c in aw.medal_candidates(station.db, as_of)]
    gs.hard_area_coefficient = 2.0
    gr.save_group_settings(station.db, gs)
    # Near the threshold, on request.
    near = aw.medal_candidates(station.db, as_of, within_years=3)
    assert {"Hà Văn Chung", "Lý Thị Én"} <= {c.name for c in near}
    assert not next(c for c in near if c.name == "Lý Thị Én").reached

    # Thresholds are settings.
    aw.save_award_settings(station.db, aw.AwardSettings(medal_years_men=17, medal_years_women=10))
    assert "Nông Văn Bình" not in [c.name for c in aw.medal_candidates(station.db, as_of)]
    aw.save_award_settings(station.db, aw.AwardSettings())
    with pytest.raises(UserError, match="từ 1 đến 40"):
        aw.save_award_settings(station.db, aw.AwardSettings(medal_years_men=0))

    # Someone awarded the medal drops off the list (unless asked for).
    medal = _decision(station, "900", form="ky_niem_chuong", symbol="QĐ-BCA")
    aw.save_recipient(station.db, aw.RecipientDraft(medal, "person", person_id=man_16))
    assert "Nông Văn Bình" not in [c.name for c in aw.medal_candidates(station.db, as_of)]
    again = aw.medal_candidates(station.db, as_of, include_awarded=True)
    bình = next(c for c in again if c.name == "Nông Văn Bình")
    assert bình.has_medal and "Đã có kỷ niệm chương" in bình.note


def test_blank_offsets_are_kept_per_template_and_bounded(station):
    assert aw.blank_offset(station.db, "phoi_giay_khen_a4") == (0.0, 0.0)
    aw.set_blank_offset(station.db, "phoi_giay_khen_a4", -2.5, 3)
    assert aw.blank_offset(station.db, "phoi_giay_khen_a4") == (-2.5, 3.0)
    assert aw.blank_offset(station.db, "phoi_giay_khen_a3") == (0.0, 0.0)
    with pytest.raises(UserError, match="±40 mm"):
        aw.set_blank_offset(station.db, "phoi_giay_khen_a4", 50, 0)
