"""Which village each household of an imported list belongs to (issue 18).

A list names its villages in its own words — the sheet name ("TDP 1"), the
title row ("… TỔ DÂN PHỐ SỐ 1"), the village column ("Tổ 1"). They are matched
with the one rule of :mod:`antq_desktop.domain.villages`; what still does not
match is listed for the officer, who maps each to an existing village or marks
it "create". Those choices are remembered (the ``setting`` table) for the next
import of the same kind of file. Villages marked "create" are written in the
import's own transaction: all or nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.text import fold
from ..domain.villages import display_name, guess_kind, match_village, village_key, villages_in_title
from ..storage.models import Commune, Village
from . import settings
from .errors import UserError

SETTING_KEY = "household_import.village_map"
CREATE = "create"
NEW = "new:"  # prefix of the id a village to create has in a plan


@dataclass
class FileVillage:
    """One village as the file names it (all its spellings), and what the import does with it."""

    key: str
    spellings: list[str] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    households: int = 0
    first_row: int | None = None
    village_id: str | None = None  # existing village, or NEW + key when it is to be created
    action: str = "unknown"  # match | map | create | unknown

    @property
    def label(self) -> str:
        return self.spellings[0] if self.spellings else self.key

    @property
    def new_name(self) -> str:
        return display_name(self.spellings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "spellings": list(self.spellings),
            "sheets": list(self.sheets),
            "households": self.households,
            "action": self.action,
            "village_id": self.village_id if self.action in ("match", "map") else None,
            "new_name": self.new_name if self.action == CREATE else None,
        }


def parse_map_args(items: Sequence[str]) -> dict[str, str]:
    """``["Tổ 1=Tổ dân phố số 1", "Nà Mạ=create"]`` → ``{file text: target}``."""
    out: dict[str, str] = {}
    for item in items:
        text, sep, target = item.partition("=")
        if not sep or not text.strip() or not target.strip():
            raise UserError(
                f"--village-map '{item}' không đúng dạng 'TÊN TRONG TỆP=TÊN THÔN', ví dụ --village-map \"Tổ 1=Tổ dân phố số 1\".",
                f"--village-map '{item}' is not 'NAME IN FILE=VILLAGE', e.g. --village-map \"Tổ 1=Tổ dân phố số 1\".",
            )
        out[text.strip()] = target.strip()
    return out


def remembered(s: Session) -> dict[str, str]:
    value = settings.get(s, SETTING_KEY, {})
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


class VillageResolver:
    """Decides the village of each household while a plan is built; collects the file's villages."""

    def __init__(
        self,
        villages: dict[str, Village],
        *,
        choices: Mapping[str, str] | None = None,
        memory: Mapping[str, str] | None = None,
        create_all: bool = False,
    ) -> None:
        self.villages = villages  # the planner's dict: villages to create are added to it
        self.existing = [(vid, v.name) for vid, v in villages.items()]
        self.create_all = create_all
        self.memory = {k: v for k, v in (memory or {}).items() if v in villages}
        self.choices: dict[str, str] = {}
        self.choice_texts: dict[str, str] = {}
        for text, target in (choices or {}).items():
            key = village_key(text) or fold(text)
            self.choices[key] = target
            self.choice_texts[key] = text
        self.found: dict[str, FileVillage] = {}

    def resolve(self, text: str, sheet: str, row: int, hints: Sequence[str] = ()) -> str | None:
        """The village of a household written ``text``; ``hints``: the sheet's name, then its title rows."""
        key = village_key(text) or fold(text)
        fv = self.found.get(key)
        if fv is None:
            fv = self.found[key] = FileVillage(key, first_row=row)
            self._decide(fv, text)
        if text not in fv.spellings:
            fv.spellings.append(text)
        if sheet not in fv.sheets:  # the same village named by the sheet or its title: one more spelling
            for i, hint in enumerate(hints):  # the sheet's name as it is; titles searched for a name
                for name in (hint,) if i == 0 else villages_in_title(hint):
                    if name and name not in fv.spellings and village_key(name) == key:
                        fv.spellings.append(name)
        if sheet not in fv.sheets:
            fv.sheets.append(sheet)
        fv.households += 1
        return fv.village_id

    def _decide(self, fv: FileVillage, text: str) -> None:
        target = self.choices.get(fv.key)
        if target is not None:
            if fold(target) in (CREATE, "tao", "tao moi"):
                self._create(fv)
                return
            vid = target if target in self.villages else match_village(target, self.existing)
            if vid is not None:
                fv.village_id, fv.action = vid, "map"
            else:  # mapped to a name the unit does not have yet: create it under that name
                fv.spellings.insert(0, target)
                self._create(fv)
            return
        exact = [vid for vid, name in self.existing if fold(name) == fold(text)]
        if len(exact) == 1:
            fv.village_id, fv.action = exact[0], "match"
            return
        if fv.key in self.memory:
            fv.village_id, fv.action = self.memory[fv.key], "map"
            return
        vid = match_village(text, self.existing)
        if vid is not None:
            fv.village_id, fv.action = vid, "match"
        elif self.create_all:
            self._create(fv)

    def _create(self, fv: FileVillage) -> None:
        fv.action = CREATE
        fv.village_id = NEW + fv.key
        # A stand-in so the planner can name it; the writer inserts the real row.
        self.villages[fv.village_id] = Village(id=fv.village_id, name=fv.key, kind="thôn", code="")

    def finish(self) -> None:
        """Give the villages to create their final names (all spellings are known now)."""
        for fv in self.found.values():
            if fv.action == CREATE and fv.village_id is not None:
                v = self.villages[fv.village_id]
                v.name = fv.new_name
                v.kind = guess_kind(v.name)

    def unused_choices(self) -> list[str]:
        """Villages the officer mapped that the file never names (a typo, or another file's)."""
        return [text for key, text in self.choice_texts.items() if key not in self.found]

    @property
    def file_villages(self) -> list[FileVillage]:
        return list(self.found.values())

    def unknown_message(self, label: str, households: int) -> tuple[str, str]:
        more = f" ({households} hộ)" if households > 1 else ""
        more_en = f" ({households} households)" if households > 1 else ""
        names = ", ".join(name for _, name in self.existing)
        if not names:
            return (
                f"Đơn vị chưa có thôn/tổ nào nên chưa xếp được '{label}'{more}: hãy chọn 'Tạo mới' cho các thôn trong tệp (lệnh: --create-villages).",
                f"The unit has no villages yet, so '{label}'{more_en} has nowhere to go: choose 'Create' for the file's villages (command: --create-villages).",
            )
        return (
            f"Không có thôn/tổ '{label}' trong xã{more}: hãy ghép với một thôn có sẵn ({names}) hoặc chọn 'Tạo mới' (lệnh: --village-map \"{label}=TÊN\" hoặc --create-villages).",
            f"There is no village '{label}' in the commune{more_en}: map it to one of ({names}) or choose 'Create' (command: --village-map \"{label}=NAME\" or --create-villages).",
        )


def create_villages(s: Session, file_villages: Iterable[FileVillage]) -> dict[str, str]:
    """Insert the villages a plan creates; returns {stand-in id: real id}."""
    pending = [fv for fv in file_villages if fv.action == CREATE and fv.village_id]
    if not pending:
        return {}
    commune = s.scalar(select(Commune).where(Commune.deleted.is_(False)).limit(1))
    assert commune is not None
    codes = [c for c in s.scalars(select(Village.code)) if c and c.isdigit()]
    next_code = max((int(c) for c in codes), default=0)
    order = int(s.scalar(select(func.max(Village.sort_order))) or 0)
    by_name = {fold(v.name): v.id for v in s.scalars(select(Village).where(Village.deleted.is_(False)))}
    out: dict[str, str] = {}
    for fv in pending:
        name = fv.new_name
        assert fv.village_id is not None
        if fold(name) in by_name:  # two spellings creating one name: one village
            out[fv.village_id] = by_name[fold(name)]
            continue
        next_code += 1
        order += 1
        v = Village(
            commune_id=commune.id,
            name=name,
            kind=guess_kind(name),
            code=f"{next_code:02d}",
            sort_order=order,
        )
        s.add(v)
        s.flush()
        out[fv.village_id] = v.id
        by_name[fold(v.name)] = v.id
    return out


def remember(s: Session, file_villages: Iterable[FileVillage], real: Mapping[str, str]) -> None:
    """Keep the officer's choices (maps and creations) for the next import."""
    memory = remembered(s)
    changed = False
    for fv in file_villages:
        if fv.action in ("map", CREATE) and fv.village_id:
            vid = real.get(fv.village_id, fv.village_id)
            if memory.get(fv.key) != vid:
                memory[fv.key] = vid
                changed = True
    if changed:
        settings.put(s, SETTING_KEY, memory)
