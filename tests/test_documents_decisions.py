"""The award decision a chief will sign (issue 19, Deliver 1), read back from the real PDF (pypdf)
and the real Word file (python-docx): its "Căn cứ" lines and proposer, the header lines and place of
its authority, the annex with each recipient's address and own achievement, the Word file's
property elements in the schema's order, and the refusal to issue without any legal basis."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader
from sqlalchemy import select

from antq_desktop.documents import wordml
from antq_desktop.papers import decisions as pd
from antq_desktop.services import awards as aw
from antq_desktop.services import households as hh
from antq_desktop.services import settings
from antq_desktop.services.errors import UserError
from antq_desktop.storage.models import Award

DAY = date(2026, 8, 19)
SHORT_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b|dd/mm/yyyy", re.I)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def pdf_text(path: Path) -> list[str]:
    return [norm(p.extract_text()) for p in PdfReader(path).pages]


def docx_text(path: Path) -> str:
    """Every paragraph of the body and of its tables, in document order."""
    doc = Document(str(path))
    return norm(" ".join(t.text for t in doc.element.body.iter(qn("w:t"))))


def _village(station, name: str = "Thôn Nà Mạ") -> str:
    return next(vid for vid, n in hh.villages(station.db) if n == name)


def _decision(station, **changes) -> str:
    """A Giấy khen of the Chủ tịch UBND xã Quảng Lâm with three recipients: a person of the register
    (whose row will hold no details), a village, and an individual with an achievement of his own."""
    db = station.db
    d = aw.new_decision(db, year=2026)
    d.number, d.decided_on, d.signer_name = "15", DAY, "Nông Văn Thành"
    for k, v in changes.items():
        setattr(d, k, v)
    did = aw.save_decision(db, d)
    hid = hh.save_household(db, hh.HouseholdDraft(village_id=_village(station), address="Số 12, thôn Nà Mạ"))
    pid = hh.save_person(
        db, hid, hh.PersonDraft(full_name="Đặng Thị Đào", relation_to_head="Chủ hộ", sex="F")
    )
    aw.add_recipients(
        db,
        [
            aw.RecipientDraft(did, "person", person_id=pid),
            aw.RecipientDraft(did, "village", village_id=_village(station, "Xóm Đông Đình")),
            aw.RecipientDraft(
                did,
                "individual",
                name="Lò Văn Páo",
                info="Trưởng xóm Đông Đình",
                achievement="Bắt giữ 02 đối tượng",
            ),
        ],
    )
    with db.session() as s:  # rows written before the column was filled, or by the demo: no details
        for a in s.scalars(select(Award).where(Award.decision_id == did, Award.recipient_kind == "person")):
            a.recipient_info = ""
    return did


def _both(station, did: str, tmp_path: Path) -> tuple[str, str, str]:
    """(first PDF page, PDF annex, whole .docx) of the decision."""
    pdf, word = tmp_path / "qd.pdf", tmp_path / "qd.docx"
    assert pd.write_decision_file(station.db, did, pdf) == "pdf"
    assert pd.write_decision_file(station.db, did, word) == "docx"
    pages = pdf_text(pdf)
    return pages[0], " ".join(pages[1:]), docx_text(word)


def test_a_commune_decision_has_its_bases_proposer_and_a_filled_annex(station, tmp_path):
    did = _decision(station)
    first, annex, word = _both(station, did, tmp_path)
    for text in (first, word):
        assert "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;" in text
        assert "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023" in text
        assert "Theo đề nghị của Trưởng Công an xã Quảng Lâm." in text
        assert "ỦY BAN NHÂN DÂN XÃ QUẢNG LÂM" in text and "BỘ CÔNG AN" not in text
        assert "Quảng Lâm, ngày 19 tháng 8 năm 2026" in text
    for text in (annex, word):
        assert (
            "(Kèm theo Quyết định số 15/QĐ-UBND ngày 19 tháng 8 năm 2026 của Chủ tịch Ủy ban nhân dân" in text
        )
        # The person's row held no details: the household's address and the commune fill the column.
        assert "Bà Đặng Thị Đào Số 12, thôn Nà Mạ, xã Quảng Lâm Đã có thành tích xuất sắc" in text
        assert "Nhân dân và cán bộ xóm Đông Đình xã Quảng Lâm Đã có thành tích" in text
        assert "Lò Văn Páo Trưởng xóm Đông Đình Bắt giữ 02 đối tượng" in text
        assert "Như Điều 1" not in text
    for text in (first, annex, word):
        assert not SHORT_DATE.search(text), SHORT_DATE.search(text)


def test_a_provincial_police_decision_names_the_ministry_the_province_and_its_place(station, tmp_path):
    aw.save_award_settings(
        station.db,
        aw.AwardSettings(regulation_police="Quyết định số 25/QĐ-CAT ban hành Quy chế thi đua, khen thưởng"),
    )
    # Typed as people say it, on a form that began as the commune's (its bases follow the authority).
    did = _decision(
        station, authority="Công an Cao Bằng", signer_title="GIÁM ĐỐC", signer_rank="Đại tá", symbol="QĐ-CAT"
    )
    first, _annex, word = _both(station, did, tmp_path)
    for text in (first, word):
        assert text.index("BỘ CÔNG AN") < text.index("CÔNG AN TỈNH CAO BẰNG") < text.index("Số: 15/QĐ-CAT")
        assert "Cao Bằng, ngày 19 tháng 8 năm 2026" in text and "Quảng Lâm, ngày" not in text
        assert "GIÁM ĐỐC CÔNG AN TỈNH CAO BẰNG" in text and "GIÁM ĐỐC CÔNG AN CAO BẰNG" not in text
        assert "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;" in text
        assert "Căn cứ Quyết định số 25/QĐ-CAT ban hành Quy chế thi đua, khen thưởng;" in text
        assert "Luật Tổ chức chính quyền địa phương" not in text
        assert "Theo đề nghị của" in text and "Đại tá Nông Văn Thành" in text
    (c, *_) = aw.certificate_data(station.db, did)
    assert c.awarding_line == "GIÁM ĐỐC CÔNG AN TỈNH CAO BẰNG" and c.place == "Cao Bằng"


def test_a_decision_whose_wording_was_never_written_prints_the_defaults(station, tmp_path):
    """The demo's and a synced decision's wording is not stored: the paper takes the defaults."""
    did = _decision(station)
    with station.db.session() as s:
        settings.put(s, aw.EXTRA_PREFIX + did, {})
    first, _annex, word = _both(station, did, tmp_path)
    for text in (first, word):
        assert "Căn cứ Luật Thi đua, khen thưởng" in text and "Theo đề nghị của Trưởng Công an xã" in text


def test_the_word_file_keeps_the_schema_order_of_every_paragraph_property(station, tmp_path):
    did = _decision(station, authority="Công an tỉnh Cao Bằng", signer_title="GIÁM ĐỐC")
    out = tmp_path / "qd.docx"
    pd.write_decision_file(station.db, did, out)
    doc = Document(str(out))
    order = [qn(f"w:{n}") for n in wordml.ORDER["w:pPr"]]
    checked = 0
    for p_pr in doc.element.body.iter(qn("w:pPr")):
        tags = [child.tag for child in p_pr]
        assert tags == sorted(tags, key=order.index), tags
        checked += 1
    assert checked > 30
    assert len(doc.tables) == 3  # header, signature, annex
    assert doc.tables[2].rows[0].cells[2].text == "Chức vụ, địa chỉ"


def test_issuing_without_any_legal_basis_asks_for_a_confirmation(station):
    did = _decision(station, bases=[])
    assert aw.missing_bases(station.db, did)
    with pytest.raises(UserError) as refused:
        aw.issue_decision(station.db, did)
    sentence = refused.value.vi
    assert "Căn cứ" in sentence and "\n" not in sentence and sentence.count(". ") == 0
    assert aw.get_decision(station.db, did).status == "draft"
    assert aw.issue_decision(station.db, did, without_bases=True)
    assert aw.get_decision(station.db, did).status == "issued"
    with pytest.raises(UserError, match="định dạng|đuôi"):
        pd.write_decision_file(station.db, did, "/tmp/qd.txt")
