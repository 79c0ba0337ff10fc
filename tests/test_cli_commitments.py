"""`antq commitments coverage` and `antq commitments forms` as real processes on a real station."""

from __future__ import annotations

import json
import unicodedata
from datetime import date

from pypdf import PdfReader

from antq_desktop.services import commitments as cm
from antq_desktop.services import households as hh

YEAR = 2026


def _fill(station) -> None:
    db = station.db
    vid = cm.village_by_name(db, "Nà Mạ")[0]
    ids = []
    for head, number in (("Đỗ Văn Nhẫn", "004070012345"), ("Hoàng Thị Lan", ""), ("Lục Văn Đức", "")):
        hid = hh.save_household(db, hh.HouseholdDraft(village_id=vid, address=f"Nà Mạ, nhà {head}"))
        hh.save_person(
            db,
            hid,
            hh.PersonDraft(full_name=head, relation_to_head="Chủ hộ", birth_year=1970, id_number=number),
        )
        ids.append(hid)
    cm.mark(db, ids[:2], YEAR, cm.Mark("signed", signed_on=date(2026, 2, 3)))
    cm.mark(db, ids[2:], YEAR, cm.Mark("refused"))


def test_coverage_json_is_the_contract(station, run_cli):
    _fill(station)
    station.close()
    proc = run_cli("--data-dir", station.data_dir.root, "commitments", "coverage", "--year", YEAR, "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["year"] == YEAR
    na_ma = data["villages"][0]
    assert na_ma == {
        "village": "Thôn Nà Mạ",
        "households": 3,
        "signed": 2,
        "not_signed": 0,
        "refused": 1,
        "absent": 0,
        "broken": 0,
        "percent": 66.7,
        "meets_100_percent": False,
        "residing": 3,
    }
    assert data["commune"]["households"] == 3
    text = run_cli("--data-dir", station.data_dir.root, "commitments", "coverage", "--year", YEAR)
    assert "Thôn Nà Mạ: 2/3 hộ, 66,7%  (chưa đạt 100%)" in text.stdout


def test_forms_pdf_for_a_village(station, run_cli, tmp_path):
    _fill(station)
    station.close()
    out = tmp_path / "cam-ket.pdf"
    proc = run_cli(
        "--data-dir",
        station.data_dir.root,
        "commitments",
        "forms",
        "--year",
        YEAR,
        "--village",
        "thon na ma",
        "-o",
        out,
    )
    assert proc.returncode == 0, proc.stderr
    reader = PdfReader(out)
    assert len(reader.pages) == 3
    first = " ".join(unicodedata.normalize("NFC", reader.pages[0].extract_text()).split())
    assert "Đỗ Văn Nhẫn" in first
    assert "0040******45" in first and "004070012345" not in first
    assert "1. Chấp hành nghiêm chủ trương" in first


def test_bad_input_is_one_sentence_and_exit_1(station, run_cli, tmp_path):
    station.close()
    root = station.data_dir.root
    for args in (
        ("commitments", "forms", "--year", YEAR, "--village", "Khuổi Khon", "-o", tmp_path / "x.pdf"),
        (
            "commitments",
            "forms",
            "--year",
            YEAR,
            "--village",
            "Nà Mạ",
            "-o",
            tmp_path / "x.pdf",
        ),  # no households
        ("commitments", "coverage", "--year", 99),
        ("commitments", "coverage"),
    ):
        proc = run_cli("--data-dir", root, *args)
        assert proc.returncode == 1, (args, proc.stderr)
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_coverage_text_counts_over_the_households_residing_not_those_away(station, run_cli):
    """A household marked "vắng" is left out of the text as it is of the JSON's ``residing``."""
    _fill(station)
    db = station.db
    vid = cm.village_by_name(db, "Nà Mạ")[0]
    hid = hh.save_household(db, hh.HouseholdDraft(village_id=vid, address="Nà Mạ, nhà đi làm xa"))
    hh.save_person(
        db, hid, hh.PersonDraft(full_name="Lò Văn Sáng", relation_to_head="Chủ hộ", birth_year=1980)
    )
    cm.mark(db, [hid], YEAR, cm.Mark("absent"))
    station.close()
    text = run_cli("--data-dir", station.data_dir.root, "commitments", "coverage", "--year", YEAR).stdout
    assert "Thôn Nà Mạ: 2/3 hộ (không tính 1 hộ vắng), 66,7%  (chưa đạt 100%)" in text
    assert "2/4" not in text
