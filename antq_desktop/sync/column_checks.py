"""The values a bundle's row may hold: checked one by one, and a whole column at once.

:func:`.unpack.check_rows` checks every row of a part against its table's :class:`RowShape` (the
JSON types of each column, and a check beyond the type: an id's length, an HLC version, an ISO
date, an integer a database holds). A sender with our schema writes every column of every row:
:func:`all_rows_fit` then checks the rows column by column — each check one pass in C where it can —
and only when it is not sure does the row-by-row check run, to find the row and say what is wrong.
A test draws random damaged rows and compares the two.
"""

from __future__ import annotations

import math
import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from itertools import chain
from operator import is_not, itemgetter
from typing import Any

INT_MAX = 2**63 - 1  # what SQLite and PostgreSQL BIGINT hold
_VERSION = re.compile(r"\d{15}\.\d{6}")

Check = Callable[[Any], bool]
NONE = type(None)


def in_int_range(v: Any) -> bool:
    return -INT_MAX - 1 <= v <= INT_MAX


def finite(v: Any) -> bool:
    return math.isfinite(v) if type(v) is float else -INT_MAX - 1 <= v <= INT_MAX


def iso_date(v: Any) -> bool:
    try:
        date.fromisoformat(v)
    except ValueError:
        return False
    return True


def iso_datetime(v: Any) -> bool:
    try:
        datetime.fromisoformat(v)
    except ValueError:
        return False
    return True


def hlc_version(v: Any) -> bool:
    return _VERSION.fullmatch(v) is not None


def hlc_versions(v: Any) -> bool:
    for x in v.values():  # JSON object keys are always text
        if type(x) is not str or _VERSION.fullmatch(x) is None:
            return False
    return True


def row_id(v: Any) -> bool:
    return 0 < len(v) <= 64


@dataclass(frozen=True)
class RowShape:
    """Per column: the JSON types it may hold, and a check on the value beyond its type (or None)."""

    columns: frozenset[str]
    types: tuple[tuple[str, tuple[type, ...]], ...]
    checks: tuple[tuple[str, Check], ...]  # run only on non-null values


_not_none = partial(is_not, None)
_VERSION_LINES = re.compile(r"\d{15}\.\d{6}(?:\n\d{15}\.\d{6})*")


def _versions_text(values: list[Any]) -> bool:
    """Every value a version (``hlc_version``), checked in one match over the values joined by newlines
    (as many lines as values: a value holding a newline is caught by the count)."""
    if not values:
        return True
    try:
        text = "\n".join(values)
    except TypeError:  # a value that is not text
        return False
    return text.count("\n") == len(values) - 1 and _VERSION_LINES.fullmatch(text) is not None


def _ids_ok(values: list[Any]) -> bool:
    lengths = list(map(len, values))
    return min(lengths) > 0 and max(lengths) <= 64


def _ints_ok(values: list[Any]) -> bool:
    return -INT_MAX - 1 <= min(values) and max(values) <= INT_MAX


def _versions_ok(values: list[Any]) -> bool:
    return _versions_text(list(chain.from_iterable(map(dict.values, values))))


def _parsed(parse: Callable[[str], Any]) -> Callable[[list[Any]], bool]:
    def ok(values: list[Any]) -> bool:
        try:
            deque(map(parse, values), maxlen=0)
        except ValueError:
            return False
        return True

    return ok


# A per-value check (``RowShape.checks``) made over a whole column at once; others run value by value.
COLUMN_CHECKS: dict[Check, Callable[[list[Any]], bool]] = {
    row_id: _ids_ok,
    hlc_version: _versions_text,
    hlc_versions: _versions_ok,
    in_int_range: _ints_ok,
    iso_date: _parsed(date.fromisoformat),
    iso_datetime: _parsed(datetime.fromisoformat),
}


def all_rows_fit(shape: RowShape, objs: list[Any]) -> bool:
    """The rows of a sender with our schema checked column by column (each check one pass in C
    where it can): True when every row passes what :func:`.unpack.check_rows` checks row by row. False
    says only "not sure": the row-by-row check then finds the row and says what is wrong."""
    if not objs:
        return True
    typed = tuple(c for c, _ in shape.types)
    names = typed + tuple(sorted(shape.columns.difference(typed)))  # the JSON columns last (no type)
    # Every row a dict with exactly the table's columns: as many keys as columns, and each of them.
    if set(map(type, objs)) != {dict} or set(map(len, objs)) != {len(names)}:
        return False
    try:
        rows = list(map(itemgetter(*names), objs))  # each row read once, then the columns of all
    except KeyError:
        return False
    checks = dict(shape.checks)
    for (c, allowed), values in zip(shape.types, zip(*rows, strict=True), strict=False):
        kinds = set(map(type, values))
        if not kinds <= set(allowed):
            return False
        check = checks.get(c)
        if check is None:
            continue
        present: Any = values
        if NONE in kinds:
            present = list(filter(_not_none, values))
            if not present:
                continue
        bulk = COLUMN_CHECKS.get(check)
        if not (bulk(present) if bulk is not None else all(map(check, present))):
            return False
    return True
