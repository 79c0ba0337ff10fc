"""English mode (ANTQ_LANG=en) for the commands officers run most: their plain-text output carries no
Vietnamese but the data's own names (issue 22, Deliver 7); errors come in English too."""

from __future__ import annotations

import json
import re

from antq_desktop.services import households as hh

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
