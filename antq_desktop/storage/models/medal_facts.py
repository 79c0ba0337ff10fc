"""What the Kỷ niệm chương rules need to know about a person and the register does not say.

:class:`MedalFact` — one row per person (its id is derived from the person's, so every station of
a commune writes the same row): the leader's post and its dates (the leaders' rule of TT 20/2025),
a complicated social-evil hotspot in the area they lead, and an exclusion (a code of
``domain.medal_rules.EXCLUSIONS``) with its note. It travels with the person (SyncMixin: the
commune's bundle carries it up, a hub reads it and proposes from it) and every change is in the
audit trail like any travelling record. Until migration 0015 these facts lived in the station
setting ``awards.medal_people``, which did not travel.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, SyncMixin

# uuid5(NAMESPACE_URL, "urn:antq-desktop:medal-fact"): the namespace of :func:`medal_fact_id`.
MEDAL_FACT_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:antq-desktop:medal-fact")


def medal_fact_id(person_id: str) -> str:
    """The one id of a person's medal facts, the same at every station (and in migration 0015)."""
    return str(uuid.uuid5(MEDAL_FACT_NAMESPACE, f"medal_fact:{person_id}"))


class MedalFact(SyncMixin, Base):
    """A person's leader post (with its dates) and exclusion, as the medal rules read them."""

    __tablename__ = "medal_fact"

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    leader_post: Mapped[str] = mapped_column(String(200), default="")
    leader_since: Mapped[date | None]
    leader_until: Mapped[date | None]  # None: still in the post
    hotspot: Mapped[bool] = mapped_column(default=False)
    # A code of domain.medal_rules.EXCLUSIONS, "" for none.
    exclusion: Mapped[str] = mapped_column(String(32), default="")
    exclusion_note: Mapped[str] = mapped_column(Text, default="")
