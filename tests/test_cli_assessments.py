"""``antq assessments`` as a person runs it (issue 19, part 4): real processes on a real station file,
``--json`` with stable keys, bad input refused with one sentence and exit 1, the Giấy công nhận PDF."""

from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from antq_desktop.storage.paths import DataDir

Cli = Callable[..., subprocess.CompletedProcess[str]]

VILLAGE_KEYS = {
    "village_id", "village", "year", "id", "registered", "households", "households_absent",
    "households_residing", "households_signed", "households_percent", "criterion1_met", "criteria",
    "all_criteria_met", "meeting_id", "result", "result_label", "decision_number", "decision_on",
}  # fmt: skip
COMMUNE_KEYS = {
    "year", "units", "villages", "other_units", "registered", "recognised", "percent", "threshold_pct",
    "needed", "all_registered", "meets_threshold", "by_kind", "commune_criteria", "commune_criteria_met",
    "unmet", "meets_standard", "result", "result_label", "decision_number", "decision_on", "unit_list",
}  # fmt: skip
UNIT_KEYS = {"id", "name", "kind", "kind_label", "village_id", "village", "address"}


@pytest.fixture
def root(data_dir: DataDir, station_template: Path) -> Path:
    """The test station (Xã Quảng Lâm, 3 villages, admin/secret-1234) as a closed data folder."""
    data_dir.ensure()
    shutil.copyfile(station_template, data_dir.database)
    return data_dir.root


def ok(proc: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert proc.returncode == 0, proc.stderr
    return proc


def refused(proc: subprocess.CompletedProcess[str], words: str) -> None:
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "Traceback" not in proc.stderr, proc.stderr


def test_units_results_and_the_commune_through_the_command_line(run_cli: Cli, root: Path) -> None:
    def antq(*args: object) -> subprocess.CompletedProcess[str]:
        return run_cli("--data-dir", root, "assessments", *args)

    ok(
        antq(
            "units",
            "add",
            "--name",
            "Trường THCS Quảng Lâm",
            "--kind",
            "co_so_giao_duc",
            "--village",
            "thon na ma",
        )
    )
    ok(antq("units", "add", "--name", "Công ty Nà Mạ", "--kind", "doanh_nghiep", "--address", "Km 3"))
    units = json.loads(ok(antq("units", "list", "--json")).stdout)["units"]
    assert [set(u) for u in units] == [UNIT_KEYS, UNIT_KEYS]
    assert [(u["name"], u["kind"], u["village"]) for u in units] == [
        ("Trường THCS Quảng Lâm", "co_so_giao_duc", "Thôn Nà Mạ"),
        ("Công ty Nà Mạ", "doanh_nghiep", ""),
    ]

    done = ok(
        antq("set", "--year", "2026", "--unit", "truong thcs quang lam", "--registered", "yes", "--criteria", "all",
             "--result", "recognised", "--decision-number", "25/QĐ-UBND", "--decision-date", "2026-11-10", "--json")
    )  # fmt: skip
    got = json.loads(done.stdout)["assessment"]
    assert (got["registered"], got["result"], got["decision_on"]) == (True, "recognised", "2026-11-10")
    ok(antq("set", "--year", "2026", "--village", "Bản Pác Bó", "--registered", "yes"))

    villages = json.loads(ok(antq("village", "--year", "2026", "--json")).stdout)
    assert villages["year"] == 2026 and len(villages["villages"]) == 3
    assert all(set(v) == VILLAGE_KEYS for v in villages["villages"])
    assert [v["registered"] for v in villages["villages"]] == [False, True, False]

    commune = json.loads(ok(antq("commune", "--year", "2026", "--json")).stdout)
    assert set(commune) == COMMUNE_KEYS
    assert (commune["units"], commune["villages"], commune["other_units"]) == (5, 3, 2)
    assert (commune["registered"], commune["recognised"], commune["needed"]) == (2, 1, 2)
    assert commune["by_kind"]["co_so_giao_duc"] == {"units": 1, "registered": 1, "recognised": 1}
    assert [c["met"] for c in commune["commune_criteria"]] == [False] * 5
    assert commune["meets_standard"] is False
    ok(antq("set", "--year", "2026", "--commune", "--criteria", "x1_dang_uy_nghi_quyet,x1_mo_hinh"))
    commune = json.loads(ok(antq("commune", "--year", "2026", "--json")).stdout)
    assert [c["code"] for c in commune["commune_criteria"] if c["met"]] == [
        "x1_dang_uy_nghi_quyet",
        "x1_mo_hinh",
    ]
    text = ok(antq("commune", "--year", "2026")).stdout
    assert "5 đơn vị (3 khu dân cư, 2 cơ quan, doanh nghiệp, cơ sở giáo dục)" in text

    pdf = root / "gcn.pdf"
    printed = ok(antq("certificate", "--year", "2026", "-o", pdf))
    assert "1 Giấy công nhận" in printed.stdout
    reader = PdfReader(pdf)
    page = unicodedata.normalize("NFC", reader.pages[0].extract_text())
    assert len(reader.pages) == 1
    assert "TRƯỜNG THCS QUẢNG LÂM" in page and "năm 2026" in page and "GIẤY CÔNG NHẬN" in page
    assert "dd/mm/yyyy" not in page.lower()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["set", "--year", "2026", "--unit", "Không có", "--registered", "yes"], "Không tìm thấy đơn vị"),
        (
            ["set", "--year", "2026", "--village", "Thôn Ma", "--registered", "yes"],
            "Không có thôn, tổ dân phố",
        ),
        (["set", "--year", "2026", "--commune", "--criteria", "x9"], "Không có tiêu chí mã “x9”"),
        (["set", "--year", "2026", "--commune", "--decision-date", "10-11"], "không đúng dạng YYYY-MM-DD"),
        (
            ["set", "--year", "2026", "--commune", "--result", "proposed"],
            "Chưa đủ điều kiện đề nghị công nhận xã",
        ),
        (["commune", "--year", "26"], "Năm 26 không hợp lệ"),
        (["units", "add", "--name", "A", "--kind", "truong"], "lựa chọn không có"),
        (["certificate", "--year", "2026", "-o", "gcn.txt"], "đuôi .pdf"),
        (["certificate", "--year", "2026", "-o", "gcn.pdf"], "chưa có đơn vị nào được công nhận"),
    ],
    ids=["unit", "village", "criterion", "date", "unmet", "year", "kind", "suffix", "none recognised"],
)
def test_bad_input_is_one_sentence_and_exit_1(run_cli: Cli, root: Path, args: list[str], words: str) -> None:
    refused(run_cli("--data-dir", root, "assessments", *args), words)


def test_the_upper_levels_hub_is_refused_in_one_sentence(run_cli: Cli, tmp_path: Path) -> None:
    from test_sync_support import setup_station

    folder = tmp_path / "hub"
    folder.mkdir()
    setup_station(folder / "antq.sqlite3", "hub").dispose()  # admin/secret-1234, like the test station
    refused(run_cli("--data-dir", folder, "assessments", "commune", "--year", "2026"), "máy của xã")
