"""Certificate templates kept in the database (they travel like the other catalogues)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from ...domain.text import nfc
from ...storage.database import Database
from ...storage.models import (
    CertificateTemplate,
)

# ---------------------------------------------------------------------------------------------
# Certificate templates kept in the database (they travel like the other catalogues)
# ---------------------------------------------------------------------------------------------


def certificate_template_names(db: Database) -> list[str]:
    with db.session() as s:
        return sorted(
            set(s.scalars(select(CertificateTemplate.name).where(CertificateTemplate.deleted.is_(False))))
        )


def certificate_template_spec(db: Database, name: str) -> dict[str, Any] | None:
    """The stored layout of ``name`` (the newest if two stations made one), or None."""
    with db.session() as s:
        row = s.scalars(
            select(CertificateTemplate)
            .where(CertificateTemplate.name == name, CertificateTemplate.deleted.is_(False))
            .order_by(CertificateTemplate.version.desc())
            .limit(1)
        ).first()
        return dict(row.spec) if row is not None else None


def save_certificate_template(db: Database, name: str, label: str, mode: str, spec: dict[str, Any]) -> str:
    """Create or replace the stored template ``name`` (checked by the documents layer first)."""
    with db.session() as s:
        row = s.scalars(
            select(CertificateTemplate).where(
                CertificateTemplate.name == name, CertificateTemplate.deleted.is_(False)
            )
        ).first()
        if row is None:
            row = CertificateTemplate(name=name)
            s.add(row)
        row.label, row.mode, row.spec = nfc(label)[:200], mode, dict(spec)
        s.flush()
        return row.id
