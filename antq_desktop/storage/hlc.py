"""Hybrid logical clock: versions that are totally ordered across sites.

A version is ``"<physical ms, 15 digits>.<counter, 6 digits>"``; ties between
sites are broken by the writing site's id (the ``modified_by_site`` column), so
the pair ``(version, site)`` orders every change ever made.  The clock never
goes backwards, even when the PC's clock does (a dead CMOS battery is common),
and it moves past any version received from a peer.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

_MS_DIGITS = 15
_COUNTER_DIGITS = 6


@dataclass(frozen=True, order=True)
class Timestamp:
    ms: int
    counter: int

    def encode(self) -> str:
        return f"{self.ms:0{_MS_DIGITS}d}.{self.counter:0{_COUNTER_DIGITS}d}"

    @classmethod
    def decode(cls, text: str) -> Timestamp:
        ms, _, counter = text.partition(".")
        return cls(int(ms), int(counter or 0))


ZERO = Timestamp(0, 0)


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


def tick(last: Timestamp, now_ms: int | None = None) -> Timestamp:
    """The next local timestamp after ``last``."""
    now_ms = wall_ms() if now_ms is None else now_ms
    if now_ms > last.ms:
        return Timestamp(now_ms, 0)
    return Timestamp(last.ms, last.counter + 1)


def receive(last: Timestamp, remote: Timestamp, now_ms: int | None = None) -> Timestamp:
    """The local clock after seeing a remote version (sync import)."""
    now_ms = wall_ms() if now_ms is None else now_ms
    top = max(last, remote)
    if now_ms > top.ms:
        return Timestamp(now_ms, 0)
    return Timestamp(top.ms, top.counter + 1)
