"""Reports take what only people know (issue 19, Deliver 6).

Figures typed by hand for a period and the narrative sections, out as PDF, XLSX and DOCX (each read
back); at a hub, the sum of two communes through real bundles; a province's own template in the data
folder listed and rendered, a bad one refused in one sentence; a hand figure of an approved period
refused; the migration both ways on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select
from test_sync_support import COMMUNES, pair_with_hub, setup_station, site_id

from antq_desktop.papers.reports import write_report
from antq_desktop.services import hub as hub_service
from antq_desktop.services import reports as rp
from antq_desktop.services.errors import UserError
from antq_desktop.storage import migrate
from antq_desktop.storage.database import Database
from antq_desktop.storage.models import AuditEntry, ReportFigure

NARRATIVE = "Phong trào được Nhân dân hưởng ứng, 3 khẩu súng tự chế được giao nộp."
DIRECTIONS = "Duy trì 12 tổ bảo vệ an ninh, trật tự hoạt động hiệu quả."


def _flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def pdf_text(path: Path) -> str:
    return _flat(" ".join(p.extract_text() for p in PdfReader(path).pages))


def docx_text(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            parts += [c.text for c in row.cells]
    return _flat(" ".join(parts))


def one_sentence(proc) -> str:  # noqa: ANN001
    assert proc.returncode == 1, proc.stdout
    line = proc.stderr.strip()
    assert "\n" not in line and "Traceback" not in line and line.endswith("."), line
    return line


def test_two_hand_figures_and_a_narrative_out_as_pdf_xlsx_and_docx(station, run_cli, tmp_path: Path) -> None:
    root = station.data_dir.root
    station.db.dispose()

    def cli(*args: object):  # noqa: ANN202
        return run_cli("--data-dir", root, *args)

    ok = cli("reports", "set-figure", "--period", "2026", "--code", "handed_in.parts", "--value", "7",
             "--note", "3 nòng, 4 ống giảm thanh")  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    assert cli("reports", "set-figure", "--period", "2026", "--code", "key_areas.transformed", "--value", "2"
               ).returncode == 0  # fmt: skip
    # Typing again replaces the figure (one row per commune, period and code).
    assert cli("reports", "set-figure", "--period", "2026", "--code", "key_areas.transformed", "--value", "3"
               ).returncode == 0  # fmt: skip
    body = tmp_path / "danh_gia.txt"
    body.write_text(NARRATIVE + "\n", encoding="utf-8")
    assert cli("reports", "narrative", "--period", "2026", "--section", "danh_gia_chung", "--file", body
               ).returncode == 0  # fmt: skip
    assert cli("reports", "narrative", "--period", "2026", "--section", "phuong_huong", "--text", DIRECTIONS
               ).returncode == 0  # fmt: skip

    listed = cli("reports", "figures", "--period", "2026", "--json")
    assert listed.returncode == 0, listed.stderr
    data = json.loads(listed.stdout)
    typed = {f["code"]: f for f in data["figures"]}
    assert typed["handed_in.parts"]["value"] == 7 and typed["handed_in.parts"]["note"].startswith("3 nòng")
    assert typed["key_areas.transformed"]["value"] == 3 and typed["units.registered"]["value"] is None
    assert [(n["code"], n["typed"]) for n in data["narrative"]] == [
        ("danh_gia_chung", True),
        ("phuong_huong", True),
    ]

    db = Database(f"sqlite:///{station.data_dir.database}")
    try:  # the JSON keys (added: "by_hand", "narrative") and the workbook, in process
        report = rp.compute(db, "2026").to_dict()
        values = {i["code"]: i["value"] for i in report["indicators"]}
        assert values["handed_in.parts"] == 7 and values["key_areas.transformed"] == 3
        assert {i["code"]: i["by_hand"] for i in report["indicators"]}["handed_in.parts"] is True
        assert report["narrative"][0]["text"] == NARRATIVE
        pdf, xlsx, docx = tmp_path / "r.pdf", tmp_path / "r.xlsx", tmp_path / "r.docx"
        write_report(db, "2026", xlsx)
    finally:
        db.dispose()
    proc = cli("report", "--period", "2026", "-o", pdf)
    assert proc.returncode == 0, proc.stderr
    proc = cli("report", "--period", "2026", "--format", "docx", "-o", docx)
    assert proc.returncode == 0 and "r.docx" in proc.stdout, proc.stderr

    for text in (pdf_text(pdf), docx_text(docx)):
        for phrase in (
            "Linh kiện vũ khí (nòng súng, ống giảm thanh, bộ phận khác) chiếc 7",
            "Số địa bàn trọng điểm, phức tạp về an ninh, trật tự được chuyển hóa địa bàn 3",
            "lượt người dự hội nghị “Công an lắng nghe ý kiến Nhân dân”",
            "II. ĐÁNH GIÁ CHUNG",
            NARRATIVE,
            "III. PHƯƠNG HƯỚNG, NHIỆM VỤ",
            DIRECTIONS,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "BÁO CÁO",
            "Nơi nhận:",
        ):
            assert phrase in text, phrase
    from docx import Document
    from test_documents_minutes import schema_order_problems

    word = Document(str(docx))  # opens cleanly: every property element in the schema's order
    assert schema_order_problems(word.element) == [] and schema_order_problems(word.styles.element) == []
    rows = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    by_code = {r[1]: r[4] for r in rows if r[1]}
    assert by_code["handed_in.parts"] == 7 and by_code["key_areas.transformed"] == 3
    cells = {r[2] for r in rows}
    assert {"II. ĐÁNH GIÁ CHUNG", NARRATIVE, DIRECTIONS} <= cells

    # Audited like any change: the trail names the table, the record and the value.
    db = Database(f"sqlite:///{station.data_dir.database}")
    try:
        with db.session() as s:
            rid = s.scalar(select(ReportFigure.id).where(ReportFigure.code == "key_areas.transformed"))
            trail = s.scalars(select(AuditEntry).where(AuditEntry.record_id == rid)).all()
            assert len(s.scalars(select(ReportFigure)).all()) == 2
        assert [e.table_name for e in trail] == ["report_figure", "report_figure"]
        assert trail[-1].username == "admin" and "3" in json.dumps(trail[-1].details)
    finally:
        db.dispose()

    # Bad input: one sentence, exit 1, nothing written.
    for args, words in (
        (("set-figure", "--period", "2026", "--code", "households.total", "--value", "5"), "không phải chỉ tiêu nhập tay"),
        (("set-figure", "--period", "2026", "--code", "handed_in.parts", "--value", "-2"), "số không âm"),
        (("narrative", "--period", "2026", "--section", "phuong_huong", "--file", tmp_path / "none.txt"), "Không đọc được"),
    ):  # fmt: skip
        assert words in one_sentence(cli("reports", *args)), args
    for bad, words in (
        (lambda: rp.parse_value("bảy"), "số không âm"),
        (lambda: rp.set_narrative(station.db, "2026", "ket_luan", "x"), "không có phần"),
    ):
        with pytest.raises(UserError) as err:
            bad()
        assert words in err.value.vi and "\n" not in err.value.vi  # fmt: skip


def _hub_and_two_communes(tmp_path: Path) -> tuple[Database, dict[str, Database]]:
    hub = setup_station(tmp_path / "hub.sqlite3", "hub")
    communes = {k: setup_station(tmp_path / f"{k}.sqlite3", k) for k in ("A", "B")}
    for db in communes.values():
        pair_with_hub(hub, db)
    return hub, communes


def test_at_the_hub_hand_figures_add_up_over_two_communes_through_bundles(tmp_path: Path) -> None:
    from antq_desktop.sync import export_bundle, import_bundle

    hub, communes = _hub_and_two_communes(tmp_path)
    typed = {
        "A": {"handed_in.parts": 3, "units.registered": 10, "units.recognised": 9, "crimes.count": 8,
              "crimes.previous": 10},
        "B": {"handed_in.parts": 4, "units.registered": 10, "units.recognised": 6, "crimes.count": 15,
              "crimes.previous": 10, "reintegration.helped": 5},
    }  # fmt: skip
    try:
        for key, db in communes.items():
            for code, value in typed[key].items():
                rp.set_figure(db, "2026", code, value)
            rp.set_narrative(db, "2026", "danh_gia_chung", f"Đánh giá của xã {key}.")
            export_bundle(db, site_id(hub), tmp_path / f"{key}.antq")
            result = import_bundle(hub, tmp_path / f"{key}.antq")
            assert result.tables["report_figure"].new == len(typed[key])
            assert result.tables["report_narrative"].new == 1
        a = rp.compute(communes["A"], "2026")
        assert a.value("units.recognised_pct") == 90.0 and a.value("crimes.change_pct") == -20.0

        # Each commune's report at the hub equals its own; the province report is their sum.
        for key, db in communes.items():
            code = COMMUNES[key][0]
            there = rp.compute(hub, "2026", commune_code=code)
            assert there.values() == rp.compute(db, "2026").values()
            assert there.narrative[0].text == f"Đánh giá của xã {key}." and there.narrative[0].typed
        province = hub_service.province_report(hub, "2026")
        assert province.value("handed_in.parts") == 7
        assert province.value("reintegration.helped") == 5
        assert province.value("units.registered") == 20 and province.value("units.recognised") == 15
        assert province.value("units.recognised_pct") == 75.0  # 15 / 20, not the mean of 90 and 60
        assert province.value("crimes.count") == 23 and province.value("crimes.change_pct") == 15.0

        from antq_desktop.documents.reports import render_report_docx
        from antq_desktop.papers.letterhead import letterhead

        out = tmp_path / "tinh.docx"
        render_report_docx(province, letterhead(hub), out, day=date(2026, 12, 16))
        text = docx_text(out)
        assert "Linh kiện vũ khí (nòng súng, ống giảm thanh, bộ phận khác) chiếc 7" in text
        # The communes' texts are theirs; the province paper carries the templates to finish in Word.
        assert [(n.code, n.typed) for n in province.narrative] == [
            ("danh_gia_chung", False),
            ("phuong_huong", False),
        ]
        assert "II. ĐÁNH GIÁ CHUNG" in text and "Đánh giá của xã A." not in text

        # The hub reads, it does not type a commune's figures.
        with pytest.raises(UserError):
            rp.set_figure(hub, "2026", "handed_in.parts", 1)
    finally:
        hub.dispose()
        for db in communes.values():
            db.dispose()


def test_a_hand_figure_of_an_approved_period_is_refused(tmp_path: Path) -> None:
    from antq_desktop.sync import export_bundle, import_bundle

    hub, communes = _hub_and_two_communes(tmp_path)
    a = communes["A"]
    try:
        rp.set_figure(a, "2026-Q3", "handed_in.parts", 2)
        export_bundle(a, site_id(hub), tmp_path / "up.antq")
        import_bundle(hub, tmp_path / "up.antq")
        hub_service.approve(hub, COMMUNES["A"][0], "2026-Q3", "đã duyệt quý III")
        approved = hub_service.approval(hub, COMMUNES["A"][0], "2026-Q3")
        assert {i.code: i.approved for i in approved.indicators}["handed_in.parts"] == 2
        export_bundle(hub, site_id(a), tmp_path / "down.antq")
        import_bundle(a, tmp_path / "down.antq")

        for attempt in (
            lambda: rp.set_figure(a, "2026-Q3", "handed_in.parts", 5),
            lambda: rp.set_figure(a, "2026-Q3", "crimes.count", 1),
            lambda: rp.clear_figure(a, "2026-Q3", "handed_in.parts"),
            lambda: rp.set_narrative(a, "2026-Q3", "phuong_huong", "Sửa sau khi duyệt."),
        ):
            with pytest.raises(UserError) as err:
                attempt()
            text = err.value.vi
            assert "\n" not in text and "đã được cấp trên phê duyệt" in text and "2026-Q3" in text, text
            assert "của kỳ này" in text and "mở lại kỳ" in text
        assert rp.compute(a, "2026-Q3").value("handed_in.parts") == 2  # nothing written
        # Another period stays open.
        rp.set_figure(a, "2026-Q4", "handed_in.parts", 1)
    finally:
        hub.dispose()
        for db in communes.values():
            db.dispose()


PROVINCE_TEMPLATE = {
    "code": "tinh_cao_bang",
    "title": "Báo cáo phong trào theo mẫu Công an tỉnh Cao Bằng",
    "subject": "Kết quả phong trào theo mẫu của tỉnh",
    "indicators": [
        {"code": "households.total", "label": "Tổng số hộ", "unit": "hộ", "section": "I. Cơ sở",
         "compute": {"source": "households", "measure": "total"}},
        {"code": "tinh.mo_hinh_diem", "label": "Số mô hình điểm của tỉnh", "unit": "mô hình",
         "section": "I. Cơ sở", "compute": {"source": "manual"}},
    ],
    "narrative": [{"code": "kien_nghi", "title": "Kiến nghị, đề xuất", "template": "Kiến nghị: ......"}],
}  # fmt: skip


def test_a_definition_in_the_data_folder_is_listed_rendered_and_a_bad_one_refused(
    station, run_cli, tmp_path: Path
) -> None:
    root = station.data_dir.root
    station.db.dispose()
    folder = root / "reports"
    folder.mkdir()
    (folder / "tinh_cao_bang.json").write_text(json.dumps(PROVINCE_TEMPLATE, ensure_ascii=False), "utf-8")
    bad = dict(PROVINCE_TEMPLATE, code="tinh_hong")
    bad["indicators"] = [{"code": "x", "label": "X", "compute": {"source": "so_ho", "measure": "tong"}}]
    (folder / "tinh_hong.json").write_text(json.dumps(bad), "utf-8")
    (folder / "vo_nghia.json").write_text("{khong phai json", "utf-8")
    (folder / "bao_cao_phong_trao.json").write_text(json.dumps(PROVINCE_TEMPLATE), "utf-8")

    def cli(*args: object):  # noqa: ANN202
        return run_cli("--data-dir", root, *args)

    listed = cli("reports", "definitions", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = {(d["code"], d["origin"]): d for d in json.loads(listed.stdout)["definitions"]}
    assert not rows["bao_cao_phong_trao", "builtin"]["error"]
    assert not rows["tinh_cao_bang", "user"]["error"]
    assert rows["tinh_cao_bang", "user"]["title"] == PROVINCE_TEMPLATE["title"]
    for code, words in (
        ("tinh_hong", "cách tính không biết (so_ho/tong)"),
        ("vo_nghia", "Không đọc được"),
        ("bao_cao_phong_trao", "trùng mã với mẫu có sẵn"),  # a built-in one is not replaced
    ):
        error = rows[code, "user"]["error"]
        assert words in error and "\n" not in error, error

    assert cli("reports", "set-figure", "--period", "2026", "--code", "tinh.mo_hinh_diem", "--value", "4"
               ).returncode == 0  # fmt: skip
    assert cli("reports", "narrative", "--period", "2026", "--section", "kien_nghi", "--definition",
               "tinh_cao_bang", "--text", "Đề nghị cấp kinh phí cho camera.").returncode == 0  # fmt: skip
    out = tmp_path / "tinh.pdf"
    proc = cli("report", "--period", "2026", "--definition", "tinh_cao_bang", "-o", out)
    assert proc.returncode == 0, proc.stderr
    text = pdf_text(out)
    assert "Kết quả phong trào theo mẫu của tỉnh năm 2026" in text
    assert "Số mô hình điểm của tỉnh mô hình 4" in text
    assert "II. KIẾN NGHỊ, ĐỀ XUẤT" in text and "Đề nghị cấp kinh phí cho camera." in text

    for code, words in (
        ("tinh_hong", "không hợp lệ: chỉ tiêu x có cách tính không biết"),
        ("vo_nghia", "Không đọc được mẫu báo cáo"),
        ("khong_co", "Không có mẫu báo cáo"),
    ):
        line = one_sentence(cli("report", "--period", "2026", "--definition", code))
        assert words in line, line  # fmt: skip


@pytest.mark.parametrize(
    "data, words",
    [
        ([], "không phải một đối tượng JSON"),
        ({"code": "a", "indicators": []}, "không có danh sách chỉ tiêu"),
        ({"code": "A b", "indicators": [{"code": "x", "compute": {"source": "manual"}}]}, "mục code"),
        ({"code": "a", "indicators": ["x"]}, "chỉ tiêu thứ 1 phải có"),
        ({"code": "a", "indicators": [{"code": "x", "compute": {"source": "manual"}, "indent": "1"}]}, "indent"),
        ({"code": "a", "indicators": [{"code": "x", "compute": {"source": "manual"}}] * 2}, "trùng mã"),
        ({"code": "a", "indicators": [{"code": "x", "compute": {"source": "manual"}}], "period_types": ["week"]},
         "loại kỳ"),
        ({"code": "a", "indicators": [{"code": "x", "compute": {"source": "manual", "measure": "pct", "of": "y",
                                                                 "over": "x"}}]}, "không có (y)"),
        ({"code": "a", "indicators": [{"code": "x", "compute": {"source": "manual"}}], "narrative": [{"code": 1}]},
         "narrative"),
    ],
)  # fmt: skip
def test_a_bad_definition_is_refused_in_one_sentence(data: object, words: str) -> None:
    with pytest.raises(UserError) as err:
        rp.definition_from_dict(data)
    text = err.value.vi
    assert words in text and "\n" not in text and text.endswith("hãy sửa tệp mẫu."), text


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_migration_0013_both_ways(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    url = (
        request.getfixturevalue("pg_url")
        if backend == "postgresql"
        else f"sqlite:///{tmp_path / 'm.sqlite3'}"
    )
    db = Database(url)
    try:
        migrate.upgrade(db, target="0012")
        assert not {"report_figure", "report_narrative"} & set(sa.inspect(db.engine).get_table_names())
        migrate.upgrade(db)
        names = set(sa.inspect(db.engine).get_table_names())
        assert {"report_figure", "report_narrative"} <= names
        indexes = {i["name"] for i in sa.inspect(db.engine).get_indexes("report_figure")}
        assert {"ix_report_figure_period_code", "ix_report_figure_origin_site_change_seq"} <= indexes
        with db.engine.begin() as conn:
            from alembic import command

            cfg = migrate._alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0012")
        assert not {"report_figure", "report_narrative"} & set(sa.inspect(db.engine).get_table_names())
        migrate.upgrade(db)
        assert migrate.current_revision(db) == migrate.HEAD_REVISION
    finally:
        db.dispose()


# What the movement's reports state and had no indicator (issue 19): computed where the records hold
# it, typed by hand where only people know it.
FOUND = {
    "units.recognised_pct": ("manual", "pct"),  # cơ quan, doanh nghiệp, cơ sở giáo dục recognised (%)
    "units.recognised": ("manual", "value"),
    "units.registered": ("manual", "value"),
    "handed_in.parts": ("manual", "value"),  # linh kiện, nòng, ống giảm thanh
    "models.camera_cases": ("manual", "value"),  # cases solved from camera footage
    "key_areas.transformed": ("manual", "value"),  # chuyển hóa địa bàn trọng điểm
    "meetings.listening_attendances": ("meetings", "attendances"),  # "lắng nghe ý kiến" attendances
    "reintegration.helped": ("manual", "value"),  # người lầm lỗi helped in the community
    "crimes.change_pct": ("manual", "change_pct"),  # against the same period last year
}


def test_the_movements_figures_have_an_indicator_in_the_default_report() -> None:
    d = rp.load_definition()
    by_code = {i.code: i for i in d.indicators}
    assert {c: (by_code[c].source, by_code[c].measure) for c in FOUND} == FOUND
    assert by_code["meetings.listening_attendances"].params == {"meeting_type": "lang_nghe_y_kien"}
    assert [n.title for n in d.narrative] == ["Đánh giá chung", "Phương hướng, nhiệm vụ"]
    assert all(n.template for n in d.narrative)
    # A share or a change is computed from typed parts, never typed itself.
    assert not {"units.recognised_pct", "crimes.change_pct"} & set(rp.typed_indicators())
