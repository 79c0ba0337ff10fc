"""Kinds of residential area below the commune (docs/domain.md, "Villages and the yearly safety assessment (An toàn về ANTT)" and "Team structure and size")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .text import fold

# Rural kinds, then urban ones; "khu dân cư" is the generic legal term.
VILLAGE_KINDS = ("thôn", "xóm", "bản", "làng", "ấp", "buôn", "tổ dân phố", "khu phố", "khóm")


def guess_kind(name: str) -> str:
    """The kind a name starts with ("Bản Pác Bó" → "bản"), else "thôn"."""
    folded = fold(name)
    for kind in sorted(VILLAGE_KINDS, key=len, reverse=True):
        if folded.startswith(fold(kind) + " ") and name[: len(kind)].lower() == kind:
            return kind
    return "thôn"


# ---------------------------------------------------------------------------------------------
# One village written many ways (issue 18): "Tổ dân phố số 1" = "TDP 01" = "Tổ 1";
# "Thôn 3" = "Thôn III" = "thôn Ba"; "Bản Nà Mạ" = "Nà Mạ".
# ---------------------------------------------------------------------------------------------

# Folded prefixes, longest first; each maps to its kind. Abbreviations as lists write them.
_PREFIXES: tuple[tuple[str, str], ...] = tuple(
    sorted(
        (
            ("to dan pho", "tổ dân phố"),
            ("tdp", "tổ dân phố"),
            ("to dp", "tổ dân phố"),
            ("to", "tổ dân phố"),
            ("khu pho", "khu phố"),
            ("kp", "khu phố"),
            ("khom", "khóm"),
            ("tieu khu", "tiểu khu"),
            ("khu dan cu", "khu dân cư"),
            ("kdc", "khu dân cư"),
            ("khu", "khu"),
            ("thon", "thôn"),
            ("xom", "xóm"),
            ("ban", "bản"),
            ("lang", "làng"),
            ("ap", "ấp"),
            ("buon", "buôn"),
            ("plei", "buôn"),
        ),
        key=lambda p: len(p[0]),
        reverse=True,
    )
)
_NUMBER_WORDS = {
    "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
    "muoi": 10, "muoi mot": 11, "muoi hai": 12, "muoi ba": 13, "muoi bon": 14, "muoi lam": 15,
    "muoi sau": 16, "muoi bay": 17, "muoi tam": 18, "muoi chin": 19, "hai muoi": 20,
}  # fmt: skip
_ROMAN = re.compile(r"^(x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def _roman(text: str) -> int | None:
    if not text or not _ROMAN.match(text):
        return None
    total, prev = 0, 0
    for ch in reversed(text):
        v = _ROMAN_VALUES[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total or None


def split_village(name: str) -> tuple[str, str]:
    """(kind, core) of a name as written: "TDP số 01" → ("tổ dân phố", "1"); "Nà Mạ" → ("", "na ma").

    The core is folded (no diacritics, lowercase); a number written in digits,
    Roman numerals or Vietnamese words becomes its digits without leading zeros.
    """
    text = _NON_ALNUM.sub(" ", fold(name)).strip()
    # "TDP1", "Tổ1": a prefix glued to its number.
    text = re.sub(r"^([a-z]+?)(\d+)$", r"\1 \2", text)
    kind = ""
    for prefix, k in _PREFIXES:
        if text == prefix:
            break
        if text.startswith(prefix + " "):
            kind, text = k, text[len(prefix) + 1 :].strip()
            break
    if text.startswith("so "):
        text = text[3:].strip()
    if text.isdigit():
        return kind, str(int(text))
    if text in _NUMBER_WORDS and kind:
        return kind, str(_NUMBER_WORDS[text])
    roman = _roman(text) if kind else None
    if roman is not None:
        return kind, str(roman)
    return kind, text


def village_key(name: str) -> str:
    """The key under which every spelling of one village meets ("Tổ 1", "TDP số 01" → "1")."""
    return split_village(name)[1]


def same_village(a: str, b: str) -> bool:
    return bool(village_key(a)) and village_key(a) == village_key(b)


def match_village(text: str, villages: Iterable[tuple[str, str]]) -> str | None:
    """The id among ``villages`` ((id, name) pairs) that ``text`` names, or None when none or ambiguous."""
    if not text or not text.strip():
        return None
    items = list(villages)
    f = fold(text)
    exact = [vid for vid, name in items if fold(name) == f]
    if len(exact) == 1:
        return exact[0]
    kind, core = split_village(text)
    if not core:
        return None
    hits = [(vid, split_village(name)[0]) for vid, name in items if split_village(name)[1] == core]
    if len(hits) > 1 and kind:
        hits = [h for h in hits if h[1] in (kind, "")] or hits
    return hits[0][0] if len(hits) == 1 else None


_EXPAND = {"tdp": "Tổ dân phố", "to dp": "Tổ dân phố", "kp": "Khu phố", "kdc": "Khu dân cư"}


def display_name(spellings: Iterable[str]) -> str:
    """The name to create a village under, from the ways a file writes it: the fullest one.

    "TDP 1", "Tổ 1", "Tổ dân phố số 1" → "Tổ dân phố số 1"; abbreviations are spelled out.
    """
    best = ""
    for raw in spellings:
        name = " ".join(raw.split())
        if not name:
            continue
        folded = _NON_ALNUM.sub(" ", fold(name)).strip()
        for short, full in _EXPAND.items():
            if folded == short or folded.startswith(short + " ") or re.match(rf"^{short}\d", folded):
                name = full + " " + name[len(short) :].lstrip(". ")
                break
        kind, _ = split_village(name)
        score = (bool(kind), len(name))
        if not best or score > (bool(split_village(best)[0]), len(best)):
            best = name
    return best


_TITLE_KIND = re.compile(
    r"\b(to dan pho|tdp|khu pho|tieu khu|khu dan cu|thon|xom|ban|lang|ap|buon|khom|to)\s+((?:so\s+)?[0-9a-z]+(?:\s+[a-z]+){0,3})"
)
_NOT_A_VILLAGE = (
    "cam ket",
    "chi dao",
    "danh sach",
    "bao cao",
    "tong hop",
    "ke khai",
    "thong ke",
    "dieu hanh",
    "quan ly",
)
_TITLE_STOP = {
    "nam",
    "xa",
    "phuong",
    "thi",
    "huyen",
    "tinh",
    "quy",
    "thang",
    "dot",
    "ky",
    "giai",
    "tran",
    "dia",
}


def villages_in_title(title: str) -> list[str]:
    """Village names a title row may carry: "DANH SÁCH HỘ TỔ DÂN PHỐ SỐ 1 NĂM 2026" → ["Tổ dân phố số 1"].

    Candidates only: the caller keeps those with the key of the village it already knows.
    """
    text = " ".join(title.split())
    folded = fold(text)
    if len(folded) != len(text):  # positions would not line up (decomposed or unusual text)
        return []
    out: list[str] = []
    for m in _TITLE_KIND.finditer(folded):
        words = m.group(2).split()
        core: list[str] = []
        after = _NON_ALNUM.sub(" ", folded[m.end(2) :]).split()
        for i, w in enumerate(words):
            following = (words[i + 1 :] + after)[:1]
            if w == "nam" and not (following and following[0].isdigit()):
                pass  # "Nặm", "Nậm" in a name; "năm 2026" ends it
            elif w in _TITLE_STOP or (core and core[-1] not in ("so",) and w.isdigit()):
                break
            core.append(w)
            if w.isdigit():
                break
        if not core or core == ["so"]:
            continue
        if m.group(1) in ("to", "tdp") and not core[-1].isdigit():
            continue  # "TỔ CÔNG TÁC", "TỔ TỰ QUẢN": a team, not a tổ dân phố
        if " ".join(core).startswith(_NOT_A_VILLAGE):
            continue
        end = m.start(2) + len(" ".join(core))
        phrase = text[m.start() : end]
        if phrase.isupper():
            kind_len = len(m.group(1))
            head, rest = phrase[:kind_len].lower(), phrase[kind_len:]
            rest = " ".join(w.lower() if fold(w) == "so" else w.capitalize() for w in rest.split())
            phrase = f"{head[:1].upper()}{head[1:]} {rest}"
        out.append(phrase)
    return out
