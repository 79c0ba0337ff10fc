"""An approval freezes the figures it approved (issue 16, item 4; docs/domain.md "Kỳ báo cáo và phê duyệt").

Real stations in SQLite files and real bundles: commune A → hub, the hub
approves the current year, hub → A. At A every change that would move the
approved figures is refused with one sentence ("Kỳ báo cáo … đã được cấp trên
phê duyệt ngày …: …") and the figures stay; changes outside the period, and
fields in no figure, still go through. The approval row carries the approved
figures down; the hub flags a commune whose current figures differ from them;
reopening travels down and the edits work again. The CLI commands run as real
subprocesses.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from test_sync_support import COMMUNES, pair_with_hub, setup_station, site_id

from antq_desktop.services import awards as aw
from antq_desktop.services import commitments as cm
from antq_desktop.services import households as hh
from antq_desktop.services import hub
from antq_desktop.services import meetings as mt
from antq_desktop.services import reports as rp
from antq_desktop.services import results as rs
from antq_desktop.services.errors import UserError
from antq_desktop.storage.database import Database
from antq_desktop.storage.models import Person, ReportSubmission
from antq_desktop.sync import export_bundle, import_bundle

# The period is the year that holds today: "today" is when a dateless change (a new household) is
# effective, so the test must lock the year it runs in.
YEAR = date.today().year
PERIOD = str(YEAR)
INSIDE = date(YEAR, 1, 20)
OUTSIDE = date(YEAR - 1, 6, 10)
CODE = COMMUNES["A"][0]
REASON = "Đã duyệt số liệu cả năm"


@dataclass
class Province:
    tmp: Path
    hub: Database
    a: Database
    villages: list[str]
    households: list[str]
    persons: list[str]
    meeting: str
    opinion: str
    decision: str
    mediation: str
    old_meeting: str
    n: int = 0

    def up(self) -> None:
        self._carry(self.a, self.hub)

    def down(self) -> None:
        self._carry(self.hub, self.a)

    def _carry(self, src: Database, dst: Database) -> None:
        self.n += 1
        path = self.tmp / f"b{self.n}.antq"
        export_bundle(src, site_id(dst), path)
        import_bundle(dst, path)


def _fill(a: Database) -> dict[str, Any]:
    villages = [v for v, _n in hh.villages(a)]
    households, persons = [], []
    for i, name in enumerate(["Hoàng Văn Đức", "Nông Thị Hoa", "Lý Văn Sình"]):
        h = hh.save_household(a, hh.HouseholdDraft(village_id=villages[i % 2], address=f"Số {i + 1}"))
        persons.append(hh.save_person(a, h, hh.PersonDraft(full_name=name, relation_to_head="Chủ hộ")))
        households.append(h)
    persons.append(hh.save_person(a, households[0], hh.PersonDraft(full_name="Hoàng Thị Mai")))
    cm.mark(a, households[:2], YEAR, cm.Mark("signed", signed_on=INSIDE))
    listening = mt.meeting_type_by_code(a, "lang_nghe_y_kien").id
    meeting = mt.save_meeting(
        a,
        mt.MeetingDraft(
            type_id=listening, title="Hội nghị quý I", starts_at=datetime(YEAR, 2, 3, 8), attendees_total=40
        ),
    )
    old_meeting = mt.save_meeting(
        a,
        mt.MeetingDraft(
            type_id=listening,
            title="Hội nghị năm trước",
            starts_at=datetime(YEAR - 1, 6, 10, 8),
            attendees_total=30,
        ),
    )
    opinion = mt.add_opinion(a, meeting, mt.OpinionDraft(content="Đường tối", speaker_name="Ông B"))
    d = aw.new_decision(a, year=YEAR)
    d.number, d.decided_on, d.signer_name = "15", INSIDE, "Nông Văn Thành"
    decision = aw.save_decision(a, d)
    mediation = rs.save(a, rs.MediationDraft(INSIDE, successful=True))
    return dict(
        villages=villages,
        households=households,
        persons=persons,
        meeting=meeting,
        opinion=opinion,
        decision=decision,
        mediation=mediation,
        old_meeting=old_meeting,
    )


@pytest.fixture
def province(tmp_path: Path):
    hub_db = setup_station(tmp_path / "hub.sqlite3", "hub")
    a = setup_station(tmp_path / "a.sqlite3", "A")
    try:
        pair_with_hub(hub_db, a)
        for db in (hub_db, a):
            rp.set_convention(db, "calendar")
        p = Province(tmp_path, hub_db, a, **_fill(a))
        p.up()
        yield p
    finally:
        hub_db.dispose()
        a.dispose()


def approved_row(db: Database) -> ReportSubmission:
    with db.session() as s:
        row = s.scalar(
            select(ReportSubmission).where(
                ReportSubmission.commune_code == CODE, ReportSubmission.period == PERIOD
            )
        )
        assert row is not None
        s.expunge(row)
        return row


def refused(fn: Callable[..., Any], *args: Any, **kw: Any) -> str:
    return refused_in(PERIOD, fn, *args, **kw)


def refused_in(period: str, fn: Callable[..., Any], *args: Any, **kw: Any) -> str:
    with pytest.raises(UserError) as err:
        fn(*args, **kw)
    text = err.value.vi
    assert text.startswith(f"Kỳ báo cáo {period} "), text
    assert "đã được cấp trên phê duyệt ngày " in text and "mở lại kỳ" in text, text
    assert "\n" not in text and text.endswith("."), text
    return text


def figures(db: Database) -> dict[str, Any]:
    return rp.compute(db, PERIOD).values()


def persons_of(db: Database, household_id: str) -> list[str]:
    with db.session() as s:
        return sorted(
            s.scalars(
                select(Person.full_name).where(Person.household_id == household_id, Person.deleted.is_(False))
            )
        )


def test_the_approval_travels_down_with_its_figures_and_freezes_them_at_the_commune(
    province: Province,
) -> None:
    p, a = province, province.a
    own = figures(a)
    hub.approve(p.hub, CODE, PERIOD, REASON)
    p.down()

    # The approval row carries the approved figures: the commune's report, computed at the hub.
    row = approved_row(a)
    assert row.locked and row.lock_reason == REASON
    assert row.approved_figures["values"] == own
    assert row.approved_figures["period"]["code"] == PERIOD
    assert own["households.total"] == 3 and own["households.signed"] == 2

    h0, h1, h2 = p.households
    head0, _head1, _head2, mai = p.persons
    text = refused(hh.save_household, a, hh.HouseholdDraft(village_id=p.villages[0]))  # a new household
    assert "hộ gia đình" in text and REASON in text and date.today().strftime("%d/%m/%Y") in text
    refused(hh.delete_households, a, [h2])  # deleting one
    moved = hh.get_household(a, h1).household
    moved.village_id = p.villages[0]  # moving it to another village
    refused(hh.save_household, a, moved)
    refused(hh.save_person, a, h0, hh.PersonDraft(full_name="Hoàng Văn Mới"))  # a new member
    assert "nhân khẩu" in refused(hh.delete_person, a, mai)  # removing one
    refused(hh.move_person, a, mai, h2)  # moving one to another household
    refused(hh.split_household, a, h0, [mai], mai)
    refused(hh.merge_households, a, h0, h2)
    refused(cm.mark, a, [h2], YEAR, cm.Mark("signed", signed_on=INSIDE))  # a commitment
    refused(cm.mark, a, [h0], YEAR, cm.Mark("not_signed"))
    draft = mt.get_meeting(a, p.meeting).meeting
    draft.attendees_total, draft.attendees, draft.opinions = 55, None, None
    refused(mt.save_meeting, a, draft)  # a meeting
    refused(mt.add_opinion, a, p.meeting, mt.OpinionDraft(content="Thêm", speaker_name="Bà C"))  # an opinion
    op = mt.get_opinion(a, p.opinion)
    op.content = "Đường tối, xin lắp đèn"
    refused(mt.save_opinion, a, op)
    d = aw.new_decision(a, year=YEAR)
    d.number, d.decided_on, d.signer_name = "16", INSIDE, "Nông Văn Thành"
    refused(aw.save_decision, a, d)  # an award
    refused(aw.delete_decision, a, p.decision)
    refused(rs.save, a, rs.MediationDraft(INSIDE, successful=False, id=p.mediation))  # other results
    refused(rs.save, a, rs.TipDraft(INSIDE))

    # Nothing of it was written: the figures are the approved ones, the household is whole.
    assert figures(a) == own
    assert persons_of(a, h0) == sorted(["Hoàng Văn Đức", "Hoàng Thị Mai"])
    assert hh.get_household(a, h1).household.village_id == p.villages[1]

    # Outside the period, and fields in no figure, still go through.
    rs.save(a, rs.MediationDraft(OUTSIDE, successful=False))
    old = mt.get_meeting(a, p.old_meeting).meeting
    old.attendees_total, old.attendees, old.opinions = 35, None, None
    mt.save_meeting(a, old)
    cm.mark(a, [h2], YEAR - 1, cm.Mark("signed", signed_on=OUTSIDE))
    addr = hh.get_household(a, h0).household
    addr.address, addr.phone = "Số 1, đường Pác Bó", "0912345678"
    hh.save_household(a, addr)
    hh.save_person(
        a, h0, hh.PersonDraft(full_name="Hoàng Văn Đức", id=head0, relation_to_head="Chủ hộ", phone="0987")
    )
    assert figures(a) == own


def test_a_past_locked_period_leaves_todays_household_work_alone_but_not_a_backdated_move(
    province: Province,
) -> None:
    """A household change is effective the day it is recorded, a move on the date the officer gives."""
    p, a = province, province.a
    last_year = str(YEAR - 1)
    hub.approve(p.hub, CODE, last_year)
    p.down()
    h0, _h1, h2 = p.households
    mai = p.persons[3]
    text = refused_in(last_year, hh.move_person, a, mai, h2, on=date(YEAR - 1, 11, 2))
    assert "biến động của hộ gia đình ngày 02/11" in text
    hh.save_household(a, hh.HouseholdDraft(village_id=p.villages[0]))  # today: outside the locked year
    hh.move_person(a, mai, h2)
    hh.delete_households(a, [h0])
    refused_in(last_year, rs.save, a, rs.MediationDraft(OUTSIDE))  # a dated record of that year still is
    assert figures(a)["households.total"] == 3


def test_a_commitment_of_the_year_signed_before_its_start_is_frozen_too(province: Province) -> None:
    """The report counts a commitment by its year: one for YEAR signed in December before counts in YEAR."""
    p, a = province, province.a
    hub.approve(p.hub, CODE, PERIOD)
    p.down()
    text = refused(cm.mark, a, [p.households[2]], YEAR, cm.Mark("signed", signed_on=date(YEAR - 1, 12, 20)))
    assert f"bản cam kết năm {YEAR}" in text


def test_the_hub_flags_figures_that_differ_from_the_approved_ones(province: Province) -> None:
    p, a = province, province.a
    hub.approve(p.hub, CODE, PERIOD, REASON)
    [row] = [c for c in hub.list_communes(p.hub, PERIOD).communes if c.commune_code == CODE]
    assert row.approved and row.approved_at is not None and not row.differs
    assert row.to_dict()["approved"] is True and row.to_dict()["differs"] is False
    check = hub.approval(p.hub, CODE, PERIOD)
    assert check.approved and not check.differs
    assert {i.code: i.approved for i in check.indicators} == {i.code: i.current for i in check.indicators}

    # The commune adds a household before the lock reaches it; its bundle reaches the hub (an import
    # is never refused), so the hub's copy no longer gives the approved figures.
    hh.save_household(a, hh.HouseholdDraft(village_id=p.villages[0]))
    p.up()
    [row] = [c for c in hub.list_communes(p.hub, PERIOD).communes if c.commune_code == CODE]
    assert row.approved and row.differs
    assert row.differences["households.total"] == {
        "label": "Tổng số hộ gia đình đang cư trú trên địa bàn",
        "approved": 3,
        "current": 4,
    }
    assert row.differences["households.signed_pct"]["approved"] == pytest.approx(66.67)
    check = hub.approval(p.hub, CODE, PERIOD)
    assert check.differs and {i.code for i in check.differences} >= {
        "households.total",
        "households.signed_pct",
    }
    assert "households.signed" not in {i.code for i in check.differences}

    # A period that is not approved is not flagged.
    other = hub.approval(p.hub, CODE, str(YEAR - 1))
    assert not other.approved and not other.differs


def test_reopening_travels_down_and_the_edits_work_again(province: Province) -> None:
    p, a = province, province.a
    hub.approve(p.hub, CODE, PERIOD, REASON)
    p.down()
    refused(hh.save_household, a, hh.HouseholdDraft(village_id=p.villages[0]))
    hub.reopen(p.hub, CODE, PERIOD, "Bổ sung hộ mới chuyển đến")
    assert not hub.approval(p.hub, CODE, PERIOD).approved
    p.down()
    row = approved_row(a)
    assert not row.locked and "Bổ sung hộ mới chuyển đến" in row.reopen_reason
    hh.save_household(a, hh.HouseholdDraft(village_id=p.villages[0]))
    hh.delete_households(a, [p.households[2]])
    rs.save(a, rs.MediationDraft(INSIDE, successful=False, id=p.mediation))
    assert figures(a)["households.total"] == 3


def test_approve_reopen_and_approval_on_the_command_line(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    hub_dir, a_dir = tmp_path / "tinh", tmp_path / "xa"
    hub_dir.mkdir()
    a_dir.mkdir()
    hub_db = setup_station(hub_dir / "antq.sqlite3", "hub")
    a = setup_station(a_dir / "antq.sqlite3", "A")
    try:
        pair_with_hub(hub_db, a)
        for db in (hub_db, a):
            rp.set_convention(db, "calendar")
        p = Province(tmp_path, hub_db, a, **_fill(a))
        p.up()
    finally:
        hub_db.dispose()
        a.dispose()
    h = ["--data-dir", hub_dir, "hub"]

    done = run_cli(*h, "approve", "--commune", CODE, "--period", PERIOD, "--reason", REASON, "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["approved"] is True and out["differs"] is False and out["reason"] == REASON
    signed = {i["code"]: i for i in out["indicators"]}["households.signed"]
    assert signed["approved"] == signed["current"] == 2 and signed["differs"] is False
    view = json.loads(run_cli(*h, "communes", "--period", PERIOD, "--json").stdout)
    [c] = [c for c in view["communes"] if c["commune_code"] == CODE]
    assert c["approved"] is True and c["differs"] is False and c["approved_at"]
    text = run_cli(*h, "approval", "--commune", CODE, "--period", PERIOD)
    assert text.returncode == 0 and "đã duyệt 2, hiện tại 2" in text.stdout, text.stdout

    # Bad input: one sentence, exit 1, no traceback.
    for args in (
        ("reopen", "--commune", CODE, "--period", PERIOD),  # no reason
        ("reopen", "--commune", CODE, "--period", PERIOD, "--reason", "  "),
        ("approve", "--commune", "99999", "--period", PERIOD),  # a commune the hub does not know
        ("approve", "--commune", CODE, "--period", "năm ngoái"),  # not a period
        ("reopen", "--commune", CODE, "--period", str(YEAR - 1), "--reason", "Sửa"),  # not locked
    ):
        bad = run_cli(*h, *args)
        assert bad.returncode == 1, (args, bad.stdout, bad.stderr)
        assert "Traceback" not in bad.stderr and len(bad.stderr.strip().splitlines()) == 1, bad.stderr
    commune = run_cli("--data-dir", a_dir, "hub", "approve", "--commune", CODE, "--period", PERIOD)
    assert commune.returncode == 1 and "máy tổng hợp" in commune.stderr, commune.stderr

    again = run_cli(*h, "reopen", "--commune", CODE, "--period", PERIOD, "--reason", "Bổ sung số liệu")
    assert again.returncode == 0 and "Đã mở lại kỳ" in again.stdout, again.stderr
    view = json.loads(run_cli(*h, "communes", "--period", PERIOD, "--json").stdout)
    [c] = [c for c in view["communes"] if c["commune_code"] == CODE]
    assert c["approved"] is False and c["differs"] is False


def test_the_hub_screen_shows_approved_beside_current_figures_and_flags_the_difference(
    province: Province, qtbot, station, monkeypatch
) -> None:
    from types import SimpleNamespace

    from PySide6.QtWidgets import QMessageBox
    from qt_support import setup_app

    from antq_desktop.ui.hub import OVERDUE, HubArea

    p = province
    hub.approve(p.hub, CODE, PERIOD, REASON)
    hh.save_household(p.a, hh.HouseholdDraft(village_id=p.villages[0]))  # before the lock reaches A
    p.up()
    setup_app(station.data_dir, "en")
    monkeypatch.setattr(QMessageBox, "warning", lambda *_a, **_k: pytest.fail("no warning expected"))
    area = HubArea(SimpleNamespace(db=p.hub))
    qtbot.addWidget(area)
    area.show()
    tab = area.communes
    tab.period.setText(PERIOD)
    assert tab.refresh()
    t = tab.table
    col = next(c for c in range(t.columnCount()) if t.horizontalHeaderItem(c).text() == "Approved")
    [n] = [r for r in range(t.rowCount()) if t.item(r, 0).text() == CODE]
    cell = t.item(n, col)
    assert cell.text() == "changed" and cell.foreground().color() == OVERDUE
    assert "Tổng số hộ gia đình đang cư trú trên địa bàn: approved 3, now 4" in cell.toolTip()

    tab.lock_commune.setCurrentIndex(tab.lock_commune.findData(CODE))
    tab.lock_period.setText(PERIOD)
    tab.show_locks()
    assert "differ" in tab.approval_status.text() and "2 figures" in tab.approval_status.text()
    a = tab.approval_table
    assert not a.isHidden() and a.rowCount() == len(hub.approval(p.hub, CODE, PERIOD).indicators)
    red = {a.item(r, 0).text() for r in range(a.rowCount()) if a.item(r, 0).foreground().color() == OVERDUE}
    assert red == {i.label for i in hub.approval(p.hub, CODE, PERIOD).differences}
    assert "Tổng số hộ gia đình đang cư trú trên địa bàn" in red

    tab.lock_reason.setText("Xã bổ sung hộ")
    assert tab.reopen()
    assert a.isHidden() and tab.approval_status.text() == ""
