"""Other results (items handed in, tips, surrenders, mediations): save, validate, list, delete softly,
restore, and figures per period, against a real SQLite station."""

from __future__ import annotations

from datetime import date

import pytest

from antq_desktop.services import households as hh
from antq_desktop.services import results as rs
from antq_desktop.services.errors import UserError
from antq_desktop.storage.models import PublicTip


def village(db, name: str = "Thôn Nà Mạ") -> str:
    return next(vid for vid, n in hh.villages(db) if n == name)


def test_save_edit_list_delete_and_restore(station) -> None:
    db = station.db
    vid = village(db)
    a = rs.save(db, rs.HandedInDraft(date(2026, 3, 1), "sung_tu_che", 2, village_id=vid, notes="Ông A giao"))
    b = rs.save(db, rs.HandedInDraft(date(2026, 4, 1), "phao", 1.25))
    rows = rs.list_results(db, rs.ResultQuery("handed_in"))
    assert [r.id for r in rows] == [b, a]  # newest first
    assert rows[1].village == "Thôn Nà Mạ" and rows[1].values["unit"] == "khẩu"
    assert rows[0].summary == "Pháo các loại: 1,25 kg"
    draft = rs.get(db, "handed_in", a)
    draft.quantity = 3
    rs.save(db, draft)
    assert rs.figures(db, date(2026, 1, 1), date(2026, 12, 31)).handed_in["sung_tu_che"] == 3
    rs.delete(db, "handed_in", a)
    assert [r.id for r in rs.list_results(db, rs.ResultQuery("handed_in"))] == [b]
    assert [r.id for r in rs.list_results(db, rs.ResultQuery("handed_in", deleted=True))] == [a]
    assert rs.figures(db, date(2026, 1, 1), date(2026, 12, 31)).guns == 0
    rs.restore(db, "handed_in", a)
    assert rs.figures(db, date(2026, 1, 1), date(2026, 12, 31)).guns == 3
    only = rs.list_results(db, rs.ResultQuery("handed_in", handed_in_kinds=("phao",)))
    assert [r.id for r in only] == [b]
    assert [r.id for r in rs.list_results(db, rs.ResultQuery("handed_in", village_id=vid))] == [a]


def test_filters_and_figures_of_tips_surrenders_mediations(station) -> None:
    db = station.db
    rs.save(db, rs.TipDraft(date(2026, 1, 5), "ma_tuy", led_to_case=True))
    rs.save(db, rs.TipDraft(date(2026, 2, 5)))
    rs.save(db, rs.SurrenderDraft(date(2026, 2, 1), persons=3))
    rs.save(db, rs.MediationDraft(date(2026, 2, 1), successful=True))
    rs.save(db, rs.MediationDraft(date(2026, 3, 1)))
    f = rs.figures(db, date(2026, 1, 1), date(2026, 2, 28))
    assert (f.tips, f.tips_led_to_case, f.surrenders, f.surrender_occasions) == (2, 1, 3, 1)
    assert (f.mediations, f.mediations_successful) == (1, 1)
    d = f.to_dict()
    assert list(d["handed_in"]) == list(rs.ITEM_KINDS) and d["guns"] == 0
    assert len(rs.list_results(db, rs.ResultQuery("tip", led_to_case=True))) == 1
    assert len(rs.list_results(db, rs.ResultQuery("mediation", successful=False))) == 1
    assert len(rs.list_results(db, rs.ResultQuery("tip", start=date(2026, 2, 1)))) == 1


def test_a_tip_stores_no_informant_identity() -> None:
    columns = {c.name for c in PublicTip.__table__.columns}
    assert not columns & {"informant", "informant_name", "person_id", "phone", "speaker_name", "name"}


@pytest.mark.parametrize(
    ("draft", "words"),
    [
        (rs.HandedInDraft(None, "phao", 1), "ngày"),
        (rs.HandedInDraft(date(2026, 1, 1), "bom", 1), "loại"),
        (rs.HandedInDraft(date(2026, 1, 1), "phao", 0), "lớn hơn 0"),
        (rs.HandedInDraft(date(2999, 1, 1), "phao", 1), "sau hôm nay"),
        (rs.TipDraft(date(2026, 1, 1), "khong_co"), "lĩnh vực"),
        (rs.SurrenderDraft(date(2026, 1, 1), persons=0), "từ 1"),
        (rs.MediationDraft(date(2026, 1, 1), village_id="khong-co"), "chọn lại"),
    ],
)
def test_bad_input_is_one_vietnamese_sentence(station, draft, words: str) -> None:
    with pytest.raises(UserError) as err:
        rs.save(station.db, draft)
    text = err.value.vi
    assert words in text and text.endswith(".") and "\n" not in text


def test_unknown_kind_and_missing_record(station) -> None:
    with pytest.raises(UserError, match="Loại kết quả"):
        rs.list_results(station.db, rs.ResultQuery("khac"))
    with pytest.raises(UserError, match="Không tìm thấy"):
        rs.delete(station.db, "tip", "khong-co")
