"""`antq awards list | certificates | verify` as real processes against a real station."""

from __future__ import annotations

import json
from datetime import date

from pypdf import PdfReader

from antq_desktop.services import awards as aw

NAMES = ("Lò Văn Páo", "Đinh Thị Hoa", "Vàng A Sính")


def _issued_decision(station) -> str:
    db = station.db
    d = aw.new_decision(db, year=2026)
    d.number, d.decided_on, d.signer_name = "15", date(2026, 8, 19), "Nông Văn Thành"
    did = aw.save_decision(db, d)
    aw.add_recipients(db, [aw.RecipientDraft(did, "individual", name=n, info="Thôn Nà Mạ") for n in NAMES])
    aw.issue_decision(db, did)
    return did


def test_list_certificates_register_and_verify(station, run_cli, tmp_path):
    did = _issued_decision(station)
    draft = aw.new_decision(station.db, year=2026)
    draft_id = aw.save_decision(station.db, draft)
    aw.add_recipients(station.db, [aw.RecipientDraft(draft_id, "individual", name="Hoàng Văn Đạt")])
    station.close()
    root = station.data_dir.root

    proc = run_cli("--data-dir", root, "awards", "list", "--json")
    assert proc.returncode == 0, proc.stderr
    rows = {d["id"]: d for d in json.loads(proc.stdout)["decisions"]}
    assert rows[did]["number"] == "15/QĐ-UBND" and rows[did]["status"] == "issued"
    assert [r["name"] for r in rows[did]["recipients_list"]] == list(NAMES)
    assert rows[draft_id]["status"] == "draft"
    serial = rows[did]["recipients_list"][1]["serial"]

    # By number, as an officer would type it without diacritics.
    out = tmp_path / "gk.pdf"
    proc = run_cli("--data-dir", root, "awards", "certificates", "15/QD-UBND", "-o", out)
    assert proc.returncode == 0, proc.stderr
    pages = [p.extract_text() for p in PdfReader(out).pages]
    assert len(pages) == 3 and all(n in t for n, t in zip(NAMES, pages, strict=True))
    blank = tmp_path / "phoi.pdf"
    proc = run_cli("--data-dir", root, "awards", "certificates", did, "--mode", "blank", "-o", blank)
    assert proc.returncode == 0, proc.stderr
    assert len(PdfReader(blank).pages) == 3

    listed = json.loads(run_cli("--data-dir", root, "awards", "list", "--json").stdout)
    assert {d["id"]: d["printed"] for d in listed["decisions"]}[did] == 6, "both runs are in the register"

    # A draft prints as a test print and is not registered.
    proc = run_cli("--data-dir", root, "awards", "certificates", draft_id, "-o", tmp_path / "nhap.pdf")
    assert proc.returncode == 0 and "bản nháp" in proc.stdout
    listed = json.loads(run_cli("--data-dir", root, "awards", "list", "--json").stdout)
    assert {d["id"]: d["printed"] for d in listed["decisions"]}[draft_id] == 0

    ok = run_cli("--data-dir", root, "awards", "verify", serial, "--json")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["status"] == "genuine"
    assert json.loads(ok.stdout)["fields"]["recipient"] == NAMES[1]
    unknown = run_cli("--data-dir", root, "awards", "verify", "01304-2026-99999")
    assert unknown.returncode == 3 and unknown.stdout.startswith("Không xác định")

    for args in (
        ("awards", "certificates", "99/QĐ-UBND", "-o", tmp_path / "x.pdf"),
        ("awards", "certificates", did, "-o", tmp_path / "x.txt"),
        ("awards", "certificates", did, "--mode", "odd", "-o", tmp_path / "x.pdf"),
        ("awards", "verify", "   "),
        ("awards", "list", "--year", 12),
    ):
        bad = run_cli("--data-dir", root, *args)
        assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1, (args, bad.stderr)


def test_decision_paper_issue_and_verify_in_sentences(station, run_cli, tmp_path):
    """`antq awards decision … -o .pdf|.docx`, `awards issue` refusing a decision without legal
    bases unless --yes, and `awards verify` naming the Chủ tịch UBND who issued the certificate."""
    from docx import Document

    db = station.db
    d = aw.new_decision(db, year=2026)
    d.number, d.decided_on, d.signer_name, d.bases = "16", date(2026, 8, 19), "Nông Văn Thành", []
    bare = aw.save_decision(db, d)
    aw.add_recipients(db, [aw.RecipientDraft(bare, "individual", name="Hoàng Văn Đạt", info="Thôn Nà Mạ")])
    did = _issued_decision(station)
    payload = aw.certificate_data(db, did)[0].payload
    station.close()
    root = station.data_dir.root

    pdf, word = tmp_path / "qd.pdf", tmp_path / "qd.docx"
    for out in (pdf, word):
        proc = run_cli("--data-dir", root, "awards", "decision", "15/QĐ-UBND", "-o", out)
        assert proc.returncode == 0, proc.stderr
    text = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "Căn cứ" in text and "Theo đề nghị của" in text
    assert "Căn cứ" in " ".join(p.text for p in Document(str(word)).paragraphs)
    bad = run_cli("--data-dir", root, "awards", "decision", did, "-o", tmp_path / "qd.odt")
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1

    refused = run_cli("--data-dir", root, "awards", "issue", "16/QĐ-UBND")
    assert refused.returncode == 1 and len(refused.stderr.strip().splitlines()) == 1
    assert "Căn cứ" in refused.stderr and "--yes" in refused.stderr
    issued = run_cli("--data-dir", root, "awards", "issue", "16/QĐ-UBND", "--yes")
    assert issued.returncode == 0, issued.stderr
    assert "Đã ban hành quyết định 16/QĐ-UBND: 1 giấy khen" in issued.stdout

    ok = run_cli("--data-dir", root, "awards", "verify", payload)
    assert ok.returncode == 0, ok.stderr
    assert "form_label" not in ok.stdout and "Công an xã" not in ok.stdout
    first = ok.stdout.splitlines()[0]
    assert first.startswith("Thật: Giấy khen số ") and first.endswith(": chữ ký hợp lệ.")
    assert "do Chủ tịch Ủy ban nhân dân xã Quảng Lâm cấp ngày 19 tháng 8 năm 2026 cho Lò Văn Páo" in first
    assert "hình thức: Giấy khen" in ok.stdout
    as_json = json.loads(run_cli("--data-dir", root, "awards", "verify", payload, "--json").stdout)
    assert as_json["issuer"] == "Chủ tịch Ủy ban nhân dân xã Quảng Lâm" and as_json["status"] == "genuine"


def test_certificates_print_on_a4_until_the_station_chooses_another_template(station, run_cli, tmp_path):
    did = _issued_decision(station)
    assert aw.certificate_template(station.db, "full") == "giay_khen_a4"
    assert aw.certificate_template(station.db, "blank") == "phoi_giay_khen_a4"
    station.close()
    root = station.data_dir.root

    def page_mm(path) -> tuple[int, int]:
        box = PdfReader(path).pages[0].mediabox
        return round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)

    run = lambda *extra: run_cli("--data-dir", root, "awards", "certificates", did, *extra)  # noqa: E731
    assert run("-o", tmp_path / "a.pdf").returncode == 0
    assert page_mm(tmp_path / "a.pdf") == (297, 210)
    assert run("--template", "giay_khen_a3", "-o", tmp_path / "b.pdf").returncode == 0
    assert page_mm(tmp_path / "b.pdf") == (420, 297)
    assert run("-o", tmp_path / "c.pdf").returncode == 0, "the station remembers A3 now"
    assert page_mm(tmp_path / "c.pdf") == (420, 297)
