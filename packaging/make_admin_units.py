"""Write resources/admin_units/units-2025.json: the 34 provinces and 3,321 commune-level units.

A one-off developer tool, not shipped and not run at build time. The list is the one the State
published with the July 2025 reform (provinces and cities per Nghị quyết 202/2025/QH15, commune-level
units per the Standing Committee's resolutions, codes per Quyết định 19/2025/QĐ-TTg and the General
Statistics Office's code list). Names and codes are facts of a legal document: see docs/licences.md.

Input: a JSON list of provinces, each ``{"code", "name", "division_type", "wards": [{"code", "name",
"division_type"}, ...]}`` — the shape of the statistics office's list as collected, e.g., in the
``nested-divisions.json`` of the ``vietnam-provinces`` package (data retrieved 2025-10-18; only the
facts are taken, no code or text of that package). Usage:

    python packaging/make_admin_units.py SOURCE.json [--out resources/admin_units/units-2025.json]

The output is checked before it is written: 34 provinces, 3,321 units (2,621 xã, 687 phường,
13 đặc khu), unique codes, every unit's name starting with its kind. tests/test_admin_units.py checks
the shipped file the same way.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "admin_units" / "units-2025.json"
PROVINCE_KINDS = {"tỉnh", "thành phố trung ương"}
UNIT_KINDS = {"xã": "Xã ", "phường": "Phường ", "đặc khu": "Đặc khu "}
EXPECTED = {"provinces": 34, "units": 3321, "xã": 2621, "phường": 687, "đặc khu": 13}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


def build(source: list[dict]) -> dict:
    provinces, units = [], []
    for p in sorted(source, key=lambda p: int(p["code"])):
        pcode = f"{int(p['code']):02d}"
        kind = p["division_type"]
        if kind not in PROVINCE_KINDS:
            raise ValueError(f"province {pcode}: unknown kind {kind!r}")
        provinces.append([pcode, nfc(p["name"]), kind])
        for w in p["wards"]:
            wkind = w["division_type"]
            name = nfc(w["name"])
            if wkind not in UNIT_KINDS or not name.startswith(UNIT_KINDS[wkind]):
                raise ValueError(f"unit {w['code']}: kind {wkind!r} does not match {name!r}")
            units.append([f"{int(w['code']):05d}", name, wkind, pcode])
    units.sort(key=lambda u: u[0])
    kinds = Counter(u[2] for u in units)
    counts = {"provinces": len(provinces), "units": len(units), **{k: kinds[k] for k in UNIT_KINDS}}
    if counts != EXPECTED:
        raise ValueError(f"counts {counts} differ from the published {EXPECTED}")
    if len({u[0] for u in units}) != len(units) or len({p[0] for p in provinces}) != len(provinces):
        raise ValueError("duplicate codes")
    return {
        "format": 1,
        "code_list": "QD19-2025",
        "title": "Danh mục đơn vị hành chính Việt Nam từ 01/7/2025 (34 tỉnh, thành phố; 3.321 xã, phường, đặc khu)",
        "legal_basis": [
            "Nghị quyết 202/2025/QH15 (sắp xếp đơn vị hành chính cấp tỉnh)",
            "Các nghị quyết năm 2025 của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã",
            "Quyết định 19/2025/QĐ-TTg (Bảng danh mục và mã số các đơn vị hành chính Việt Nam)",
        ],
        "counts": counts,
        "provinces_columns": ["code", "name", "kind"],
        "provinces": provinces,
        "units_columns": ["code", "name", "kind", "province_code"],
        "units": units,
    }


def write(data: dict, out: Path) -> None:
    """One unit per line: small diffs when a later decision renames or merges a unit."""
    lines = ["{"]
    head = {k: v for k, v in data.items() if k not in ("provinces", "units")}
    for k, v in head.items():
        lines.append(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},")
    for key in ("provinces", "units"):
        rows = ",\n".join("    " + json.dumps(r, ensure_ascii=False) for r in data[key])
        lines.append(f'  "{key}": [\n{rows}\n  ]' + ("," if key == "provinces" else ""))
    lines.append("}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    json.loads(out.read_text(encoding="utf-8"))  # still valid JSON


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    data = build(json.loads(args.source.read_text(encoding="utf-8")))
    write(data, args.out)
    print(f"{args.out}: {data['counts']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
