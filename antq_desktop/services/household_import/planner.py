"""The planner: groups a sheet's rows into households and matches them against the register."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ...domain import persons as rules
from ...domain.text import fold, nfc
from ...domain.villages import villages_in_title
from .. import import_villages
from ..validation import Finding, ValidationReport
from .known import _H, _P
from .plan_model import HouseholdPlan, PersonPlan

if TYPE_CHECKING:
    from .analysis import SheetAnalysis
    from .known import _Known
    from .plan_model import _Row


class _Planner:
    def __init__(
        self,
        known: _Known,
        report: ValidationReport,
        village_overrides: Mapping[str, str],
        year: int | None,
        resolver: import_villages.VillageResolver,
    ):
        self.k = known
        self.resolver = resolver
        self.report = report
        self.village_overrides = village_overrides
        self.year = year
        self.households: list[HouseholdPlan] = []
        self.seen_ids: dict[str, tuple[str, int]] = {}
        self.claimed_persons: set[str] = set()
        self.claimed_households: dict[str, tuple[str, int]] = {}
        self.unknown_villages: dict[tuple[str, str], list[int]] = {}
        self.rows = 0

    # -- grouping -------------------------------------------------------------------------

    def sheet(self, sheet: SheetAnalysis, rows: list[_Row]) -> None:
        self.rows += len(rows)
        for r in rows:
            self.report.extend(r.findings)
        for group in self._groups(sheet, rows):
            self._household(sheet, group)

    def _groups(self, sheet: SheetAnalysis, rows: list[_Row]) -> list[list[_Row]]:
        m = sheet.mapping
        groups: list[list[_Row]] = []
        orphan_vi = "Dòng này không thuộc hộ nào (phía trên chưa có dòng chủ hộ): hãy ghi STT hoặc 'Chủ hộ' cho dòng chủ hộ."
        orphan_en = "This row belongs to no household (no head row above it): mark the head's row with its No. or 'Chủ hộ'."
        if "household_no" in m:
            current = ""
            by_key: dict[str, list[_Row]] = {}
            for r in rows:
                key = r.household_no or current
                if not key:
                    self._row_error(r, orphan_vi, orphan_en, "household_no")
                    continue
                current = key
                if key not in by_key:
                    by_key[key] = []
                    groups.append(by_key[key])
                by_key[key].append(r)
            return groups
        stt_heads = "stt" in m and any(r.stt for r in rows) and any(not r.stt for r in rows)
        by_head = ("relation" in m or "head_mark" in m) and any(r.relation_head for r in rows)
        if stt_heads or by_head:
            for r in rows:
                starts = r.stt if stt_heads else r.relation_head
                if starts:
                    groups.append([r])
                elif groups:
                    groups[-1].append(r)
                else:
                    self._row_error(r, orphan_vi, orphan_en, "stt" if stt_heads else "relation")
            return groups
        return [[r] for r in rows]

    def _row_error(self, r: _Row, vi: str, en: str, key: str) -> None:
        f = Finding("error", vi, en, sheet=r.sheet, row=r.row, field=key)
        r.findings.append(f)
        self.report.add(f)

    # -- one household --------------------------------------------------------------------

    def _household(self, sheet: SheetAnalysis, group: list[_Row]) -> None:
        k = self.k
        heads = [r for r in group if r.relation_head]
        head = heads[0] if heads else group[0]
        for extra in heads[1:]:
            self._row_error(
                extra,
                f"Hộ này đã có chủ hộ ở dòng {head.row}: mỗi hộ chỉ có một chủ hộ.",
                f"This household already has a head on row {head.row}: one head per household.",
                "relation",
            )
        if not heads and "relation" in sheet.mapping and group[0].person["relation_to_head"]:
            self.report.add(
                Finding(
                    "warning",
                    f"Hộ không có dòng ghi 'Chủ hộ': coi {head.person['full_name']} (người đầu tiên) là chủ hộ.",
                    f"The household has no 'Chủ hộ' row: {head.person['full_name']} (the first person) is taken as the head.",
                    sheet=head.sheet,
                    row=head.row,
                    field="relation",
                )
            )
        village_text = next((r.village_text for r in [head, *group] if r.village_text), "")
        vid = self._village(sheet, head, village_text)
        if vid is None:
            return
        village = k.villages[vid]
        hp = HouseholdPlan(sheet.name, head.row, vid, village.name, village_text=village_text)
        hp.bad = head.bad
        if head.bad and len(group) > 1:
            self.report.add(
                Finding(
                    "warning",
                    f"Dòng chủ hộ có lỗi nên {len(group) - 1} thành viên khác của hộ cũng chưa được nhập.",
                    f"The head's row has an error, so the other {len(group) - 1} members are not imported either.",
                    sheet=head.sheet,
                    row=head.row,
                )
            )
        address = head.address or next((r.address for r in group if r.address), "")
        if "address" in sheet.mapping and address:
            hp.values["address"] = address
        if "phone" in sheet.mapping and head.phone:
            hp.values["phone"] = head.phone
        if head.poverty is not None:
            hp.values["poverty_status"] = head.poverty
        hp.commitment = head.commitment or next((r.commitment for r in group if r.commitment), None)
        for r in group:
            pp = PersonPlan(r.sheet, r.row, dict(r.person), is_head=r is head, bad=r.bad)
            if pp.is_head:
                pp.values["relation_to_head"] = rules.HEAD
            hp.persons.append(pp)
        self._match_household(hp, head, group)
        for pp in hp.persons:
            self._match_person(hp, pp)
        if hp.bad:
            for pp in hp.persons:
                pp.bad = True
        self._household_changes(hp)
        self._commitment(hp)
        self.households.append(hp)

    def _village(self, sheet: SheetAnalysis, head: _Row, village_text: str) -> str | None:
        k = self.k
        for text in (village_text, sheet.name):
            if text and text in self.village_overrides and self.village_overrides[text] in k.villages:
                return self.village_overrides[text]
        label = village_text or sheet.village_hint
        if not label and len(self.resolver.existing) == 1:  # the unit's one village (not one being created)
            return self.resolver.existing[0][0]
        if not label:  # "Sheet1" with no village column: a village named in the title, else none
            label = next(iter(villages_in_title(sheet.title)), "")
        if not label:
            self.unknown_villages.setdefault((sheet.name, ""), []).append(head.row)
            return None
        vid = self.resolver.resolve(label, sheet.name, head.row, (sheet.name, sheet.title))
        if vid is None:
            self.unknown_villages.setdefault((sheet.name, label), []).append(head.row)
        return vid

    def _match_household(self, hp: HouseholdPlan, head: _Row, group: list[_Row]) -> None:
        k = self.k
        hid: str | None = None
        if head.household_no and head.household_no in k.hh_by_code:
            hid = k.hh_by_code[head.household_no]
        number = head.person["id_number"]
        if hid is None and number and number in k.by_id_number:
            pid = k.by_id_number[number]
            candidate = k.persons[pid][_P["household_id"]]
            if candidate in k.households and fold(k.persons[pid][_P["full_name"]]) == fold(
                head.person["full_name"]
            ):
                hid = candidate
        if hid is None:
            name = fold(head.person["full_name"])
            if "address" in hp.values:
                hits = k.hh_by_name_addr.get((hp.village_id, name, fold(hp.values["address"])), [])
            else:
                hits = k.hh_by_name.get((hp.village_id, name), [])
            hits = [h for h in hits if h not in self.claimed_households]
            if len(hits) > 1:
                self._row_error(
                    head,
                    f"Có {len(hits)} hộ cùng tên chủ hộ {head.person['full_name']} và địa chỉ trong {hp.village_name}: hãy ghi số định danh của chủ hộ để phân biệt.",
                    f"{len(hits)} households in {hp.village_name} have head {head.person['full_name']} and this address: add the head's ID number to tell them apart.",
                    "full_name",
                )
                hp.bad = True
                return
            hid = hits[0] if hits else None
        if hid is None:
            return
        if hid in self.claimed_households:
            sheet, row = self.claimed_households[hid]
            self._row_error(
                head,
                f"Hộ này trùng với hộ ở trang '{sheet}', dòng {row} của tệp: hãy gộp thành một hộ.",
                f"This household repeats the one on sheet '{sheet}', row {row}: merge them into one.",
                "full_name",
            )
            hp.bad = True
            return
        self.claimed_households[hid] = (hp.sheet, hp.row)
        h = k.households[hid]
        hp.household_id = hid
        hp.code = h[_H["code"]]
        hp.action = "update"

    def _match_person(self, hp: HouseholdPlan, pp: PersonPlan) -> None:
        k = self.k
        v = pp.values
        number = v["id_number"]
        if number:
            if number in self.seen_ids:
                sheet, row = self.seen_ids[number]
                self._person_error(
                    pp,
                    f"Số định danh {rules.mask_id_number(number)} trùng với trang '{sheet}', dòng {row} của tệp: mỗi người một số.",
                    f"ID number {rules.mask_id_number(number)} repeats sheet '{sheet}', row {row}: one number per person.",
                    "id_number",
                )
                return
            self.seen_ids[number] = (pp.sheet, pp.row)
        pid: str | None = None
        if number and number in k.by_id_number:
            pid = k.by_id_number[number]
            existing = k.persons[pid]
            if fold(existing[_P["full_name"]]) != fold(v["full_name"]):
                hh = k.households.get(existing[_P["household_id"]] or "")
                where = f" (hộ {hh[_H['code']]}, {k.villages[hh[_H['village_id']]].name})" if hh else ""
                self._person_error(
                    pp,
                    f"Số định danh {rules.mask_id_number(number)} đã thuộc về {existing[_P['full_name']]}{where}, không phải {v['full_name']}: hãy kiểm tra lại số.",
                    f"ID number {rules.mask_id_number(number)} already belongs to {existing[_P['full_name']]}, not {v['full_name']}: check the number.",
                    "id_number",
                    ref_id=pid,
                )
                return
        elif hp.household_id:
            name = fold(v["full_name"])
            for member in k.members.get(hp.household_id, []):
                p = k.persons[member]
                if member in self.claimed_persons or fold(p[_P["full_name"]]) != name:
                    continue
                if v["birth_year"] and p[_P["birth_year"]] and v["birth_year"] != p[_P["birth_year"]]:
                    continue
                if number and p[_P["id_number"]] and p[_P["id_number"]] != number:
                    continue
                pid = member
                break
        if pid is not None and pid in self.claimed_persons:
            self._person_error(
                pp,
                f"{v['full_name']} đã có ở một dòng khác của tệp: hãy xóa dòng trùng.",
                f"{v['full_name']} is already on another row of the file: delete the repeated row.",
                "full_name",
            )
            return
        if pid is None:
            if not pp.bad:
                for other in k.name_year_village.get(
                    (fold(v["full_name"]), v["birth_year"] or 0, hp.village_id), []
                ):
                    if other in self.claimed_persons:
                        continue
                    p = k.persons[other]
                    hh = k.households.get(p[_P["household_id"]] or "")
                    code = hh[_H["code"]] if hh else ""
                    self.report.add(
                        Finding(
                            "warning",
                            f"Đã có {p[_P['full_name']]} sinh năm {v['birth_year']} ở {hp.village_name} (hộ {code}): có thể là cùng một người, hãy kiểm tra.",
                            f"{p[_P['full_name']]}, born {v['birth_year']}, is already registered in {hp.village_name} (household {code}): it may be the same person.",
                            sheet=pp.sheet,
                            row=pp.row,
                            field="full_name",
                            ref_id=other,
                        )
                    )
                    break
            return
        self.claimed_persons.add(pid)
        pp.person_id = pid
        existing = k.persons[pid]
        if existing[_P["household_id"]] != hp.household_id:
            pp.move_from = existing[_P["household_id"]]
        pp.changes = _person_changes(existing, v)
        pp.action = "update" if pp.changes or pp.move_from else "unchanged"

    def _person_error(self, pp: PersonPlan, vi: str, en: str, key: str, ref_id: str | None = None) -> None:
        pp.bad = True
        self.report.add(Finding("error", vi, en, sheet=pp.sheet, row=pp.row, field=key, ref_id=ref_id))

    def _household_changes(self, hp: HouseholdPlan) -> None:
        head = hp.head
        if hp.household_id is None:
            hp.action = "create"
            return
        h = self.k.households[hp.household_id]
        ch: dict[str, Any] = {}
        if "address" in hp.values and nfc(hp.values["address"]) != nfc(h[_H["address"]]):
            ch["address"] = hp.values["address"]
        if "phone" in hp.values and _digits(hp.values["phone"]) != _digits(h[_H["phone"]]):
            ch["phone"] = hp.values["phone"]
        if "poverty_status" in hp.values and hp.values["poverty_status"] != h[_H["poverty_status"]]:
            ch["poverty_status"] = hp.values["poverty_status"]
        if hp.village_id != h[_H["village_id"]]:
            ch["village_id"] = hp.village_id
        if head is not None and not head.bad and head.person_id != h[_H["head_person_id"]]:
            ch["head_person_id"] = head.person_id  # None: the head is a new person
        hp.changes = ch
        hp.action = (
            "update" if ch or any(p.action != "unchanged" and not p.bad for p in hp.persons) else "unchanged"
        )

    def _commitment(self, hp: HouseholdPlan) -> None:
        if not hp.commitment or self.year is None:
            return
        existing = self.k.commitments.get(hp.household_id or "")
        if existing is None:
            hp.commitment_action = "create"
        else:
            hp.commitment_id = existing[0]
            hp.commitment_action = "unchanged" if existing[1] == hp.commitment else "update"

    def finish(self) -> None:
        for (sheet, label), rows in self.unknown_villages.items():
            first = rows[0]
            vi, en = self.resolver.unknown_message(label, len(rows))
            if not label:
                vi = f"Trang '{sheet}' không cho biết các hộ thuộc thôn/tổ nào: hãy thêm cột Thôn hoặc đặt tên trang bằng tên thôn (ví dụ 'Tổ 1')."
                en = f"Sheet '{sheet}' does not say which village its households belong to: add a village column or name the sheet after the village (e.g. 'Tổ 1')."
            self.report.add(
                Finding(
                    "error",
                    vi,
                    en,
                    sheet=sheet,
                    row=first,
                    field="village",
                )
            )
            # The other rows say what is wrong, the first one also what to do (one kind in the summary).
            short_vi = re.sub(r"\s*\(\d+ hộ\)", "", vi.split(": ", 1)[0]) + "."
            short_en = re.sub(r"\s*\(\d+ households\)", "", en.split(": ", 1)[0]) + "."
            for r in rows[1:]:
                self.report.add(
                    Finding(
                        "error",
                        short_vi,
                        short_en,
                        sheet=sheet,
                        row=r,
                        field="village",
                    )
                )
        c: dict[str, int] = dict.fromkeys(
            (
                "rows",
                "households_create",
                "households_update",
                "households_unchanged",
                "persons_create",
                "persons_update",
                "persons_unchanged",
                "commitments",
                "commitments_create",
                "commitments_update",
                "bad_rows",
            ),
            0,
        )
        c["rows"] = self.rows
        for hp in self.households:
            if hp.bad:
                continue
            c[f"households_{hp.action}"] += 1
            for pp in hp.persons:
                if not pp.bad:
                    c[f"persons_{pp.action}"] += 1
            if hp.commitment_action in ("create", "update"):
                c[f"commitments_{hp.commitment_action}"] += 1
        c["commitments"] = c["commitments_create"] + c["commitments_update"]
        c["bad_rows"] = len(self.report.bad_rows())
        self.report.counts = c


def _digits(text: str | None) -> str:
    return re.sub(r"\D", "", text or "")


def _person_changes(p: tuple, v: dict[str, Any]) -> dict[str, Any]:  # type: ignore[type-arg]
    """Fields the file changes; an empty cell never erases what the register holds."""
    ch: dict[str, Any] = {}
    if v["birth_date"] and v["birth_date"] != p[_P["birth_date"]]:
        ch["birth_date"] = v["birth_date"]
        ch["birth_year"] = v["birth_date"].year
    elif v["birth_year"] and not v["birth_date"]:
        known_year = p[_P["birth_date"]].year if p[_P["birth_date"]] else p[_P["birth_year"]]
        if v["birth_year"] != known_year:
            ch["birth_year"] = v["birth_year"]
            ch["birth_date"] = None
    for key in ("sex", "id_number", "old_id_number", "notes"):
        if v[key] and v[key] != p[_P[key]]:
            ch[key] = v[key]
    if v["relation_to_head"] and fold(v["relation_to_head"]) != fold(p[_P["relation_to_head"]]):
        ch["relation_to_head"] = v["relation_to_head"]
    if v["ethnic_code"] and (v["ethnic_code"], v["ethnic_code_system"]) != (
        p[_P["ethnic_code"]],
        p[_P["ethnic_code_system"]],
    ):
        ch["ethnic_code"] = v["ethnic_code"]
        ch["ethnic_code_system"] = v["ethnic_code_system"]
    if v["phone"] and _digits(v["phone"]) != _digits(p[_P["phone"]]):
        ch["phone"] = v["phone"]
    return ch
