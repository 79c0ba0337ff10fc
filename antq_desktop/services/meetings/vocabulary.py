"""Meetings' vocabulary: opinion statuses and moves, fields, meeting statuses, default minutes texts."""

from __future__ import annotations

from ...domain.catalogues import OPINION_FIELDS
from ...domain.text import nfc
from ...domain.villages import guess_kind

OPINION_STATUSES = ("new", "in_progress", "answered", "closed")
STATUS_LABELS = {"new": "Mới", "in_progress": "Đang xử lý", "answered": "Đã trả lời", "closed": "Đã đóng"}
STATUS_LABELS_EN = {"new": "New", "in_progress": "In progress", "answered": "Answered", "closed": "Closed"}
OPEN_STATUSES = ("new", "in_progress")
DONE_STATUSES = ("answered", "closed")
# Where an opinion may go from each status. Reopening an answered or closed opinion
# (the citizen was not satisfied) sends it back to "in_progress".
TRANSITIONS: dict[str, frozenset[str]] = {
    "new": frozenset({"in_progress", "answered"}),
    "in_progress": frozenset({"answered"}),
    "answered": frozenset({"closed", "in_progress"}),
    "closed": frozenset({"in_progress"}),
}
FIELD_LABELS = dict(OPINION_FIELDS)
MEETING_STATUSES = ("draft", "final")
MEETING_STATUS_LABELS = {"draft": "Đang ghi", "final": "Đã hoàn thành"}
# ``MeetingQuery.village_id`` value for meetings of the whole commune.
COMMUNE_WIDE = ""
COMMUNE_WIDE_LABEL = "Toàn xã"

DRAFT_PREFIX = "meetings.draft."
NEW_DRAFT = "new"

# Default minutes text ("Nội dung") per built-in type: the usual order of business, with dots
# where the officer fills in names.
DEFAULT_TEMPLATES: dict[str, str] = {
    "lang_nghe_y_kien": (
        "1. Đại diện Ủy ban Mặt trận Tổ quốc Việt Nam xã tuyên bố lý do, giới thiệu đại biểu.\n"
        "2. Đồng chí ...................., Trưởng Công an xã báo cáo kết quả công tác bảo đảm an ninh, "
        "trật tự và phong trào Toàn dân bảo vệ an ninh Tổ quốc trên địa bàn; những việc Công an xã đã làm "
        "được, những việc còn hạn chế.\n"
        "3. Phát phiếu khảo sát, lấy ý kiến Nhân dân về sự hài lòng đối với lực lượng Công an.\n"
        "4. Nhân dân phát biểu ý kiến; đại diện Công an xã và các ngành giải trình, tiếp thu."
    ),
    "hop_thon": (
        "1. Trưởng thôn thông báo tình hình an ninh, trật tự của thôn trong thời gian qua.\n"
        "2. Cán bộ Công an xã phổ biến các quy định về an ninh, trật tự, cư trú, phòng cháy, chữa cháy.\n"
        "3. Nhân dân phát biểu ý kiến; Công an xã và Trưởng thôn giải trình, tiếp thu."
    ),
    "tuyen_truyen_phap_luat": (
        "1. Đồng chí ...................., cán bộ Công an xã tuyên truyền, phổ biến các quy định của pháp "
        "luật về ....................\n"
        "2. Hướng dẫn Nhân dân nhận biết, phòng ngừa và tố giác tội phạm, vi phạm pháp luật.\n"
        "3. Giải đáp thắc mắc của Nhân dân."
    ),
    "mo_dot_van_dong": (
        "1. Quán triệt mục đích, yêu cầu, nội dung và thời gian của đợt vận động.\n"
        "2. Phát động Nhân dân tham gia; các hộ gia đình đăng ký, ký cam kết thực hiện.\n"
        "3. Phân công nhiệm vụ cho các thôn, tổ dân phố và các lực lượng."
    ),
    "giao_ban": (
        "1. Đánh giá tình hình an ninh, trật tự trên địa bàn trong kỳ.\n"
        "2. Kết quả thực hiện nhiệm vụ; những tồn tại, hạn chế và nguyên nhân.\n"
        "3. Phương hướng, nhiệm vụ trong thời gian tới."
    ),
    "ngay_hoi_19_8": (
        "1. Tuyên bố lý do, giới thiệu đại biểu.\n"
        "2. Báo cáo kết quả thực hiện phong trào Toàn dân bảo vệ an ninh Tổ quốc.\n"
        "3. Khen thưởng tập thể, cá nhân có thành tích.\n"
        "4. Phát động phong trào, ký kết giao ước thi đua."
    ),
    "binh_xet_an_toan": (
        "1. Thông qua kết quả thực hiện các tiêu chí khu dân cư “An toàn về an ninh, trật tự” "
        "(Điều 4 Thông tư số 124/2021/TT-BCA).\n"
        "2. Thảo luận, bình xét, biểu quyết.\n"
        "3. Kết luận, đề nghị công nhận."
    ),
}
GENERIC_TEMPLATE = "1. Tuyên bố lý do, giới thiệu đại biểu.\n2. ....................\n3. Ý kiến phát biểu."
JOINT_WITH_FRONT = ("lang_nghe_y_kien", "ngay_hoi_19_8", "mo_dot_van_dong")


def default_template(code: str) -> str:
    return DEFAULT_TEMPLATES.get(code, GENERIC_TEMPLATE)


def status_label(status: str, lang: str = "vi") -> str:
    return (STATUS_LABELS_EN if lang.startswith("en") else STATUS_LABELS).get(status, status)


def in_sentence(village: str) -> str:
    """ "Thôn Nà Mạ" → "thôn Nà Mạ", as a village's name reads inside a sentence."""
    name = nfc(village).strip()
    kind = guess_kind(name)
    if name[: len(kind)].lower() == kind and name[len(kind) : len(kind) + 1] == " ":
        return kind + name[len(kind) :]
    return name


def _clean(text: str | None) -> str:
    return nfc(text).strip()
