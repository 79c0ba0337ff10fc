"""The catalogue entries every station starts with (docs/domain.md, "Tổ bảo vệ ANTT: the grassroots security teams" and "Minutes of a meeting (biên bản)" and "Mediation teams, fire-safety groups and cameras").

Codes are stable identifiers: bundles and the upper level refer to them.
"""

from __future__ import annotations

import uuid
from typing import Any

MEMBER_ROLES = [
    {"code": "to_truong", "name": "Tổ trưởng"},
    {"code": "to_pho", "name": "Tổ phó"},
    {"code": "to_vien", "name": "Tổ viên"},
]

GROUP_TYPES: list[dict[str, Any]] = [
    {"code": "to_an_ninh_tu_quan", "name": "Tổ an ninh tự quản", "category": "to_tu_quan"},
    {
        "code": "to_bao_ve_antt",
        "name": "Tổ bảo vệ an ninh, trật tự ở cơ sở",
        "category": "bao_ve_antt",
    },
    {
        "code": "to_hoa_giai",
        "name": "Tổ hòa giải ở cơ sở",
        "category": "hoa_giai",
        "roles": [
            {"code": "to_truong", "name": "Tổ trưởng"},
            {"code": "hoa_giai_vien", "name": "Hòa giải viên"},
        ],
    },
    {
        "code": "to_lien_gia_pccc",
        "name": "Tổ liên gia an toàn phòng cháy, chữa cháy",
        "category": "pccc",
        "attributes": [
            {"key": "households_covered", "label": "Số hộ tham gia", "type": "int"},
            {"key": "extinguishers", "label": "Số bình chữa cháy", "type": "int"},
        ],
    },
    {
        "code": "camera_an_ninh",
        "name": "Mô hình camera an ninh",
        "category": "camera",
        "attributes": [
            {"key": "cameras", "label": "Số mắt camera", "type": "int"},
            {"key": "households_covered", "label": "Số hộ tham gia", "type": "int"},
        ],
    },
    {
        "code": "tieng_chuong_canh_bao",
        "name": "Mô hình \u201cTiếng chuông cảnh báo\u201d",
        "category": "other",
    },
    {"code": "dan_cu_dan_nuoi", "name": "Mô hình \u201cDân cử, dân nuôi\u201d", "category": "other"},
    {
        "code": "co_so_tho_tu_tu_quan",
        "name": "Cơ sở thờ tự tự quản về an ninh, trật tự",
        "category": "other",
    },
]

MEETING_TYPES: list[dict[str, str]] = [
    {"code": "lang_nghe_y_kien", "name": "Hội nghị \u201cCông an lắng nghe ý kiến Nhân dân\u201d"},
    {"code": "hop_thon", "name": "Họp thôn, tổ dân phố"},
    {"code": "tuyen_truyen_phap_luat", "name": "Tuyên truyền, phổ biến pháp luật"},
    {"code": "mo_dot_van_dong", "name": "Hội nghị mở đợt vận động"},
    {"code": "giao_ban", "name": "Giao ban"},
    {"code": "ngay_hoi_19_8", "name": "Ngày hội toàn dân bảo vệ an ninh Tổ quốc (19/8)"},
    {"code": "binh_xet_an_toan", "name": "Họp bình xét khu dân cư \u201cAn toàn về ANTT\u201d"},
]

OPINION_FIELDS = {
    "an_ninh_trat_tu": "An ninh, trật tự",
    "giao_thong": "Giao thông",
    "te_nan_xa_hoi": "Tệ nạn xã hội",
    "tranh_chap": "Tranh chấp",
    "thai_do_can_bo": "Thái độ của cán bộ",
    "khac": "Khác",
}


# -- one identity for the built-in entries ---------------------------------------------------------
#
# A built-in entry is shared reference data: every station holds the *same row* — the same id, made
# from its code, and the same creation stamps — so the copies two stations hold are equal byte for
# byte and a merge finds them "unchanged" (docs/sync.md, "Shared reference data"). Local kinds (made
# by a station or sent by the upper level) keep the random ids of ordinary records.

# The UUIDv5 namespace of built-in catalogue ids, fixed forever:
# uuid5(NAMESPACE_URL, "urn:antq-desktop:builtin-catalogue"); an entry's id is
# uuid5(BUILTIN_NAMESPACE, "<table>:<code>"), e.g. "meeting_type:lang_nghe_y_kien".
BUILTIN_NAMESPACE = uuid.UUID("c1df4cf0-550b-505e-80dd-908d5f9e4adc")
# The origin and last writer of a built-in entry as shipped: no station made it.
BUILTIN_ORIGIN = "builtin"
# Its creation version: the hybrid clock's epoch, below any version a station ever writes, so any
# station's later change of the entry wins over the shipped value everywhere.
BUILTIN_VERSION = "000000000000000.000000"
# The catalogue tables with built-in entries (table → the definitions).
BUILTIN_TABLES = ("group_type", "meeting_type")


def builtin_id(table: str, code: str) -> str:
    """The id every station gives the built-in entry ``code`` of ``table``."""
    return str(uuid.uuid5(BUILTIN_NAMESPACE, f"{table}:{code}"))


def builtin_rows(table: str) -> list[dict[str, Any]]:
    """The built-in entries of ``table`` as stored (every column but the local ``change_seq``)."""
    stamps = {
        "origin_site": BUILTIN_ORIGIN,
        "version": BUILTIN_VERSION,
        "modified_by_site": BUILTIN_ORIGIN,
        "field_versions": {"*": BUILTIN_VERSION},
        "deleted": False,
        "source": "builtin",
        "active": True,
    }
    if table == "group_type":
        return [
            {
                "id": builtin_id(table, t["code"]),
                "code": t["code"],
                "name": t["name"],
                "category": t["category"],
                "attributes_schema": [dict(a) for a in t.get("attributes", [])],
                "roles": [dict(r) for r in t.get("roles", MEMBER_ROLES)],
                "sort_order": i,
                **stamps,
            }
            for i, t in enumerate(GROUP_TYPES)
        ]
    if table == "meeting_type":
        return [
            {
                "id": builtin_id(table, m["code"]),
                "code": m["code"],
                "name": m["name"],
                "minutes_template": "",
                "sort_order": i,
                **stamps,
            }
            for i, m in enumerate(MEETING_TYPES)
        ]
    raise KeyError(table)
