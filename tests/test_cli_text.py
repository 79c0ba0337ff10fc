"""One language at a time on the command line (issue 22): ``antq``'s help and argparse's own messages
in Vietnamese by default and in English with ANTQ_LANG=en, never half of each."""

from __future__ import annotations

import argparse
import re

import pytest
from conftest import run_antq

from antq_desktop.cli import build_parser
from antq_desktop.cli import text as cli_text

VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúýõã]", re.I)
# Vietnamese proper names and legal references may stay in an English help text.
KEPT = ("QĐ 19/2025", "Công an xã Thạch Lâm", "15/QĐ-UBND")


def _vi_tree() -> argparse.ArgumentParser:
    return build_parser()  # ANTQ_LANG is unset in tests: Vietnamese


def test_every_help_text_has_its_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANTQ_LANG", raising=False)
    texts = {text for _o, _a, text in cli_text.help_texts(_vi_tree())}
    missing = sorted(t for t in texts if t not in cli_text.HELP_EN and t not in cli_text.ARGPARSE_VI.values())
    assert not missing, f"add these to HELP_EN in antq_desktop/cli/text.py: {missing}"
    monkeypatch.setenv("ANTQ_LANG", "en")
    for _o, _a, text in cli_text.help_texts(build_parser()):
        left = text
        for name in KEPT:
            left = left.replace(name, "")
        assert not VIETNAMESE.search(left), text


@pytest.mark.parametrize("command", [["--help"], ["users", "add", "--help"], ["sync", "--help"]])
def test_help_is_in_one_language(command: list[str]) -> None:
    vi = run_antq(*command)
    assert vi.returncode == 0, vi.stderr
    assert vi.stdout.startswith("cách dùng: antq")
    assert "tùy chọn:" in vi.stdout and "in trợ giúp này rồi thoát" in vi.stdout
    for english in ("usage:", "options:", "show this help", "positional arguments"):
        assert english not in vi.stdout, english

    en = run_antq(*command, env={"ANTQ_LANG": "en"})
    assert en.returncode == 0, en.stderr
    assert en.stdout.startswith("usage: antq") and "show this help message and exit" in en.stdout
    text = en.stdout
    for name in KEPT:
        text = text.replace(name, "")
    assert not VIETNAMESE.search(text), [line for line in text.splitlines() if VIETNAMESE.search(line)]


CASES = {
    "missing": (
        ["init", "--province", "04"],
        "thiếu tham số bắt buộc: --unit-name",
        "arguments are required",
    ),
    "unknown flag": (
        ["info", "--no-such-flag"],
        "tham số không nhận ra: --no-such-flag",
        "unrecognized arguments",
    ),
    "not a number": (["demo", "--households", "many"], "giá trị không hợp lệ", "invalid int value"),
    "unknown command": (["no-such-command"], "lựa chọn không có: 'no-such-command'", "invalid choice"),
    # The sub-commands of issue 22's list: each of argparse's messages in one language.
    "hub: missing": (
        ["hub", "approve"],
        "thiếu tham số bắt buộc: --commune, --period",
        "arguments are required",
    ),
    "assessments: bad choice": (
        ["assessments", "units", "add", "--name", "X", "--kind", "bad"],
        "tham số --kind: lựa chọn không có: 'bad'",
        "invalid choice",
    ),
    "assessments: one of": (
        ["assessments", "set", "--year", "2026"],
        "cần một trong các tham số --village --unit --commune",
        "one of the arguments",
    ),
    "awards: bad choice": (
        ["awards", "certificates", "X", "--mode", "odd", "-o", "x.pdf"],
        "lựa chọn không có: 'odd'",
        "invalid choice",
    ),
    "sync: not a number": (
        ["sync", "conflicts", "--keep", "abc"],
        "giá trị không hợp lệ",
        "invalid int value",
    ),
    "audit: unknown flag": (["audit", "verify", "--bad"], "tham số không nhận ra: --bad", "unrecognized"),
}


@pytest.mark.parametrize(("args", "vi_words", "en_words"), list(CASES.values()), ids=list(CASES))
def test_argument_errors_are_in_one_language(tmp_path, args: list[str], vi_words: str, en_words: str) -> None:
    vi = run_antq("--data-dir", tmp_path / "d", *args)
    assert vi.returncode == 1 and vi.stdout == ""
    assert vi.stderr.startswith("antq: lỗi tham số: ") and vi_words in vi.stderr, vi.stderr
    assert en_words not in vi.stderr and "argument" not in vi.stderr.replace("--", "")
    assert len(vi.stderr.strip().splitlines()) == 1

    en = run_antq("--data-dir", tmp_path / "d", *args, env={"ANTQ_LANG": "en"})
    assert en.returncode == 1 and en.stdout == ""
    assert en.stderr.startswith("antq: invalid arguments: ") and en_words in en.stderr, en.stderr
    assert not VIETNAMESE.search(en.stderr), en.stderr
    assert "(see 'antq --help')" in en.stderr


def test_argparse_is_left_as_it_was_after_parsing() -> None:
    before = argparse._  # type: ignore[attr-defined]
    with pytest.raises(SystemExit):
        build_parser().parse_args(["info", "--no-such-flag"])
    assert argparse._ is before  # type: ignore[attr-defined]
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]


def _parsers(p: argparse.ArgumentParser):  # noqa: ANN202 - a generator of parsers
    yield p
    for action in p._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                yield from _parsers(child)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_commands_help_can_be_shown(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A help text with a bare "%" (argparse's format marker) breaks `antq … --help` with a traceback."""
    monkeypatch.setenv("ANTQ_LANG", lang)
    shown = [p.format_help() for p in _parsers(build_parser())]
    assert len(shown) > 40 and all(text.startswith(("usage", "cách dùng")) for text in shown)
