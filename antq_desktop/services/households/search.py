"""Search as you type over the folded search keys of households and persons.

A word of letters matches the start of a word of the key, digits match anywhere: the LIKE
conditions below are the definition of a hit. On SQLite an FTS5 index over the same keys
(``household_fts``, ``person_fts``, migration 0014) narrows the rows first; the LIKE conditions are
then applied to those few rows only, so the hits are the same as a scan's. PostgreSQL scans.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, column, literal_column, or_, select, table, union

from ...storage.models import Household, Person
from ...storage.search_index import INDEXED, PREFIX

_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def word_filters(key: Any, words: Sequence[str]) -> list[Any]:
    """Search-as-you-type conditions: a word of letters matches the start of a word of the key
    ("an" finds "An", not "Hoàng"); digits match anywhere (the end of an ID number, of a phone)."""
    conditions = []
    for w in words:
        if w.isdigit():
            conditions.append(key.like(f"%{w}%"))
        else:
            conditions.append(or_(key.like(f"{w}%"), key.like(f"% {w}%")))
    return conditions


def fts_term(word: str) -> str | None:
    """The FTS5 query for one folded word, matching every key the word's LIKE condition matches
    (and possibly a few more, which the LIKE then drops); None when the index cannot narrow.

    The word becomes a quoted phrase whose last token is a prefix (``"nguy"*``, ``"2,"*``): if the
    word starts a space-separated chunk of a key, the chunk's tokens begin with the phrase's.
    Digits match anywhere (not only at a token's start) and ``%``/``_`` are LIKE wildcards: those
    words are left to the LIKE. A word needs one ASCII letter or digit so the phrase is never empty.
    """
    if word.isdigit() or "%" in word or "_" in word or _ASCII_ALNUM.isdisjoint(word):
        return None
    return '"' + word.replace('"', '""') + '"*'


def fts_query(words: Sequence[str]) -> str | None:
    """The words the index can narrow by, AND-ed; None when there is none."""
    terms = [t for t in (fts_term(w) for w in words) if t is not None]
    return " AND ".join(terms) or None


# The longest prefix the index keeps whole (migration 0016): a term that long or shorter is one lookup;
# a longer one makes FTS5 merge every indexed word that starts with it ("nguyen": 40 % of a million
# persons, 10–30 ms) before the first row.
LONGEST_PREFIX = max(int(n) for n in PREFIX.split())


def fts_prefix_query(words: Sequence[str]) -> str | None:
    """Like :func:`fts_query`, with each word of plain letters and digits cut to the index's longest
    prefix: every term one lookup, rows read lazily (a ``LIMIT`` stops early), a superset of
    :func:`fts_query`'s rows ("tra" for "tran"; the LIKE conditions then decide)."""
    return fts_query([w[:LONGEST_PREFIX] if w.isascii() and w.isalnum() else w for w in words])


def _key_match(source: str, key: Any, words: Sequence[str], fts: bool) -> Any:
    """Every word in the record's key: through the index first when there is one."""
    conditions = word_filters(key, words)
    query = fts_query(words) if fts else None
    if query is None:
        return and_(*conditions)
    index = INDEXED[source]
    hits = (
        select(literal_column(f"{index}.rowid"))
        .select_from(table(index))
        .where(literal_column(index).match(query))
    )
    return and_(literal_column(f"{source}.rowid").in_(hits), *conditions)


def household_match(words: Sequence[str], *, fts: bool = False) -> Any:
    """A household whose own search key holds every word."""
    return _key_match("household", Household.search_key, words, fts)


def matching_households(words: Sequence[str], *, fts: bool) -> Any:
    """The ids of the households that match: by their own key, or by one living member's.

    One UNION of two index lookups; the member side reads the household ids from ``person_fts``
    itself (its own narrow copy of the living persons' keys), never the person rows.
    """
    query = fts_query(words) if fts else None
    if query is None:
        members = select(Person.household_id).where(Person.deleted.is_(False), person_match(words))
    else:
        index = table(INDEXED["person"], column("search_key"), column("household_id"))
        members = select(index.c.household_id).where(
            literal_column(index.name).match(query), *word_filters(index.c.search_key, words)
        )
    return union(select(Household.id).where(household_match(words, fts=fts)), members)


def person_match(words: Sequence[str], *, fts: bool = False) -> Any:
    """A person whose search key holds every word, or whose whole ID number is the one word typed.

    The second part is what finds a person by number on a station whose ID numbers are encrypted
    (they are then left out of the search key; the sealed column still answers equality).
    ``fts``: narrow through the SQLite index (the caller knows the dialect; it holds living
    persons only, so the caller asks for ``deleted`` false, as every caller does).
    """
    by_key = _key_match("person", Person.search_key, words, fts)
    if len(words) == 1 and words[0].isdigit() and len(words[0]) in (9, 12):
        return or_(by_key, Person.id_number == words[0], Person.old_id_number == words[0])
    return by_key
