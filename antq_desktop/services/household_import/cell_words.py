"""How cells' words are read: commitment statuses and cached readers of sex, relation, ethnic group, poverty, marks."""

from __future__ import annotations

import functools
from datetime import date

from ...domain import ethnic
from ...domain import persons as rules
from ...domain.text import fold
from .analysis import _filled
from .columns import _NON_ALNUM

COMMITMENT_LABELS = {
    "signed": "Đã ký",
    "not_signed": "Chưa ký",
    "refused": "Từ chối",
    "absent": "Vắng",
    "broken": "Vi phạm",
}
_COMMITMENT_WORDS = {
    "signed": ("da ky", "ky", "da ky cam ket", "co ky", "signed", "co", "dong y", "ky roi"),
    "not_signed": ("chua ky", "chua", "khong", "khong ky", "not signed", "chua ky cam ket"),
    "refused": ("tu choi", "tu choi ky", "khong dong y", "refused"),
    "absent": (
        "vang",
        "ho vang",
        "di vang",
        "vang mat",
        "vang nha",
        "absent",
        "di lam an xa",
        "vang dai ngay",
    ),
    "broken": ("vi pham", "broken"),
}
_COMMITMENT_INDEX = {w: k for k, ws in _COMMITMENT_WORDS.items() for w in ws}


def parse_commitment(value: object) -> str | None:
    """ "signed" | "not_signed" | "refused" | "absent" | "broken"; "" when empty; None when not understood."""
    if not _filled(value):
        return ""
    if rules.is_mark(value):
        return "signed"
    return _COMMITMENT_INDEX.get(_NON_ALNUM.sub(" ", fold(str(value))).strip())


# A list repeats a handful of words thousands of times: remember what each one meant.
_sex = functools.lru_cache(maxsize=256)(rules.parse_sex)
_relation = functools.lru_cache(maxsize=1024)(rules.normalise_relation)
_ethnic = functools.lru_cache(maxsize=512)(ethnic.find)
_commitment = functools.lru_cache(maxsize=256)(parse_commitment)
_poverty = functools.lru_cache(maxsize=256)(rules.parse_poverty)
_mark = functools.lru_cache(maxsize=256)(rules.is_mark)


def _hashable(v: object) -> object:
    return v if isinstance(v, (str, int, float, type(None), bool, date)) else str(v)
