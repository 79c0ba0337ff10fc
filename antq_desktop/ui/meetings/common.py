"""What the Meetings screens share: an opinion's status in the officer's language."""

from __future__ import annotations

from ...services import meetings as mt
from ..i18n import is_vietnamese


def opinion_status_label(status: str) -> str:
    return (mt.STATUS_LABELS if is_vietnamese() else mt.STATUS_LABELS_EN).get(status, status)
