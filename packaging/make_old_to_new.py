"""Write resources/admin_units/old-to-new-2025.json: which 2025 unit(s) each pre-July-2025 commune
became. A one-off developer tool, not shipped and not run at build time (docs/licences.md).

The conversion is set by the Standing Committee of the National Assembly's 2025 resolutions (one per
province: which old communes form each new one). Input: the ``vietnamadminunits`` wheel (MIT licence;
version 1.0.4 was used), which compiled those resolutions: its legacy list of the 10,035 old communes
with their codes, and its conversion table (whole old communes merged into one new unit, and the
471 old communes divided between several, with the one that keeps the old seat marked). Only facts
are taken. New units are matched to the project's own list (units-2025.json, QĐ 19/2025 codes) by
province and folded name, since that package's new codes are not those of QĐ 19/2025. Usage:

    python packaging/make_old_to_new.py vietnamadminunits-1.0.4-py3-none-any.whl

Checked before writing: 10,035 old communes (the count before the reform), each becomes at least one
existing 2025 unit, and each of the 3,321 units comes from at least one old commune, except the
special zones made of a whole island district that had no communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa,
Lý Sơn, Côn Đảo), which are listed apart.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from antq_desktop.domain import admin_units  # noqa: E402
from antq_desktop.domain.text import fold  # noqa: E402

OUT = ROOT / "resources" / "admin_units" / "old-to-new-2025.json"
OLD_COMMUNES = 10035


def squash(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isalnum())  # "M'Drắk" = "M’Drắk"


def build(wheel: Path) -> dict:
    z = zipfile.ZipFile(wheel)
    conv = json.loads(z.read("vietnamadminunits/data/converter_2025.json"))
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "ds.db"
        db.write_bytes(z.read("vietnamadminunits/data/dataset.db"))
        con = sqlite3.connect(db)
        legacy = con.execute(
            "SELECT provinceKey, districtKey, wardKey, wardCode, ward, district, province, provinceCode"
            " FROM admin_units_legacy WHERE wardCode IS NOT NULL"
        ).fetchall()
        islands = {
            f"{p}_{d}_": (district, pcode)
            for p, d, district, pcode in con.execute(
                "SELECT provinceKey, districtKey, district, provinceCode FROM admin_units_legacy WHERE wardCode IS NULL"
            )
        }
        new_keys = con.execute(
            "SELECT provinceKey, wardKey, ward, provinceCode, wardCode FROM admin_units"
        ).fetchall()
        con.close()
    # New units: that package's (province key, ward key) -> our QĐ 19/2025 code, by folded name.
    ours: dict[tuple[str, str], list[str]] = defaultdict(list)
    short: dict[tuple[str, str], list[str]] = defaultdict(list)  # a unit whose kind changed (xã → phường)
    for c in admin_units.all_communes():
        ours[(c.province_code, squash(c.name))].append(c.code)
        short[(c.province_code, squash(c.short_name))].append(c.code)
    new_code: dict[tuple[str, str], str] = {}
    for pkey, wkey, name, pcode, code in new_keys:
        found = ours.get((pcode, squash(name))) or short.get((pcode, squash(name.split(" ", 1)[1])), [])
        if len(found) > 1 and code in found:  # two units of one name in a province: the code decides
            found = [code]
        if len(found) != 1:
            raise ValueError(f"new unit {name} ({pcode}): {len(found)} matches in units-2025.json")
        new_code[(pkey, wkey)] = found[0]
    old_by_key = {f"{p}_{d}_{w}": row for p, d, w, *row in legacy}
    targets: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for pkey, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for wkey, olds in wards.items():
            for old in olds:
                targets[old].append((new_code[(pkey, wkey)], True))
    for pkey, olds in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, parts in olds.items():
            for part in parts:
                targets[old].append((new_code[(pkey, part["newWardKey"])], bool(part["isDefaultNewWard"])))
    rows = []
    for key, (code, name, district, province, pcode) in old_by_key.items():
        into = targets.get(key)
        if not into:
            raise ValueError(f"old commune {code} {name} ({district}, {province}) has no successor")
        codes = sorted(dict.fromkeys(c for c, _ in into))
        main = next((c for c, default in into if default), codes[0]) if len(codes) > 1 else codes[0]
        rows.append([code, name, district, pcode, main, codes])
    rows.sort(key=lambda r: r[0])
    if len(rows) != OLD_COMMUNES or len({r[0] for r in rows}) != OLD_COMMUNES:
        raise ValueError(f"{len(rows)} old communes, the published count is {OLD_COMMUNES:,}")
    # Island districts that had no commune-level units became special zones (đặc khu) whole.
    districts = []
    for key, into in targets.items():
        if key.endswith("_") and key not in old_by_key:
            (code, _default), *more = into
            district, pcode = islands[key]
            if more or admin_units.commune(code).division_type != "đặc khu":
                raise ValueError(f"district {key} without communes did not become one special zone")
            districts.append([district, pcode, code])
    districts.sort(key=lambda d: d[2])
    reached = {c for r in rows for c in r[5]} | {d[2] for d in districts}
    if reached != {c.code for c in admin_units.all_communes()}:
        raise ValueError(f"{3321 - len(reached)} new units have no predecessor")
    divided = sum(1 for r in rows if len(r[5]) > 1)
    return {
        "format": 1,
        "code_list_new": admin_units.CODE_LIST,
        "counts": {
            "old_communes": len(rows),
            "divided": divided,
            "districts_without_communes": len(districts),
            "new_units": len(reached),
        },
        "districts_columns": ["old_district", "old_province_code", "new_code"],
        "districts": districts,
        "columns": ["old_code", "old_name", "old_district", "old_province_code", "new_code", "new_codes"],
        "rows": rows,
    }


def write(data: dict, out: Path) -> None:
    head = {k: v for k, v in data.items() if k != "rows"}  # (districts: a short list, one line)
    lines = ["{", *(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in head.items())]
    rows = ",\n".join("    " + json.dumps(r, ensure_ascii=False) for r in data["rows"])
    lines += [f'  "rows": [\n{rows}\n  ]', "}"]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    json.loads(out.read_text(encoding="utf-8"))


def main(argv: list[str]) -> int:
    data = build(Path(argv[0]))
    write(data, OUT)
    print(f"{OUT}: {data['counts']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
