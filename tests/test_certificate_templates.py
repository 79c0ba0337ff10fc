"""Certificate templates kept in the database: a stored layout replaces the shipped one of the same
name, a new one made at the upper level travels to the commune in a bundle and prints there."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from test_sync_support import pair_with_hub, setup_station, site_id

from antq_desktop.papers import certificates
from antq_desktop.services import awards as aw
from antq_desktop.sync import export_bundle, import_bundle

SHIPPED = certificates.templates_dir() / "phoi_giay_khen_a4.json"


def _spec(**changes) -> dict:
    raw = json.loads(SHIPPED.read_text(encoding="utf-8"))
    raw.update(changes)
    return raw


def test_a_stored_layout_replaces_the_shipped_one_and_a_bad_file_is_refused(station, run_cli, tmp_path):
    moved = _spec()
    moved["fields"]["recipient"]["x_mm"] = 45
    path = tmp_path / "phoi.json"
    path.write_text(json.dumps(moved, ensure_ascii=False), encoding="utf-8")
    station.close()
    root = station.data_dir.root
    ok = run_cli("--data-dir", root, "awards", "template-add", path)
    assert ok.returncode == 0 and "Phôi giấy khen A4" in ok.stdout, ok.stderr
    bad = tmp_path / "hong.json"
    bad.write_text('{"page_mm": [10, 10], "mode": "blank"}', encoding="utf-8")
    refused = run_cli("--data-dir", root, "awards", "template-add", bad)
    assert refused.returncode == 1 and len(refused.stderr.strip().splitlines()) == 1

    from antq_desktop.services.station import open_station

    st = open_station(station.data_dir)
    try:
        assert certificates.load_template("phoi_giay_khen_a4").fields["recipient"].x_mm == 40
        assert certificates.load_template("phoi_giay_khen_a4", st.db).fields["recipient"].x_mm == 45
        names = [t.name for t in certificates.list_templates("blank", st.db)]
        assert names.count("phoi_giay_khen_a4") == 1
    finally:
        st.close()


def test_a_template_made_at_the_upper_level_travels_down_and_prints(tmp_path: Path):
    hub = setup_station(tmp_path / "hub.sqlite3", "hub")
    commune = setup_station(tmp_path / "a.sqlite3", "A")
    try:
        pair_with_hub(hub, commune)
        made = _spec(name="phoi_bang_khen_tinh", label="Phôi bằng khen của tỉnh")
        path = tmp_path / "bang-khen.json"
        path.write_text(json.dumps(made, ensure_ascii=False), encoding="utf-8")
        certificates.add_template_file(hub, path)
        export_bundle(hub, site_id(commune), tmp_path / "down.antq")
        import_bundle(commune, tmp_path / "down.antq")
        assert "phoi_bang_khen_tinh" in [t.name for t in certificates.list_templates("blank", commune)]

        d = aw.new_decision(commune, year=2026)
        d.number, d.decided_on, d.signer_name = "3", date(2026, 8, 19), "Nông Văn Thành"
        did = aw.save_decision(commune, d)
        aw.add_recipients(commune, [aw.RecipientDraft(did, "individual", name="Đặng Thị Đào")])
        out = tmp_path / "gk.pdf"
        certificates.write_certificates(commune, did, out, mode="blank", template="phoi_bang_khen_tinh")
        assert "Đặng Thị Đào" in PdfReader(out).pages[0].extract_text()
    finally:
        hub.dispose()
        commune.dispose()
