"""Households, the persons in them, household history, and yearly commitments (docs/domain.md, "Household commitments (cam kết hộ gia đình)" and "Identity numbers and households")."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, SyncMixin
from ..column_crypto import SensitiveString, SensitiveText


class Household(SyncMixin, Base):
    __tablename__ = "household"
    __search_fields__ = ("head_name", "address", "code", "phone")

    village_id: Mapped[str] = mapped_column(ForeignKey("village.id"), index=True)
    # Local code: commune code + village code + sequence (docs/domain.md, "Households after the sổ hộ khẩu").
    code: Mapped[str] = mapped_column(String(32), default="", index=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    # Not a foreign key: head and household reference each other, and a row
    # may arrive in a bundle before the other.
    head_person_id: Mapped[str | None] = mapped_column(String(36))
    head_name: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    # "" | ho_ngheo | can_ngheo — sensitive (docs/domain.md, "Sensitive fields")
    poverty_status: Mapped[str] = mapped_column(SensitiveString(16, "household.poverty_status"), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    search_key: Mapped[str] = mapped_column(String(600), default="", server_default="", index=True)


class Person(SyncMixin, Base):
    __tablename__ = "person"
    __search_fields__ = ("full_name", "id_number", "phone")

    household_id: Mapped[str | None] = mapped_column(ForeignKey("household.id"), index=True)
    full_name: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[date | None]
    # Old records may give only a year.
    birth_year: Mapped[int | None]
    # M | F
    sex: Mapped[str] = mapped_column(String(1), default="")
    # Số định danh cá nhân, 12 digits (docs/domain.md, "The 12-digit personal ID number"); legacy 9-digit CMND apart.
    id_number: Mapped[str] = mapped_column(
        SensitiveString(12, "person.id_number", deterministic=True), default="", index=True
    )
    old_id_number: Mapped[str] = mapped_column(
        SensitiveString(12, "person.old_id_number", deterministic=True), default=""
    )
    # Sensitive (docs/domain.md, "Sensitive fields"): code and the code list it comes from ("Ethnic groups and their two code lists").
    ethnic_code: Mapped[str] = mapped_column(SensitiveString(4, "person.ethnic_code"), default="")
    ethnic_code_system: Mapped[str] = mapped_column(String(16), default="")
    relation_to_head: Mapped[str] = mapped_column(String(32), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    education_level: Mapped[str] = mapped_column(String(32), default="")
    residence_since: Mapped[date | None]
    notes: Mapped[str] = mapped_column(Text, default="")
    search_key: Mapped[str] = mapped_column(String(600), default="", server_default="", index=True)


class HouseholdEvent(SyncMixin, Base):
    """History of a household: a person moved in or out, a split, a merge."""

    __tablename__ = "household_event"

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    # move_in | move_out | split | merge | created
    kind: Mapped[str] = mapped_column(String(16))
    other_household_id: Mapped[str | None] = mapped_column(String(36))
    person_id: Mapped[str | None] = mapped_column(String(36))
    happened_on: Mapped[date | None]
    note: Mapped[str] = mapped_column(Text, default="")


class CommitmentText(SyncMixin, Base):
    """The wording of a year's commitment form, set by the commune or sent by the upper level."""

    __tablename__ = "commitment_text"

    year: Mapped[int] = mapped_column(index=True)
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")
    # local | province
    scope: Mapped[str] = mapped_column(String(16), default="local")


class Commitment(SyncMixin, Base):
    """One household's commitment "An toàn về ANTT" for one year."""

    __tablename__ = "commitment"
    __table_args__ = (Index("ix_commitment_household_year", "household_id", "year"),)

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    year: Mapped[int] = mapped_column(index=True)
    # signed | not_signed | refused | absent | broken
    status: Mapped[str] = mapped_column(String(16), default="not_signed")
    signed_on: Mapped[date | None]
    signer_person_id: Mapped[str | None] = mapped_column(String(36))
    signer_name: Mapped[str] = mapped_column(String(200), default="")
    form_number: Mapped[str] = mapped_column(String(32), default="")
    text_id: Mapped[str | None] = mapped_column(String(36))
    breach_on: Mapped[date | None]
    breach_note: Mapped[str] = mapped_column(SensitiveText("commitment.breach_note"), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
