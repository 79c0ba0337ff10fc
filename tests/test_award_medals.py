"""The Kỷ niệm chương (issue 19, Deliver 5): service at 10 and 15 years with and without the
hard-area multiplier, the leaders' rule, the exclusions with their reasons, the proposal printed
(PDF and Word, through the command line too) and a Border Guard medal counted as such."""

from __future__ import annotations

import os
import random
import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from antq_desktop.documents import wordml
from antq_desktop.domain import award_rules as rules
from antq_desktop.domain import medal_rules as mr
from antq_desktop.papers import medal_proposal as pm
from antq_desktop.services import awards as aw
from antq_desktop.services import groups as gr
from antq_desktop.services import households as hh
from antq_desktop.services import reports as rp
from antq_desktop.services.errors import UserError

DAY = date(2026, 8, 19)  # the Ngày hội the 2026 proposal counts to


def _village(station) -> str:
    return next(vid for vid, n in hh.villages(station.db) if n == "Thôn Nà Mạ")


def _person(station, name: str, sex: str) -> str:
    hid = hh.save_household(station.db, hh.HouseholdDraft(village_id=_village(station)))
    return hh.save_person(
        station.db, hid, hh.PersonDraft(full_name=name, relation_to_head="Chủ hộ", sex=sex, birth_year=1970)
    )


def _served(station, name: str, sex: str, start: date, end: date | None = None, hard: bool = False) -> str:
    pid = _person(station, name, sex)
    gr.save_service_period(
        station.db,
        gr.ServicePeriodDraft(
            person_id=pid, kind="bao_ve_dan_pho", started_on=start, ended_on=end, hard_area=hard
        ),
    )
    return pid


def _multiplier(station, value: float) -> None:
    gs = gr.group_settings(station.db)
    gs.hard_area_coefficient = value
    gr.save_group_settings(station.db, gs)


def _by_name(station, **kw) -> dict[str, aw.MedalCandidate]:
    return {c.name: c for c in aw.medal_candidates(station.db, DAY, **kw)}


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


# -- the rules without a database --------------------------------------------------------------


def test_the_thresholds_are_15_years_for_men_and_10_for_women_each_with_its_sentence():
    men = mr.medal_verdict("Nông Văn Bình", "M", 15.0)
    assert men.eligible and men.needed == 15 and "đủ điều kiện: 15,0 năm" in men.reason_vi
    short = mr.medal_verdict("Hà Văn Chung", "M", 14.6)
    assert short.status == mr.NOT_YET and short.reason_vi == (
        "Hà Văn Chung mới có 14,6 năm công tác: thành viên nam cần đủ 15 năm."
    )
    assert mr.medal_verdict("Triệu Thị Duyên", "F", 10.0).eligible
    assert not mr.medal_verdict("Lý Thị Én", "F", 9.9).eligible
    # Hard-area days multiplied: 5 years and a day there are 10 at ×2, 5 at ×1.
    five = 5 * 366
    assert mr.medal_verdict("Lục Thị Hạnh", "F", mr.weighted_years(0, five, 2.0)).eligible
    assert not mr.medal_verdict("Lục Thị Hạnh", "F", mr.weighted_years(0, five, 1.0)).eligible
    assert mr.years_text(9.998) == "9,9"  # never "10,0" for someone short of 10
    assert mr.HARD_AREA_MULTIPLIER == 2.0


def test_leaders_follow_their_own_rule_and_exclusions_win_over_the_years():
    chair = mr.LeaderFacts("Chủ tịch Ủy ban nhân dân xã", 11.0, earlier_awards=1)
    assert mr.medal_verdict("Hoàng Văn Minh", "M", 0.0, leader=chair).eligible  # no team service needed
    new = mr.LeaderFacts("Trưởng Công an xã", 7.5, earlier_awards=2)
    refused = mr.medal_verdict("Nguyễn Văn Nam", "M", 30.0, leader=new)
    assert refused.status == mr.NOT_YET and refused.needed == 10
    assert "mới giữ chức vụ 7,5 năm: người lãnh đạo cần đủ 10 năm" in refused.reason_vi
    unawarded = mr.medal_verdict("X", "M", 0, leader=mr.LeaderFacts("Bí thư Đảng ủy xã", 12, 0))
    assert "ít nhất một lần được khen thưởng" in unawarded.reason_vi
    hotspot = mr.medal_verdict("Y", "M", 0, leader=mr.LeaderFacts("Bí thư Đảng ủy xã", 12, 1, hotspot=True))
    assert not hotspot.eligible and "tệ nạn xã hội phức tạp" in hotspot.reason_vi

    convicted = mr.medal_verdict("Ma Văn Tám", "M", 20.0, exclusion="ket_an", exclusion_note="Bản án 12/2024")
    assert convicted.status == mr.REFUSED and convicted.reason_vi == (
        "Không xét tặng Kỷ niệm chương cho Ma Văn Tám: đã bị kết án (Bản án 12/2024) (Thông tư 20/2025/TT-BCA)."
    )
    pending = mr.medal_verdict("Bế Thị Thu", "F", 12.0, exclusion="ky_luat")
    assert pending.status == mr.POSTPONED and pending.reason_vi.startswith("Tạm hoãn xét tặng Kỷ niệm chương")
    for code in mr.EXCLUSIONS:
        assert not mr.medal_verdict("Z", "M", 30.0, exclusion=code).eligible
    assert mr.medal_verdict("Z", "M", 30.0, has_medal=True).status == mr.AWARDED


def test_more_service_never_loses_eligibility_and_an_exclusion_always_does():
    """Random people: a verdict met stays met with more years (or more years in the post); an
    exclusion always refuses or postpones, with the person's name in its sentence. A new seed every
    run, printed; ANTQ_MEDAL_SEED replays."""
    seed = int(os.environ.get("ANTQ_MEDAL_SEED") or random.randrange(2**32))
    print(f"ANTQ_MEDAL_SEED={seed}")
    rnd = random.Random(seed)
    for _ in range(300):
        sex = rnd.choice(["M", "F", ""])
        years = rnd.uniform(0, 30)
        leader = (
            mr.LeaderFacts(
                rnd.choice(mr.LEADER_POSTS), rnd.uniform(0, 20), rnd.randint(0, 2), rnd.random() < 0.2
            )
            if rnd.random() < 0.3
            else None
        )
        before = mr.medal_verdict("Người Thử", sex, years, leader=leader)
        more = (
            mr.LeaderFacts(leader.post, leader.years_in_post + 1, leader.earlier_awards, leader.hotspot)
            if leader
            else None
        )
        after = mr.medal_verdict("Người Thử", sex, years + 1, leader=more)
        assert not before.eligible or after.eligible, (seed, sex, years, leader)
        assert before.reason_vi.startswith(("Người Thử", "Không", "Tạm")) and before.reason_vi.endswith(".")
        code = rnd.choice(list(mr.EXCLUSIONS))
        excluded = mr.medal_verdict("Người Thử", sex, years, leader=leader, exclusion=code)
        assert excluded.status in (mr.REFUSED, mr.POSTPONED) and "Người Thử" in excluded.reason_vi


# -- the station's list ------------------------------------------------------------------------


def test_the_list_at_10_and_15_years_with_and_without_the_hard_area_multiplier(station):
    _served(station, "Nông Văn Bình", "M", date(2011, 8, 1))  # 15.05 years
    _served(station, "Hà Văn Chung", "M", date(2012, 1, 1))  # 14.6
    _served(station, "Triệu Thị Duyên", "F", date(2016, 8, 1))  # 10.05
    _served(station, "Lý Thị Én", "F", date(2017, 1, 1))  # 9.6
    _served(station, "Sầm Văn Giang", "M", date(2011, 1, 1), date(2019, 1, 1), hard=True)  # 8 there
    _served(station, "Lục Thị Hạnh", "F", date(2013, 1, 1), date(2018, 7, 1), hard=True)  # 5.5 there

    # The commune setting is ×2 unless changed.
    assert gr.group_settings(station.db).hard_area_coefficient == 2.0
    eligible = {c.name for c in aw.medal_candidates(station.db, DAY) if c.eligible}
    assert eligible == {"Nông Văn Bình", "Triệu Thị Duyên", "Sầm Văn Giang", "Lục Thị Hạnh"}
    near = _by_name(station, within_years=1)
    assert not near["Hà Văn Chung"].eligible and "cần đủ 15 năm" in near["Hà Văn Chung"].verdict.reason_vi
    assert not near["Lý Thị Én"].reached

    _multiplier(station, 1.0)
    eligible = {c.name for c in aw.medal_candidates(station.db, DAY) if c.eligible}
    assert eligible == {"Nông Văn Bình", "Triệu Thị Duyên"}

    # A commune that is itself a hard area: its team service counts double too.
    _multiplier(station, 2.0)
    gs = gr.group_settings(station.db)
    gs.hard_area = True
    gr.save_group_settings(station.db, gs)
    team = gr.save_group(
        station.db,
        gr.GroupDraft(
            type_id=_team_type(station),
            name="Tổ bảo vệ ANTT thôn Nà Mạ",
            village_id=_village(station),
            founding_decision_no="12/QĐ-UBND",
            founded_on=date(2021, 1, 1),
        ),
    )
    member = _person(station, "Đàm Thị Hoa", "F")
    gr.add_member(station.db, gr.MemberDraft(group_id=team, person_id=member, joined_on=date(2021, 6, 1)))
    assert _by_name(station)["Đàm Thị Hoa"].eligible  # 5.2 years × 2


def _team_type(station) -> str:
    return next(t.id for t in gr.list_group_types(station.db) if t.code == "to_bao_ve_antt")


def test_a_leader_and_excluded_people_on_the_list_with_their_reasons(station):
    chair = _person(station, "Hoàng Văn Minh", "M")
    chief = _person(station, "Nguyễn Văn Nam", "M")
    convicted = _served(station, "Ma Văn Tám", "M", date(2005, 1, 1))
    pending = _served(station, "Bế Thị Thu", "F", date(2014, 1, 1))
    aw.save_medal_facts(station.db, chair, aw.MedalFacts("Chủ tịch Ủy ban nhân dân xã", date(2015, 1, 1)))
    aw.save_medal_facts(station.db, chief, aw.MedalFacts("Trưởng Công an xã", date(2019, 1, 1)))
    aw.save_medal_facts(
        station.db, convicted, aw.MedalFacts(exclusion="ket_an", exclusion_note="Bản án 12/2024")
    )
    aw.save_medal_facts(station.db, pending, aw.MedalFacts(exclusion="ky_luat"))

    rows = _by_name(station)
    # The chairman has no earlier award yet: not eligible, and the list says why.
    assert not rows["Hoàng Văn Minh"].eligible and "ít nhất một lần" in rows["Hoàng Văn Minh"].note
    did = aw.save_decision(station.db, _gk(station))
    aw.add_recipients(station.db, [aw.RecipientDraft(did, "person", person_id=chair)])
    aw.issue_decision(station.db, did)
    rows = _by_name(station, within_years=5)
    assert rows["Hoàng Văn Minh"].eligible and rows["Hoàng Văn Minh"].post == "Chủ tịch Ủy ban nhân dân xã"
    assert rows["Hoàng Văn Minh"].needed == 10 and rows["Hoàng Văn Minh"].first_year == 2015
    assert not rows["Nguyễn Văn Nam"].eligible and "cần đủ 10 năm" in rows["Nguyễn Văn Nam"].note
    assert rows["Ma Văn Tám"].verdict.status == mr.REFUSED and not rows["Ma Văn Tám"].reached
    assert "đã bị kết án (Bản án 12/2024)" in rows["Ma Văn Tám"].note
    assert rows["Bế Thị Thu"].to_dict()["status"] == "postponed"
    assert "đang bị xem xét kỷ luật" in rows["Bế Thị Thu"].to_dict()["reason"]

    assert [c.name for c in aw.medal_proposal(station.db, 2026)] == ["Hoàng Văn Minh"]
    # Forgetting the exclusion puts the person back; a wrong code is refused in one sentence.
    aw.save_medal_facts(station.db, pending, aw.MedalFacts())
    assert "Bế Thị Thu" in [c.name for c in aw.medal_proposal(station.db, 2026)]
    with pytest.raises(UserError, match="không có trong danh sách"):
        aw.save_medal_facts(station.db, pending, aw.MedalFacts(exclusion="unknown"))
    with pytest.raises(UserError, match="ngày bắt đầu giữ chức vụ"):
        aw.save_medal_facts(station.db, pending, aw.MedalFacts("Bí thư Đảng ủy xã"))


def _gk(station) -> aw.DecisionDraft:
    d = aw.new_decision(station.db, year=2025)
    d.number, d.decided_on, d.signer_name = "7", date(2025, 8, 19), "Nông Văn Thành"
    return d


# -- the proposal printed ----------------------------------------------------------------------


def _proposal_station(station) -> None:
    _served(station, "Nông Văn Bình", "M", date(2011, 8, 1))
    _served(station, "Triệu Thị Duyên", "F", date(2016, 8, 1))
    _served(station, "Hà Văn Chung", "M", date(2012, 1, 1))  # not yet: not on the paper


def test_the_proposal_pdf_and_word_file_carry_the_names_and_years(station, tmp_path: Path):
    _proposal_station(station)
    pdf = tmp_path / "tt.pdf"
    assert pm.write_medal_proposal(station.db, 2026, pdf) == ("pdf", 2)
    pages = [_flat(p.extract_text()) for p in PdfReader(pdf).pages]
    text = " ".join(pages)
    assert "TỜ TRÌNH" in pages[0] and "Kính gửi: Giám đốc Công an tỉnh Cao Bằng" in pages[0]
    assert "Kỷ niệm chương “Bảo vệ an ninh Tổ quốc”" in pages[0] and "cho 2 cá nhân" in pages[0]
    assert "DANH SÁCH TRÍCH NGANG" in text
    for name, years, since in (("Nông Văn Bình", "15,0", "2011"), ("Triệu Thị Duyên", "10,0", "2016")):
        assert name in text and years in text and f"{since} – 2026" in text
    assert "Hà Văn Chung" not in text
    assert "dd/mm/yyyy" not in text and "TRƯỞNG CÔNG AN XÃ" in text

    docx = tmp_path / "tt.docx"
    assert pm.write_medal_proposal(station.db, 2026, docx) == ("docx", 2)
    doc = Document(str(docx))
    body = _flat(" ".join(p.text for p in doc.paragraphs))
    people = doc.tables[-2]
    cells = [_flat(c.text) for row in people.rows for c in row.cells]
    assert "TỜ TRÌNH" in body and "Kính gửi: Giám đốc Công an tỉnh Cao Bằng." in body
    assert cells[:7] == list(pm_columns())
    assert "Nông Văn Bình" in cells and "15,0" in cells and "Triệu Thị Duyên" in cells and "Nữ" in cells
    assert "dd/mm/yyyy" not in body + " ".join(cells)
    order = [qn(f"w:{n}") for n in wordml.ORDER["w:pPr"]]
    checked = 0
    for p_pr in doc.element.body.iter(qn("w:pPr")):
        tags = [child.tag for child in p_pr]
        assert tags == sorted(tags, key=order.index), tags
        checked += 1
    assert checked > 20


def pm_columns() -> tuple[str, ...]:
    from antq_desktop.documents.medal_proposal import COLUMNS

    return COLUMNS


def test_a_year_without_anyone_eligible_is_refused_in_one_sentence(station, tmp_path: Path):
    with pytest.raises(UserError, match="chưa có ai đủ điều kiện"):
        pm.write_medal_proposal(station.db, 2026, tmp_path / "tt.pdf")
    assert not (tmp_path / "tt.pdf").exists()


def test_the_command_writes_the_proposal_and_refuses_a_wrong_ending(station, run_cli, tmp_path: Path):
    _proposal_station(station)
    station.close()
    root = station.data_dir.root
    out = tmp_path / "de-nghi.pdf"
    proc = run_cli("--data-dir", root, "awards", "medal-proposal", "--year", "2026", "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert "(2 người)" in proc.stdout and out.exists()
    assert "Nông Văn Bình" in _flat(" ".join(p.extract_text() for p in PdfReader(out).pages))
    word = tmp_path / "de-nghi.docx"
    proc = run_cli("--data-dir", root, "awards", "medal-proposal", "--year", "2026", "-o", word)
    assert proc.returncode == 0, proc.stderr and word.exists()
    proc = run_cli("--data-dir", root, "awards", "medal-proposal", "--year", "2026", "-o", tmp_path / "x.txt")
    assert proc.returncode == 1 and "đuôi .pdf hoặc .docx" in proc.stderr and "Traceback" not in proc.stderr
    proc = run_cli("--data-dir", root, "awards", "medal-proposal", "--year", "2019", "-o", out)
    assert proc.returncode == 1 and "chưa có ai đủ điều kiện" in proc.stderr


# -- medal forms by awarding body --------------------------------------------------------------


def test_a_border_guard_medal_is_counted_as_such_in_the_report(station):
    assert rules.FORMS[rules.BORDER_MEDAL] != rules.FORMS[rules.MEDAL]
    assert rules.MEDAL_BODIES[rules.BORDER_MEDAL] == "Bộ Tư lệnh Bộ đội Biên phòng"
    for number, form, name in (("40", rules.MEDAL, "Ma Văn Tám"), ("12", rules.BORDER_MEDAL, "Lò Văn Páo")):
        d = aw.new_decision(station.db, form=form, year=2026)
        d.number, d.decided_on, d.signer_name = number, date(2026, 8, 19), "Nông Văn Thành"
        did = aw.save_decision(station.db, d)
        aw.add_recipients(station.db, [aw.RecipientDraft(did, "individual", name=name, info="Thôn Nà Mạ")])
        aw.issue_decision(station.db, did)
    values = rp.compute(station.db, "2026").values()
    assert values["awards.ky_niem_chuong"] == 1  # the Bộ Công an's medal only
    assert values["awards.ky_niem_chuong_bien_phong"] == 1
    assert values["awards.individual"] == 2
    # Given once only, each medal on its own.
    drafts = aw.recipients(station.db, did)
    assert drafts and drafts[0].name == "Lò Văn Páo"


def test_a_border_guard_medal_does_not_count_as_the_ministrys_medal_on_the_proposal(station):
    """Two medals of two bodies: holding the Border Guard's leaves a member eligible for the Bộ Công
    an's (given once only, each on its own), and holding the Bộ Công an's takes them off."""
    pid = _served(station, "Lò Văn Páo", "M", date(2005, 1, 1))

    def medal(form: str, number: str) -> None:
        d = aw.new_decision(station.db, form=form, year=2026)
        d.number, d.decided_on, d.signer_name = number, date(2026, 3, 3), "Nông Văn Thành"
        did = aw.save_decision(station.db, d)
        aw.add_recipients(station.db, [aw.RecipientDraft(did, "person", person_id=pid)])
        aw.issue_decision(station.db, did)

    medal(rules.BORDER_MEDAL, "12")
    assert [c.name for c in aw.medal_proposal(station.db, 2026)] == ["Lò Văn Páo"]
    assert not _by_name(station)["Lò Văn Páo"].has_medal
    medal(rules.MEDAL, "40")
    assert aw.medal_proposal(station.db, 2026) == []
    assert _by_name(station, include_awarded=True)["Lò Văn Páo"].verdict.status == mr.AWARDED
