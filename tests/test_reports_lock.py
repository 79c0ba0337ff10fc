"""The upper level's period lock: edits of records dated in a locked period are refused with the
reason, in Vietnamese, by every service; reopening the period lets them through again."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import update

from antq_desktop.services import groups as gr
from antq_desktop.services import meetings as mt
from antq_desktop.services import reports as rp
from antq_desktop.services import results as rs
from antq_desktop.services.errors import UserError
from antq_desktop.storage.models import Site

UPPER = "Công an tỉnh Cao Bằng"


@pytest.fixture
def db(station):
    rp.set_convention(station.db, "dec15")
    return station.db


def refused(fn, *args, **kw) -> str:
    with pytest.raises(UserError) as err:
        fn(*args, **kw)
    text = err.value.vi
    assert "\n" not in text and text.endswith(".") and text[0].isupper(), text
    return text


def test_a_locked_period_refuses_edits_with_the_reason_and_accepts_them_after_reopening(db) -> None:
    inside = rs.save(db, rs.MediationDraft(date(2026, 6, 15), successful=False))
    outside = rs.save(db, rs.MediationDraft(date(2026, 10, 10), successful=False))
    meeting = mt.save_meeting(
        db,
        mt.MeetingDraft(
            type_id=mt.meeting_type_by_code(db, "lang_nghe_y_kien").id,
            title="Hội nghị quý III",
            starts_at=datetime(2026, 7, 10, 8),
            attendees_total=45,
        ),
    )
    opinion = mt.add_opinion(db, meeting, mt.OpinionDraft(content="Đất", speaker_name="Bà B"))
    rp.mark_sent(db, "2026-Q3")

    rp.approve_period(db, "01304", "2026-Q3", by=UPPER, reason="Đã duyệt số liệu quý III")
    assert rp.locked_period_for(db, date(2026, 9, 14)).period == "2026-Q3"
    assert rp.locked_period_for(db, date(2026, 9, 15)) is None

    text = refused(rs.save, db, rs.MediationDraft(date(2026, 6, 15), successful=True, id=inside))
    assert "2026-Q3" in text and "15/06/2026" in text and "14/09/2026" in text
    assert UPPER in text and "Đã duyệt số liệu quý III" in text and "mở lại" in text
    assert text.startswith("Kỳ báo cáo 2026-Q3 ") and "đã được cấp trên phê duyệt ngày " in text
    refused(rs.delete, db, "mediation", inside)  # a tombstone is an edit too
    refused(rs.save, db, rs.TipDraft(date(2026, 7, 1)))  # a new record in the period
    refused(rs.save, db, rs.MediationDraft(date(2026, 7, 1), id=outside))  # moving a record in
    refused(rs.save, db, rs.MediationDraft(date(2026, 10, 1), id=inside))  # ... or out
    # Every service: a meeting of the period, a group founded in it.
    draft = mt.get_meeting(db, meeting).meeting
    draft.attendees_total, draft.attendees, draft.opinions = 50, None, None
    refused(mt.save_meeting, db, draft)
    camera = next(t.id for t in gr.list_group_types(db) if t.code == "camera_an_ninh")
    refused(gr.save_group, db, gr.GroupDraft(type_id=camera, name="Camera mới", founded_on=date(2026, 8, 1)))
    refused(rp.mark_sent, db, "2026-Q3")
    # Follow-up of an opinion raised in the period is still possible (figures are "as of" the end).
    o = mt.get_opinion(db, opinion)
    o.status, o.answer, o.answered_on = "answered", "Đã trả lời.", date(2026, 11, 1)
    mt.save_opinion(db, o)
    # Records outside the period are not touched by the lock.
    rs.save(db, rs.MediationDraft(date(2026, 10, 10), successful=True, id=outside))
    rs.save(db, rs.TipDraft(date(2026, 9, 15)))
    # Nothing of the refused edits was written.
    [row] = [r for r in rs.list_results(db, rs.ResultQuery("mediation")) if r.id == inside]
    assert row.day == date(2026, 6, 15) and row.values["successful"] is False

    with pytest.raises(UserError, match="lý do"):
        rp.reopen_period(db, "01304", "2026-Q3", reason=" ")
    assert rp.reopen_period(db, "01304", "2026-Q3", reason="Bổ sung số liệu hòa giải", by=UPPER) == 1
    rs.save(db, rs.MediationDraft(date(2026, 6, 15), successful=True, id=inside))
    mt.save_meeting(db, draft)
    [sub] = rp.submissions(db)
    assert not sub.locked and sub.reopen_reason == f"{UPPER}: Bổ sung số liệu hòa giải"
    with pytest.raises(UserError, match="không bị khóa"):
        rp.reopen_period(db, "01304", "2026-Q3", reason="Lần nữa")


def test_the_lock_binds_only_its_commune_and_not_the_upper_levels_database(db) -> None:
    inside = rs.save(db, rs.MediationDraft(date(2026, 7, 1)))
    rp.approve_period(db, "99999", "2026-Q3", by=UPPER)  # another commune's period
    rs.save(db, rs.MediationDraft(date(2026, 7, 2), id=inside))
    rp.approve_period(db, "01304", "2026", by=UPPER)
    refused(rs.save, db, rs.MediationDraft(date(2026, 7, 3), id=inside))
    with db.session() as s:
        s.execute(update(Site).where(Site.is_self.is_(True)).values(role="hub"))
    rs.save(db, rs.MediationDraft(date(2026, 7, 3), id=inside))


def test_approval_needs_the_approving_unit(db) -> None:
    with pytest.raises(UserError, match="đơn vị duyệt"):
        rp.approve_period(db, "01304", "2026-Q3", by="  ")


def test_a_lock_the_upper_level_made_itself_travels_down_and_binds_the_commune(tmp_path) -> None:
    """The commune sent nothing for the period; the hub's approval still reaches it in a bundle."""
    from test_sync_support import COMMUNES, pair_with_hub, setup_station

    from antq_desktop.sync import export_bundle, import_bundle

    hub = setup_station(tmp_path / "hub.sqlite3", "hub")
    commune = setup_station(tmp_path / "a.sqlite3", "A")
    try:
        pair_with_hub(hub, commune)
        rp.set_convention(commune, "calendar")
        rp.set_convention(hub, "calendar")
        inside = rs.save(commune, rs.MediationDraft(date(2026, 7, 1)))
        rp.approve_period(hub, COMMUNES["A"][0], "2026-Q3", by=UPPER, reason="đã duyệt báo cáo quý III")
        with commune.session() as s:
            commune_id = s.scalar(
                Site.__table__.select().with_only_columns(Site.id).where(Site.is_self.is_(True))
            )
        export_bundle(hub, commune_id, tmp_path / "down.antq")
        import_bundle(commune, tmp_path / "down.antq")
        text = refused(rs.save, commune, rs.MediationDraft(date(2026, 7, 2), id=inside))
        assert "đã duyệt báo cáo quý III" in text
    finally:
        hub.dispose()
        commune.dispose()
