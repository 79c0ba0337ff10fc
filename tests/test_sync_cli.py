"""`antq sync` end to end: a demo commune and an upper level, two data directories, real processes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

Cli = Callable[..., CompletedProcess[str]]

RECORD_TABLES = (
    "household",
    "person",
    "commitment",
    "antq_group",
    "membership",
    "meeting",
    "opinion",
    "award_decision",
    "award",
    "village",
)


def ok(result: CompletedProcess[str]) -> CompletedProcess[str]:
    assert result.returncode == 0, result.stderr
    return result


def counts(run_cli: Cli, data: Path) -> dict[str, int]:
    return json.loads(ok(run_cli("--data-dir", data, "info", "--json")).stdout)["counts"]


@pytest.mark.slow
def test_a_commune_and_its_upper_level_exchange_bundles_through_the_cli(run_cli: Cli, tmp_path: Path) -> None:
    commune, hub = tmp_path / "xa", tmp_path / "tinh"
    password = tmp_path / "pw.txt"
    password.write_text("secret-1234\n", encoding="utf-8")
    ok(run_cli("--data-dir", commune, "demo", "--households", "40"))
    ok(
        run_cli(
            "--data-dir", hub, "init", "--hub", "--province", "04",
            "--unit-name", "Công an tỉnh Cao Bằng", "--admin", "admin", "--password-file", password,
        )
    )  # fmt: skip
    hub_card = json.loads(
        ok(run_cli("--data-dir", hub, "sync", "card", "-o", tmp_path / "tinh.card", "--json")).stdout
    )
    xa_card = json.loads(
        ok(run_cli("--data-dir", commune, "sync", "card", "-o", tmp_path / "xa.card", "--json")).stdout
    )

    # Without a confirmed fingerprint nothing is paired (stdin is not a terminal here).
    refused = run_cli("--data-dir", commune, "sync", "pair", tmp_path / "tinh.card")
    assert refused.returncode == 1 and "--fingerprint" in refused.stderr
    wrong = run_cli("--data-dir", commune, "sync", "pair", tmp_path / "tinh.card", "--fingerprint", "1234")
    assert wrong.returncode == 1 and "không khớp" in wrong.stderr
    ok(
        run_cli(
            "--data-dir",
            commune,
            "sync",
            "pair",
            tmp_path / "tinh.card",
            "--fingerprint",
            hub_card["fingerprint"],
        )
    )
    ok(run_cli("--data-dir", hub, "sync", "pair", tmp_path / "xa.card", "--yes"))

    exported = json.loads(
        ok(
            run_cli(
                "--data-dir",
                commune,
                "sync",
                "export",
                "--to",
                hub_card["site_id"],
                "-o",
                tmp_path / "1.antq",
                "--json",
            )
        ).stdout
    )
    assert exported["bundle_no"] == 1 and exported["tables"]["household"] == 40

    preview = json.loads(
        ok(run_cli("--data-dir", hub, "sync", "import", tmp_path / "1.antq", "--dry-run", "--json")).stdout
    )
    assert preview["applied"] is False and preview["tables"]["household"]["new"] == 40
    assert counts(run_cli, hub)["household"] == 0, "a dry run writes nothing"

    applied = json.loads(
        ok(run_cli("--data-dir", hub, "sync", "import", tmp_path / "1.antq", "--json")).stdout
    )
    assert applied["applied"] is True and applied["totals"] == preview["totals"]
    xa, tinh = counts(run_cli, commune), counts(run_cli, hub)
    assert {t: tinh[t] for t in RECORD_TABLES} == {t: xa[t] for t in RECORD_TABLES}

    again = json.loads(ok(run_cli("--data-dir", hub, "sync", "import", tmp_path / "1.antq", "--json")).stdout)
    assert again["totals"]["new"] == 0 and again["totals"]["changed"] == 0 and again["seen_before"]

    # The acknowledgement rides back; then the commune has nothing left to send.
    ok(
        run_cli(
            "--data-dir", hub, "sync", "export", "--to", xa_card["commune_code"], "-o", tmp_path / "h1.antq"
        )
    )
    human = ok(run_cli("--data-dir", commune, "sync", "import", tmp_path / "h1.antq"))
    assert "Đã nhập gói số 1" in human.stdout
    status = json.loads(ok(run_cli("--data-dir", commune, "sync", "status", "--json")).stdout)
    [peer] = status["peers"]
    assert peer["unacknowledged"] == 0 and peer["last_bundle_out"] == 1 and peer["last_bundle_in"] == 1
    empty = json.loads(
        ok(
            run_cli(
                "--data-dir",
                commune,
                "sync",
                "export",
                "--to",
                hub_card["site_id"],
                "-o",
                tmp_path / "2.antq",
                "--json",
            )
        ).stdout
    )
    assert empty["rows"] == 0

    # Refusals: one sentence, exit 1.
    own = run_cli("--data-dir", commune, "sync", "import", tmp_path / "2.antq")
    assert own.returncode == 1 and "chính máy này" in own.stderr and own.stderr.count("\n") == 1
    bad = tmp_path / "bad.antq"
    data = bytearray((tmp_path / "1.antq").read_bytes())
    data[len(data) // 2] ^= 0xFF
    bad.write_bytes(bytes(data))
    broken = run_cli("--data-dir", hub, "sync", "import", bad)
    assert broken.returncode == 1 and "bị hỏng hoặc đã bị sửa đổi" in broken.stderr
    unknown = run_cli("--data-dir", hub, "sync", "export", "--to", "không-có", "-o", tmp_path / "x.antq")
    assert unknown.returncode == 1 and "Không tìm thấy đơn vị" in unknown.stderr
    conflicts = json.loads(ok(run_cli("--data-dir", hub, "sync", "conflicts", "--json")).stdout)
    assert conflicts == {"conflicts": []}
