"""English mode (ANTQ_LANG=en) for the commands officers run most: their plain-text output carries no
Vietnamese but the data's own names (issue 22, Deliver 7); errors come in English too."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from test_sync_support import COMMUNES, HUB, add_household, copy_templates, make_templates, open_net

from antq_desktop import cli
from antq_desktop.services import awards as aw
from antq_desktop.services import households as hh
from antq_desktop.storage.models import AwardDecision
from antq_desktop.sync import export_bundle, import_bundle

VIETNAMESE = re.compile(
    "[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]", re.IGNORECASE
)
EN = {"ANTQ_LANG": "en"}


def _without(text: str, data: list[str]) -> str:
    for value in sorted(data, key=len, reverse=True):
        text = text.replace(value, "")
    return text


def test_the_most_used_commands_speak_english_in_english_mode(station, run_cli, tmp_path):
    vid = hh.villages(station.db)[0][0]
    hid = hh.save_household(station.db, hh.HouseholdDraft(village_id=vid))
    hh.save_person(station.db, hid, hh.PersonDraft(full_name="Lò Văn Páo", relation_to_head="Chủ hộ"))
    names = [name for _id, name in hh.villages(station.db)] + ["Lò Văn Páo"]
    station.close()
    root = station.data_dir.root
    unit = json.loads(run_cli("--data-dir", root, "info", "--json").stdout)["unit"]
    users = json.loads(run_cli("--data-dir", root, "users", "list", "--json").stdout)["users"]
    data = names + [str(v) for v in unit.values() if isinstance(v, str)] + [u["full_name"] for u in users]

    commands = [
        ("info",),
        ("check",),
        ("backup", "-o", tmp_path / "usb" / "backup.sqlite3"),
        ("households", "list"),
        ("households", "export", tmp_path / "households.xlsx"),
        ("sync", "status"),
        ("users", "list"),
        ("groups", "list"),
        ("encryption", "status"),
        ("meetings", "list", "--year", "2026"),
        ("commitments", "coverage", "--year", "2026"),
        ("sync", "card", "-o", tmp_path / "card.antqcard"),
        ("report", "--period", "2026", "-o", tmp_path / "report.xlsx"),
    ]
    for command in commands:
        proc = run_cli("--data-dir", root, *command, env=EN)
        assert proc.returncode == 0, (command, proc.stderr)
        assert proc.stdout.strip(), command
        leftover = VIETNAMESE.findall(_without(proc.stdout, data))
        assert not leftover, (command, proc.stdout)

    # An error, too: one English sentence, exit 1.
    proc = run_cli("--data-dir", root, "commitments", "coverage", "--year", "99", env=EN)
    assert proc.returncode == 1 and proc.stderr.startswith("antq: ")
    assert not VIETNAMESE.search(proc.stderr), proc.stderr


def test_init_speaks_english_in_english_mode(run_cli, tmp_path):
    password = tmp_path / "pw.txt"
    password.write_text("secret-1234\n", encoding="utf-8")
    unit_name = "Công an xã Quảng Lâm"
    proc = run_cli(
        "--data-dir", tmp_path / "station", "init", "--province", "04", "--commune", "01304",
        "--unit-name", unit_name, "--admin", "truongcax", "--password-file", password,
        env=EN,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"Set up {unit_name}")
    assert not VIETNAMESE.search(proc.stdout.replace(unit_name, "")), proc.stdout


# -- audit verify, sync import/conflicts, assessments, awards, hub: one language each ----------------
# In this process (cli.main), each command once in Vietnamese and once in English: the English has no
# Vietnamese letter but the data's own (names, places, numbers of decisions); the Vietnamese is as it was.


@pytest.fixture
def antq(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Callable[..., str]:
    """``antq(lang, *args, code=0)`` runs the command line in this process; returns what it printed."""
    monkeypatch.setenv("ANTQ_USER", "admin")
    monkeypatch.setenv("ANTQ_PASSWORD", "secret-1234")
    monkeypatch.delenv("ANTQ_PASSWORD_FILE", raising=False)

    def run(lang: str, *args: object, code: int = 0) -> str:
        if lang == "en":
            monkeypatch.setenv("ANTQ_LANG", "en")
        else:
            monkeypatch.delenv("ANTQ_LANG", raising=False)
        got = cli.main([str(a) for a in args])
        out = capsys.readouterr()
        assert got == code, (lang, args, out.out, out.err)
        return out.out + out.err

    return run


def english(text: str, data: list[str], command: object = "") -> None:
    assert text.strip(), command
    left = _without(text, data)
    bad = [line for line in left.splitlines() if VIETNAMESE.search(line)]
    assert not bad, (command, bad, text)


def vietnamese(text: str, *words: str) -> None:
    for w in words:
        assert w in text, (w, text)


def test_audit_verify_in_one_language(station, antq) -> None:
    station.close()
    root = station.data_dir.root
    vi = antq("vi", "--data-dir", root, "audit", "verify")
    vietnamese(vi, "Nhật ký nguyên vẹn: ", " mục, mã cuối ")
    english(antq("en", "--data-dir", root, "audit", "verify"), [], "audit verify")


def test_audit_notes_come_in_one_language(station, antq) -> None:
    """The anchors' notes (services/audit_anchors.py, backup_manifest.py) are (vi, en) pairs at their
    source: with the anchor file gone, `audit verify` says so in the chosen language only."""
    station.close()
    root = station.data_dir.root
    anchor = station.data_dir.database.with_suffix(".audit-head")
    anchor.unlink(missing_ok=True)
    vi = antq("vi", "--data-dir", root, "audit", "verify")
    vietnamese(vi, "Nhật ký nguyên vẹn: ", "Chưa có tệp mốc antq.audit-head")
    anchor.unlink(missing_ok=True)
    en = antq("en", "--data-dir", root, "audit", "verify")
    english(en, [], "audit verify")
    assert "No anchor file antq.audit-head yet" in en, en


def _issued_decision(db: Any, number: str, names: tuple[str, ...]) -> str:
    d = aw.new_decision(db, year=2026)
    d.number, d.decided_on, d.signer_name = number, date(2026, 8, 19), "Nông Văn Thành"
    did = aw.save_decision(db, d)
    aw.add_recipients(db, [aw.RecipientDraft(did, "individual", name=n, info="Thôn Nà Mạ") for n in names])
    return did


def test_awards_in_one_language(station, antq, tmp_path: Path) -> None:
    db = station.db
    names = ("Lò Văn Páo", "Đinh Thị Hoa")
    first = _issued_decision(db, "15", names)
    second = _issued_decision(db, "16", ("Vàng A Sính",))
    aw.issue_decision(db, first)
    payload = aw.certificate_data(db, first)[0].payload
    station.close()
    root = station.data_dir.root
    base = ("--data-dir", root, "awards")
    listed = json.loads(antq("vi", *base, "list", "--json"))["decisions"]
    serial = aw_list(listed, first)[0]["serial"]
    issuer = json.loads(antq("vi", *base, "verify", serial, "--json"))["issuer"]
    data = [
        *names,
        "Lò Văn Pao",
        "Vàng A Sính",
        "Thôn Nà Mạ",
        "15/QĐ-UBND",
        "16/QĐ-UBND",
        "17/QĐ-UBND",
        issuer,
        "Nông Văn Thành",
    ]

    template = next((Path(__file__).parents[1] / "resources" / "certificates").glob("*.json"))
    label = json.loads(template.read_text(encoding="utf-8")).get("label", "")
    data.append(label)
    for lang in ("vi", "en"):
        out = {
            "list": antq(lang, *base, "list", "--year", "2026"),
            "certificates": antq(lang, *base, "certificates", first, "-o", tmp_path / f"{lang}.pdf"),
            "certificates draft": antq(lang, *base, "certificates", second, "-o", tmp_path / f"{lang}-d.pdf"),
            "decision": antq(lang, *base, "decision", second, "-o", tmp_path / f"{lang}-qd.pdf"),
            "verify serial": antq(lang, *base, "verify", serial),
            "verify qr": antq(lang, *base, "verify", payload),
            "verify unknown": antq(lang, *base, "verify", "01304-2026-99999", code=3),
            "verify altered": antq(lang, *base, "verify", payload.replace("Páo", "Pao"), code=3),
            "template-add": antq(lang, *base, "template-add", template),
            "medal-proposal": antq(lang, *base, "medal-proposal", "--year", "2026", "-o", tmp_path / "kn.docx",
                                   code=1),  # nobody has served long enough: refused in one sentence
            "error": antq(lang, *base, "certificates", first, "-o", tmp_path / "x.txt", code=1),
        }  # fmt: skip
        if lang == "vi":
            vietnamese(out["list"], "quyết định khen thưởng.", "người/tập thể, in ")
            vietnamese(out["certificates"], "Đã ghi 2 giấy khen của quyết định 15/QĐ-UBND (đã ghi vào sổ in")
            vietnamese(out["certificates draft"], "bản nháp (quyết định chưa ban hành")
            vietnamese(out["decision"], "Đã ghi quyết định 16/QĐ-UBND (dự thảo): ")
            vietnamese(out["verify serial"], "Thật: ", "  số hiệu: ", "  cơ quan cấp: ")
            vietnamese(out["verify qr"], "Thật: Giấy khen số ", ": chữ ký hợp lệ.", "  hình thức: Giấy khen")
            vietnamese(out["verify unknown"], "Không xác định: ")
            vietnamese(out["template-add"], "Đã lưu mẫu giấy khen “")
            vietnamese(out["medal-proposal"], "antq: ", "đề nghị tặng Kỷ niệm chương")
            vietnamese(out["error"], "antq: Tệp ra phải có đuôi .pdf.")
        else:
            for command, text in out.items():
                english(text, data, command)
    vi_issue = antq("vi", *base, "issue", second, "--yes")
    vietnamese(vi_issue, "Đã ban hành quyết định 16/QĐ-UBND: 1 giấy khen có số hiệu.")
    third, reopened = _more_decisions(root)
    english(antq("en", *base, "issue", third, "--yes"), data, "issue")
    # A decision reopened after its certificate was made: checking it adds a note, in the language chosen.
    vietnamese(antq("vi", *base, "verify", reopened), "  ! Quyết định khen thưởng hiện đang ở dạng dự thảo")
    note = antq("en", *base, "verify", reopened)
    english(note, [*data, "18/QĐ-UBND", "Hoàng Thị Lan"], "verify: a note")
    assert "  ! The award decision is a draft now (reopened for changes)." in note


def aw_list(decisions: list[dict[str, Any]], did: str) -> list[dict[str, Any]]:
    return next(d for d in decisions if d["id"] == did)["recipients_list"]


def _more_decisions(root: Path) -> tuple[str, str]:
    """A draft decision for the English ``awards issue``, and the QR text of a certificate whose
    decision was issued, then reopened to correct it (a draft again)."""
    from antq_desktop.services import station as station_service
    from antq_desktop.storage.paths import DataDir

    st = station_service.open_station(DataDir(root))
    try:
        reopened = _issued_decision(st.db, "18", ("Hoàng Thị Lan",))
        aw.issue_decision(st.db, reopened)
        payload = aw.certificate_data(st.db, reopened)[0].payload
        aw.reopen_decision(st.db, reopened, "sửa tên")
        return _issued_decision(st.db, "17", ("Hoàng Văn Đạt",)), payload
    finally:
        st.close()


def test_assessments_in_one_language(station, antq, tmp_path: Path) -> None:
    villages = [name for _id, name in hh.villages(station.db)]
    station.close()
    root = station.data_dir.root
    base = ("--data-dir", root, "assessments")
    data = [*villages, "Trường THCS Quảng Lâm", "Công ty Nà Mạ", "25/QĐ-UBND"]
    antq("vi", *base, "units", "add", "--name", "Trường THCS Quảng Lâm", "--kind", "co_so_giao_duc")
    for lang in ("vi", "en"):
        unit = "Trường THCS Quảng Lâm"
        out = {
            "units add": antq(lang, *base, "units", "add", "--name", "Công ty Nà Mạ", "--kind", "doanh_nghiep",
                              "--village", villages[0]),
            "units list": antq(lang, *base, "units", "list"),
            "village": antq(lang, *base, "village", "--year", "2026"),
            "set unit": antq(lang, *base, "set", "--year", "2026", "--unit", unit, "--registered", "yes",
                             "--criteria", "all", "--result", "recognised", "--decision-number", "25/QĐ-UBND",
                             "--decision-date", "2026-11-10"),
            "set village": antq(lang, *base, "set", "--year", "2026", "--village", villages[0], "--registered",
                                "yes", "--criteria", "c1_chi_bo_nghi_quyet"),
            "set commune": antq(lang, *base, "set", "--year", "2026", "--commune", "--criteria", "x1_mo_hinh"),
            "commune": antq(lang, *base, "commune", "--year", "2026"),
            "certificate": antq(lang, *base, "certificate", "--year", "2026", "-o", tmp_path / f"{lang}.pdf"),
            "units delete": antq(lang, *base, "units", "delete", "Công ty Nà Mạ"),
            "error": antq(lang, *base, "set", "--year", "2026", "--unit", unit, "--result", "proposed",
                          "--criteria", "none", code=1),
        }  # fmt: skip
        if lang == "vi":
            vietnamese(out["units add"], "Đã thêm doanh nghiệp “Công ty Nà Mạ” (")
            vietnamese(
                out["units list"], "Cơ sở giáo dục: Trường THCS Quảng Lâm", "cơ quan, doanh nghiệp, cơ sở"
            )
            vietnamese(
                out["village"], "chưa đăng ký; 0/0 hộ đang cư trú đăng ký; ", "thôn, tổ dân phố; năm 2026."
            )
            vietnamese(out["set unit"], "Đã ghi đánh giá năm 2026 của Trường THCS Quảng Lâm (")
            vietnamese(out["commune"], "Năm 2026: ", " đơn vị (", "Xã chưa đủ điều kiện: chưa đạt: ")
            vietnamese(out["certificate"], "Đã ghi 1 Giấy công nhận “An toàn về ANTT” năm 2026 (1 trang): ")
            vietnamese(out["units delete"], "khỏi danh sách (khôi phục được).")
            vietnamese(out["error"], "antq: Chưa đủ điều kiện đề nghị công nhận Trường THCS Quảng Lâm")
        else:
            for command, text in out.items():
                english(text, data, command)


@pytest.fixture(scope="module")
def net_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_templates(tmp_path_factory.mktemp("english-net"), ("A",))


def test_sync_and_hub_in_one_language(net_templates, antq, tmp_path: Path) -> None:
    """An upper level that received commune A's bundles: `sync import` (a bundle seen before, an older
    one), `sync conflicts` (a decision both changed), `hub communes | report | approve | approval |
    reopen`, each in Vietnamese and in English."""
    net = open_net(copy_templates(net_templates, tmp_path / "net"))
    a, hub = net.dbs["A"], net.dbs["hub"]
    code_a, name_a = COMMUNES["A"]
    add_household(a, "Lê Văn Cường")
    with hub.session() as s:
        d = AwardDecision(number="8", symbol="QĐ-CAT", commune_code=code_a, status="draft")
        s.add(d)
        s.flush()
        did = d.id
    export_bundle(hub, net.ids["A"], tmp_path / "down.antq")
    import_bundle(a, tmp_path / "down.antq")
    export_bundle(a, net.ids["hub"], tmp_path / "1.antq")
    add_household(a, "Hộ Hai")
    with hub.session() as s:
        s.get(AwardDecision, did).achievement = "Thành tích của tỉnh"  # type: ignore[union-attr]
    with a.session() as s:
        s.get(AwardDecision, did).achievement = "Thành tích của xã"  # type: ignore[union-attr]
    export_bundle(a, net.ids["hub"], tmp_path / "2.antq")
    import_bundle(hub, tmp_path / "2.antq")
    src = Path(str(hub.engine.url.database))
    net.close()
    hub_dir = tmp_path / "hub"
    hub_dir.mkdir()
    shutil.copyfile(src, hub_dir / "antq.sqlite3")
    base = ("--data-dir", hub_dir)
    data = [name_a, HUB, "Xã Quảng Lâm", "Lê Văn Cường", "Hộ Hai", "8/QĐ-CAT", "Thành tích của tỉnh", "Thành tích của xã",
            "Cao Bằng", "admin"]  # fmt: skip
    for lang in ("vi", "en"):
        out = {
            "import older": antq(lang, *base, "sync", "import", tmp_path / "1.antq", "--dry-run"),
            "import again": antq(lang, *base, "sync", "import", tmp_path / "2.antq"),
            "conflicts": antq(lang, *base, "sync", "conflicts"),
            "communes": antq(lang, *base, "hub", "communes", "--period", "2026"),
            "report": antq(lang, *base, "hub", "report", "--period", "2026", "-o", tmp_path / f"{lang}.xlsx"),
            "report json": antq(lang, *base, "hub", "report", "--period", "2026", "-o", tmp_path / f"{lang}.json"),
            "approval none": antq(lang, *base, "hub", "approval", "--commune", code_a, "--period", "2026"),
            "approve": antq(lang, *base, "hub", "approve", "--commune", code_a, "--period", "2026"),
            "approval": antq(lang, *base, "hub", "approval", "--commune", code_a, "--period", "2026"),
            "reopen": antq(lang, *base, "hub", "reopen", "--commune", code_a, "--period", "2026", "--reason", "x"),
            "error": antq(lang, *base, "hub", "approve", "--commune", "99999", "--period", "2026", code=1),
        }  # fmt: skip
        if lang == "vi":
            vietnamese(out["import older"], "Xem trước (chưa ghi) gói số 1 của ", "Gói này cũ hơn gói số 2")
            vietnamese(out["import again"], "Gói này đã được nhập trước đó: không có gì thay đổi.")
            vietnamese(
                out["conflicts"], "#1 Quyết định khen thưởng “8/QĐ-CAT”, trường achievement: đang dùng"
            )
            vietnamese(
                out["communes"],
                f"{code_a} Xã Quảng Lâm: đã ghép nối; gói nhận số 2, 0 ngày; ",
                "hộ 2 (ký 0%)",
            )
            vietnamese(out["report"], "Đã ghi báo cáo toàn tỉnh năm 2026 (")
            vietnamese(out["approval none"], "Kỳ năm 2026 của xã 01304 chưa được phê duyệt (hoặc đã mở lại).")
            vietnamese(
                out["approve"],
                "Đã phê duyệt và khóa kỳ năm 2026 của xã 01304",
                "khác số liệu đã duyệt: không",
            )
            vietnamese(out["approval"], ": đã duyệt 2, hiện tại 2 hộ")
            vietnamese(out["reopen"], "Đã mở lại kỳ năm 2026 của xã 01304.")
        else:
            for command, text in out.items():
                english(text, data, command)
    keep = antq("en", *base, "sync", "conflicts", "--keep", "1")
    english(keep, data, "conflicts --keep")


def test_import_warnings_have_their_english() -> None:
    """The warnings an import prints (sync/audit_heads.py, sync/merge.py) in the chosen language."""
    from antq_desktop.sync.import_summary import ImportReport

    rep = ImportReport("s", "Công an xã Quảng Lâm", 3, "2026-12-01T10:00:00", "commune", True)
    rep.audit_warning = (
        "Nhật ký thao tác của Công an xã Quảng Lâm đã bị sửa sau khi gửi (mục số 12 đã khác với lần gửi "
        "trước): hãy liên hệ đơn vị đó và kiểm tra máy của họ bằng lệnh antq audit verify."
    )
    en = rep.audit_warning_text(vietnamese=False)
    assert "#12" in en and not VIETNAMESE.search(en.replace("Công an xã Quảng Lâm", "")), en
    assert rep.audit_warning_text() == rep.audit_warning
    rep.audit_warning = (
        "Nhật ký thao tác của Công an xã Quảng Lâm đã bị sửa sau khi gửi (nhật ký ngắn lại (mục cuối số 4, "
        "trước đã có mục số 9)): hãy liên hệ đơn vị đó và kiểm tra máy của họ bằng lệnh antq audit verify."
    )
    en = rep.audit_warning_text(vietnamese=False)
    assert "#4" in en and "#9" in en and not VIETNAMESE.search(en.replace("Công an xã Quảng Lâm", "")), en
    from antq_desktop.sync.merge import resend_warnings

    for renewed in (True, False):
        vi, en = resend_warnings("Công an tỉnh Cao Bằng", renewed)
        assert VIETNAMESE.search(vi) and not VIETNAMESE.search(en.replace("Công an tỉnh Cao Bằng", ""))


def test_a_record_is_named_in_english_too(station) -> None:
    from antq_desktop.sync.labels import record_label

    vid, village = hh.villages(station.db)[0]
    with station.db.session() as s:
        row = {"id": "x" * 32, "head_name": "Lê Văn Cường", "village_id": vid}
        assert record_label(s, "household", row) == f"hộ Lê Văn Cường, {village}"
        assert record_label(s, "household", row, vietnamese=False) == f"household of Lê Văn Cường, {village}"
        row = {"id": "y" * 32, "commune_code": "01304", "year": 2026}
        assert record_label(s, "commune_assessment", row, vietnamese=False) == "commune 01304, 2026"
