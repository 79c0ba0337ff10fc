"""The rules of the "An toàn về ANTT" standard that need no database (TT 124/2021/TT-BCA).

docs/domain.md, "The commune and its other units (TT 124 Điều 5)" and "Villages and the yearly
safety assessment (An toàn về ANTT)".

* The units a commune counts (Điều 5 khoản 4): its villages (khu dân cư) and the offices, businesses
  and schools under it (:data:`UNIT_KINDS`).
* Criterion 1 of a village: 100 % of the households *residing* register; a household away for the
  year (commitment status "absent", vắng) does not reside there and is out of the denominator
  (:func:`residing`).
* The commune's threshold: recognised units over registered units, at least the threshold share
  (70 % by default, a setting) — :func:`needed` and :func:`meets_threshold` in whole numbers, so
  17 of 25 (68 %) fails and 18 (72 %) passes with no rounding in between.
"""

from __future__ import annotations

DEFAULT_THRESHOLD = 70.0

# kind code → (Vietnamese name, English name). Villages are kind "khu_dan_cu" (their own table).
UNIT_KINDS: dict[str, tuple[str, str]] = {
    "co_quan": ("Cơ quan", "Office"),
    "doanh_nghiep": ("Doanh nghiệp", "Business"),
    "co_so_giao_duc": ("Cơ sở giáo dục", "School"),
}
VILLAGE_KIND = "khu_dan_cu"
KIND_LABELS: dict[str, str] = {VILLAGE_KIND: "Khu dân cư", **{k: v[0] for k, v in UNIT_KINDS.items()}}
KIND_LABELS_EN: dict[str, str] = {
    VILLAGE_KIND: "Residential area",
    **{k: v[1] for k, v in UNIT_KINDS.items()},
}

# The commune's own criteria (Điều 5 khoản 1–3); khoản 4 (every unit registered, the threshold share
# recognised) is computed from the units, never ticked.
DEFAULT_COMMUNE_CRITERIA: tuple[dict[str, str], ...] = (
    {
        "code": "x1_dang_uy_nghi_quyet",
        "label": "Đảng ủy xã có nghị quyết về công tác bảo đảm an ninh, trật tự (quý I)",
    },
    {
        "code": "x1_ubnd_ke_hoach_dang_ky",
        "label": "Ủy ban nhân dân xã có kế hoạch bảo đảm an ninh, trật tự và đăng ký xây dựng "
        "“An toàn về an ninh, trật tự” (quý I)",
    },
    {
        "code": "x1_mo_hinh",
        "label": "Xây dựng, củng cố, duy trì ít nhất 01 mô hình phong trào toàn dân bảo vệ an ninh Tổ quốc "
        "hoạt động hiệu quả",
    },
    {
        "code": "x2_tieu_chi_dieu_4",
        "label": "Trên địa bàn xã đạt các tiêu chí tại khoản 2, 3 và 4 Điều 4",
    },
    {
        "code": "x3_cong_an_khong_ky_luat",
        "label": "Công an xã chủ động tham mưu, thực hiện tốt nhiệm vụ; không có cá nhân bị kỷ luật",
    },
)

# An office's, business's or school's checklist. TT 124's own wording for them was not read
# (docs/domain.md): a station setting replaces these with the province's.
DEFAULT_UNIT_CRITERIA: tuple[dict[str, str], ...] = (
    {
        "code": "u1_ke_hoach",
        "label": "Có kế hoạch, biện pháp bảo đảm an ninh, trật tự và tổ chức thực hiện (quý I)",
    },
    {
        "code": "u2_chap_hanh",
        "label": "Cán bộ, người lao động, người học chấp hành tốt chủ trương, pháp luật về an ninh, trật tự",
    },
    {
        "code": "u3_khong_vu_viec",
        "label": "Không để xảy ra vụ việc phức tạp về an ninh, trật tự, cháy, nổ nghiêm trọng "
        "(theo hướng dẫn của tỉnh)",
    },
    {
        "code": "u4_bao_ve",
        "label": "Lực lượng bảo vệ, tổ tự quản của đơn vị hoạt động hiệu quả (theo hướng dẫn của tỉnh)",
    },
)


# The English of the shipped criteria (villages: services/assessments/villages.py), by code, for the
# command line in English; a province's own checklist has none (its code names it).
CRITERIA_EN: dict[str, str] = {
    "c1_chi_bo_nghi_quyet": "Criterion 1: the Party cell has a resolution on security and order (quarter I)",
    "c2_chap_hanh": "Criterion 2: the Party's policies, the State's laws and local rules on security are followed",
    "c3_khong_xam_pham_an_ninh": "Criterion 3: no acts against national security, unlawful preaching or "
    "long complex disputes",
    "c4_kiem_che_toi_pham": "Criterion 4: crime, social evils and accidents held back or reduced "
    "(per the province's guidance)",
    "c5_luc_luong_co_so": "Criterion 5: the grassroots security forces and organisations work effectively "
    "(per the province's guidance)",
    "x1_dang_uy_nghi_quyet": "The commune's Party committee has a resolution on security and order (quarter I)",
    "x1_ubnd_ke_hoach_dang_ky": "The People's Committee has a security plan and registered for the safety "
    "standard (quarter I)",
    "x1_mo_hinh": "At least one model of the movement built, strengthened and kept working effectively",
    "x2_tieu_chi_dieu_4": "The commune meets the criteria of article 4, clauses 2, 3 and 4",
    "x3_cong_an_khong_ky_luat": "The commune police advise and do their tasks well; no officer disciplined",
    "u1_ke_hoach": "A plan and measures for security and order, carried out (quarter I)",
    "u2_chap_hanh": "Staff, workers and learners follow the policies and laws on security and order",
    "u3_khong_vu_viec": "No complex security incident, serious fire or explosion (per the province's guidance)",
    "u4_bao_ve": "The unit's guards and self-managed team work effectively (per the province's guidance)",
}


def criterion_label(item: dict[str, str], english: bool = False) -> str:
    """A checklist item's wording; in English the shipped wording's English, else its code."""
    if not english:
        return item["label"]
    return CRITERIA_EN.get(item["code"], item["code"])


def residing(households: int, absent: int) -> int:
    """The households criterion 1 counts: those in the register less those away (vắng) this year."""
    return max(households - absent, 0)


def needed(threshold_pct: float, registered: int) -> int:
    """How many recognised units the threshold needs out of ``registered`` (70 % of 25: 18)."""
    if registered <= 0:
        return 0
    # Whole numbers: the least n with n * 100 >= threshold * registered (no float rounding at the edge).
    scaled = round(threshold_pct * 100)  # hundredths of a percent
    return -(-scaled * registered // 10000)


def meets_threshold(recognised: int, registered: int, threshold_pct: float) -> bool:
    return registered > 0 and recognised >= needed(threshold_pct, registered)


def percent(part: int, whole: int) -> float:
    return round(part * 100 / whole, 2) if whole else 0.0
