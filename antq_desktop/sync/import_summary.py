"""What a bundle brings (dry run) or brought (applied): the import's report, per table, and the one
sentence a person is told about a bundle seen before or older than one received."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

# The audit-head warning (sync/audit_heads.py) is a Vietnamese sentence: its English, part by part.
_AUDIT_WARNING = re.compile(
    r"Nhật ký thao tác của (?P<unit>.+?) đã bị sửa sau khi gửi \((?P<problem>.*)\): hãy liên hệ đơn vị đó"
)
_AUDIT_PROBLEMS = (
    (re.compile(r"mục số (\d+) đã khác với lần gửi trước"), "entry #{0} differs from the one sent before"),
    (
        re.compile(r"nhật ký ngắn lại \(mục cuối số (\d+), trước đã có mục số (\d+)\)"),
        "the trail got shorter: its last entry is #{0}, entry #{1} was there before",
    ),
)


def audit_warning_en(text: str, sender_name: str) -> str:
    """The English of the audit-head warning ``text`` (its unit and what changed kept)."""
    m = _AUDIT_WARNING.match(text.strip())
    unit = m["unit"] if m else sender_name
    problem = ""
    for pattern, english in _AUDIT_PROBLEMS if m else ():
        found = pattern.fullmatch(m["problem"]) if m else None
        if found:
            problem = f" ({english.format(*found.groups())})"
    return (
        f"The audit trail of {unit} was changed after it was sent{problem}: contact that unit and check "
        "its station with antq audit verify."
    )


@dataclass
class TableSummary:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    conflicts: int = 0


@dataclass
class ImportReport:
    """What a bundle brings (dry run) or brought (applied), per table."""

    sender_id: str
    sender_name: str
    bundle_no: int
    created: str
    scope: str
    applied: bool
    tables: dict[str, TableSummary] = field(default_factory=dict)
    stale_incarnation: bool = False
    peer_restored: bool = False
    # This very file was imported before (the log holds its SHA-256).
    seen_before: bool = False
    # Never imported, but older than the newest bundle already received from the sender.
    older_than_received: bool = False
    latest_bundle_in: int = 0
    # The sender's audit trail was rewritten after an earlier bundle (sync/audit_heads.py).
    audit_warning: str = ""
    # The sender acknowledges an incarnation of ours that is no longer current (we restored a backup
    # and it has not heard yet): what it sent may skip records we lost; it re-sends them once it has
    # our next bundle.  ``resend_warning`` says so in one sentence.
    resend_requested: bool = False
    # The sender acknowledges more of our changes than this database ever numbered: it was put back
    # (a copied file, a restore cut short) under its old sync identity; a new incarnation was started.
    identity_renewed: bool = False
    resend_warning: str = ""
    # The English of the two warnings (not in ``as_dict``: its keys stay as they are); when empty,
    # :meth:`audit_warning_text` says the audit warning in English from the Vietnamese one.
    audit_warning_en: str = ""
    resend_warning_en: str = ""

    @property
    def totals(self) -> TableSummary:
        out = TableSummary()
        for t in self.tables.values():
            out.new += t.new
            out.changed += t.changed
            out.unchanged += t.unchanged
            out.conflicts += t.conflicts
        return out

    def note(self, vietnamese: bool = True) -> str:
        """What to tell a person about a bundle seen before or older than one received (else "")."""
        tot = self.totals
        writes = tot.new + tot.changed
        if self.seen_before:
            if not writes:
                return (
                    "Gói này đã được nhập trước đó: không có gì thay đổi."
                    if vietnamese
                    else "This bundle was imported before: nothing changes."
                )
            return (
                f"Gói này đã được nhập trước đó; nhập lại {'đã bổ sung' if self.applied else 'sẽ bổ sung'} "
                f"{writes} bản ghi máy này còn thiếu (có thể máy này vừa khôi phục bản sao lưu)."
                if vietnamese
                else f"This bundle was imported before; importing it again "
                f"{'restored' if self.applied else 'restores'} {writes} records this station lacked."
            )
        if self.older_than_received:
            if not writes:
                return (
                    f"Gói này cũ hơn gói số {self.latest_bundle_in} đã nhận từ {self.sender_name}: "
                    "không có gì cần nhập."
                    if vietnamese
                    else f"Older than bundle no. {self.latest_bundle_in} already received from "
                    f"{self.sender_name}; nothing to do."
                )
            return (
                f"Gói này cũ hơn gói số {self.latest_bundle_in} đã nhận từ {self.sender_name}; "
                f"{'đã nhập' if self.applied else 'sẽ nhập'} {writes} bản ghi còn thiếu."
                if vietnamese
                else f"Older than bundle no. {self.latest_bundle_in} already received from "
                f"{self.sender_name}; {'imported' if self.applied else 'imports'} {writes} missing records."
            )
        return ""

    def audit_warning_text(self, vietnamese: bool = True) -> str:
        """The audit-head warning in one language ("" when there is none)."""
        if vietnamese or not self.audit_warning:
            return self.audit_warning
        return self.audit_warning_en or audit_warning_en(self.audit_warning, self.sender_name)

    def resend_warning_text(self, vietnamese: bool = True) -> str:
        """The warning of a sender that has not heard of our restore, in one language."""
        if vietnamese or not self.resend_warning:
            return self.resend_warning
        return self.resend_warning_en or self.resend_warning

    def as_dict(self) -> dict[str, Any]:
        return {
            "sender": {"site_id": self.sender_id, "unit_name": self.sender_name},
            "bundle_no": self.bundle_no,
            "created": self.created,
            "scope": self.scope,
            "applied": self.applied,
            "seen_before": self.seen_before,
            "older_than_received": self.older_than_received,
            "latest_bundle_in": self.latest_bundle_in,
            "note": self.note(),
            "note_en": self.note(False),
            "peer_restored": self.peer_restored,
            "stale_incarnation": self.stale_incarnation,
            "audit_warning": self.audit_warning,
            "resend_requested": self.resend_requested,
            "identity_renewed": self.identity_renewed,
            "resend_warning": self.resend_warning,
            "tables": {k: asdict(v) for k, v in sorted(self.tables.items())},
            "totals": asdict(self.totals),
        }
