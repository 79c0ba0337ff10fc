"""The command line in one language at a time: ``antq``'s help and argparse's own messages.

The language is the one the rest of the command line uses: English with ``ANTQ_LANG=en`` (any value
starting with "en"), Vietnamese otherwise. The help texts are written in Vietnamese in the parser
(the modules of this package); ``localize`` puts the English ones of ``HELP_EN`` in their place for English.
argparse's own words ("usage:", "the following arguments are required", "show this help message and
exit", the headings) come from its gettext calls: ``argparse_messages`` answers them in Vietnamese
while the command line parses or prints help. tests/test_cli_text.py checks that every help text has
its English and that no message comes out half in the other language.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Iterator
from datetime import date, datetime


def language() -> str:
    return "en" if os.environ.get("ANTQ_LANG", "vi").lower().startswith("en") else "vi"


def say(vi: str, en: str) -> str:
    """A command's plain-text sentence in the chosen language (``print(say("Đã sao lưu …", "Backed up …"))``);
    data values (names, places) stay as they are in both."""
    return en if language() == "en" else vi


def number(value: float, decimals: int = 2) -> str:
    """A number as the chosen language writes it (domain/numbers.py): 1.234,5 | 1,234.5."""
    from ..domain.numbers import fmt_number

    return fmt_number(value, language(), decimals)


def percent(value: float, decimals: int = 2) -> str:
    """A percentage (0-100) as the chosen language writes it: 94,75% | 94.75%."""
    from ..domain.numbers import fmt_percent

    return fmt_percent(value, language(), decimals)


def day(value: date) -> str:
    """A day as the chosen language writes it: 19/08/2026 | 2026-08-19."""
    return value.strftime(say("%d/%m/%Y", "%Y-%m-%d"))


def moment(value: datetime) -> str:
    """A day and time as the chosen language writes it: 19/08/2026 14:05 | 2026-08-19 14:05."""
    return value.strftime(say("%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M"))


# argparse's message ids (Python 3.11-3.14) in Vietnamese. An id missing here stays English.
ARGPARSE_VI = {
    "usage: ": "cách dùng: ",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "positional arguments": "tham số",
    "show this help message and exit": "in trợ giúp này rồi thoát",
    "show program's version number and exit": "in phiên bản rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "lựa chọn không có: %(value)r (chọn một trong: %(choices)s)",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ (cần kiểu %(type)s): %(value)r",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn chưa rõ: %(option)s có thể là %(matches)s",
    "not allowed with argument %s": "không dùng được cùng với %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "ignored explicit argument %r": "tùy chọn này không nhận giá trị: %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "không có lệnh %(parser_name)r (chọn một trong: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
}


@contextlib.contextmanager
def argparse_messages(lang: str | None = None) -> Iterator[None]:
    """argparse's own messages in ``lang`` (Vietnamese by default) for the time of the block."""
    if (lang or language()) == "en":
        yield
        return
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = lambda msg: ARGPARSE_VI.get(msg, msg)  # type: ignore[attr-defined]
    argparse.ngettext = lambda one, many, n: ARGPARSE_VI.get(one if n == 1 else many, one if n == 1 else many)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def error_line(message: str, lang: str | None = None) -> str:
    """The one line a wrong command line gets (exit 1)."""
    if (lang or language()) == "en":
        return f"antq: invalid arguments: {message} (see 'antq --help')\n"
    return f"antq: lỗi tham số: {message} (xem 'antq --help')\n"


class LocalParser(argparse.ArgumentParser):
    """argparse's parser whose own messages follow the language, with one-line errors (exit 1)."""

    def parse_args(self, args=None, namespace=None):  # type: ignore[no-untyped-def]
        with argparse_messages():  # "unrecognized arguments" is said here, not in parse_known_args
            return super().parse_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):  # type: ignore[no-untyped-def]
        with argparse_messages():
            return super().parse_known_args(args, namespace)

    def format_help(self) -> str:
        with argparse_messages():
            return super().format_help()

    def format_usage(self) -> str:
        with argparse_messages():
            return super().format_usage()

    def error(self, message: str) -> None:  # type: ignore[override]  # argparse's default exits 2
        self.exit(1, error_line(message))


def walk(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """The parser and every sub-command's parser under it."""
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):  # aliases share a parser
                yield from walk(sub)


def help_texts(parser: argparse.ArgumentParser) -> Iterator[tuple[object, str, str]]:
    """(owner, attribute, text) of every help text and description in the tree."""
    for p in walk(parser):
        if p.description:
            yield p, "description", p.description
        for action in p._actions:
            if action.help and action.help is not argparse.SUPPRESS:
                yield action, "help", action.help
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    if choice.help:
                        yield choice, "help", choice.help


def localize(parser: argparse.ArgumentParser, lang: str | None = None) -> argparse.ArgumentParser:
    """The parser's texts in ``lang``: English help from ``HELP_EN``, or, in Vietnamese, argparse's
    built-in helps and headings, which it wrote in English when the parsers were made."""
    lang = lang or language()
    for owner, attr, text in list(help_texts(parser)):
        if lang == "en":
            setattr(owner, attr, HELP_EN.get(text, text))
        elif text in ARGPARSE_VI:
            setattr(owner, attr, ARGPARSE_VI[text])
    if lang == "vi":
        for p in walk(parser):
            for group in p._action_groups:
                group.title = ARGPARSE_VI.get(group.title or "", group.title)
    return parser


HELP_EN = {
    "ANTQ Desktop — dòng lệnh (command line)": "ANTQ Desktop — command line",
    "thư mục dữ liệu (mặc định: thư mục dữ liệu của người dùng)": "data folder (default: the user's data folder)",
    "cơ sở dữ liệu, ví dụ postgresql+psycopg://antq@máy-chủ/antq (mặc định: tệp SQLite trong thư mục dữ liệu)": (
        "database, e.g. postgresql+psycopg://antq@server/antq (default: the SQLite file in the data folder)"
    ),
    "thiết lập đơn vị lần đầu, không hỏi đáp": "set up the unit for the first time, without questions",
    "tạo xã mẫu (dữ liệu dùng thử) trong thư mục dữ liệu trống": "create a demo commune (trial data) in an empty data folder",
    "thông tin đơn vị và số bản ghi theo loại": "the unit and the number of records of each kind",
    "sao lưu cơ sở dữ liệu (kiểm tra sau khi ghi)": "back up the database (checked after writing)",
    "kiểm tra toàn vẹn cơ sở dữ liệu": "check the database's integrity",
    "danh sách hộ: nhập từ Excel, xuất ra Excel": "the household list: import from Excel, export to Excel",
    "cam kết hộ gia đình: tỷ lệ ký, in bản cam kết": "household commitments: coverage, printed forms",
    "tổ tự quản, mô hình: danh sách, danh sách thành viên": "self-managed groups and models: list, rosters",
    "hội nghị, biên bản, ý kiến của Nhân dân": "meetings, minutes, the people's opinions",
    "đồng bộ bằng tệp với cấp trên / cấp dưới: thẻ đơn vị, gói dữ liệu": (
        "sync by file with the upper / lower level: unit cards, bundles"
    ),
    "khen thưởng: quyết định, in giấy khen, kiểm tra giấy khen": "awards: decisions, printing certificates, verifying them",
    "báo cáo kết quả phong trào theo kỳ: PDF, Excel hoặc JSON": "the movement's report for a period: PDF, Excel or JSON",
    "báo cáo kết quả phong trào theo kỳ: PDF, Excel, Word hoặc JSON": (
        "the movement's report for a period: PDF, Excel, Word or JSON"
    ),
    "số liệu nhập tay, phần nhận xét và các mẫu báo cáo": (
        "figures typed by hand, the narrative sections and the report templates"
    ),
    "nhập tay số liệu của một chỉ tiêu cho một kỳ": "type an indicator's figure for a period",
    "mã chỉ tiêu nhập tay, ví dụ handed_in.parts": "code of an indicator typed by hand, e.g. handed_in.parts",
    "số liệu (số không âm, ví dụ 12 hoặc 1,5)": "the figure (a number of 0 or more, e.g. 12 or 1.5)",
    "xóa số liệu đã nhập (tính lại là 0)": "remove the typed figure (it counts 0 again)",
    "ghi chú kèm số liệu": "a note with the figure",
    "các chỉ tiêu nhập tay và phần nhận xét của một kỳ": "the indicators typed by hand and the narrative of a period",
    "viết một phần nhận xét của báo cáo (đánh giá chung, phương hướng)": (
        "write a narrative section of the report (general assessment, directions)"
    ),
    "mã phần: danh_gia_chung | phuong_huong": "section code: danh_gia_chung | phuong_huong",
    "nội dung (để trống: in lại đoạn mẫu)": "the text (empty: the template is printed again)",
    "tệp văn bản UTF-8 chứa nội dung": "a UTF-8 text file holding the text",
    "các mẫu báo cáo: có sẵn và trong thư mục dữ liệu": "the report templates: built-in and in the data folder",
    "mã mẫu báo cáo (có sẵn, hoặc tệp <thư mục dữ liệu>/reports/MÃ.json)": (
        "report template id (built-in, or the file <data folder>/reports/ID.json)"
    ),
    "pdf | xlsx | docx | json (mặc định: theo đuôi tệp, không có tệp: json)": (
        "pdf | xlsx | docx | json (default: from the file's extension; no file: json)"
    ),
    "máy tổng hợp của cấp trên: các xã, báo cáo toàn tỉnh": "the upper level's hub: its communes, the province report",
    "khôi phục từ một bản sao lưu (giữ bản an toàn của dữ liệu hiện tại)": (
        "restore from a backup (keeps a safety copy of the current data)"
    ),
    "nhật ký hoạt động: kiểm tra chuỗi, xem, xuất Excel": "the audit trail: verify the chain, show, export to Excel",
    "tài khoản: danh sách, thêm, đặt lại mật khẩu, khóa": "accounts: list, add, reset a password, lock",
    "mã hóa dữ liệu nhạy cảm: tình trạng, bật, tắt, mã khôi phục": (
        "encryption of sensitive data: status, on, off, recovery code"
    ),
    "dữ liệu cá nhân của một người: trích xuất, xóa theo yêu cầu": "one person's personal data: export, erase on request",
    "mã tỉnh/thành phố (2 chữ số, QĐ 19/2025)": "province code (2 digits, QĐ 19/2025)",
    "mã xã/phường/đặc khu (5 chữ số)": "commune/ward/special zone code (5 digits)",
    'tên đơn vị, ví dụ "Công an xã Thạch Lâm"': 'the unit\'s name, e.g. "Công an xã Thạch Lâm"',
    "tên đăng nhập của quản trị viên": "the administrator's user name",
    "tệp chứa mật khẩu (dòng đầu)": "file holding the password (first line)",
    "tên thôn/tổ dân phố (lặp lại được)": "village / residential group name (repeatable)",
    "tên cấp trên (mặc định: Công an tỉnh/thành phố)": "the upper level's name (default: the province's police)",
    "thiết lập làm máy tổng hợp của cấp trên": "set up as the upper level's hub",
    "số hộ (mặc định 1500)": "number of households (default 1500)",
    "hạt giống ngẫu nhiên (cùng hạt, cùng dữ liệu)": "random seed (same seed, same data)",
    "tệp chứa mật khẩu quản trị (mặc định: antq-demo)": "file holding the administrator's password (default: antq-demo)",
    "in dạng JSON": "print as JSON",
    "khóa ký của đơn vị: đổi khóa, thu hồi khóa của trạm xã bị mất": "the station's signing key: rotate it, revoke a lost commune station's keys",
    "tạo khóa ký và khóa mã hóa mới; các đơn vị đã ghép nối nhận khóa mới qua gói dữ liệu kế tiếp": "make new signing and encryption keys; paired units take them with the next bundle",
    "ở cấp trên: thu hồi khóa của một trạm xã (mất máy, lộ khóa); gói và giấy khen ký sau đó bị từ chối": "at the upper level: revoke a commune station's keys (lost PC, leaked key); its later bundles and certificates are refused",
    "trạm xã: mã trạm, mã xã hoặc tên đơn vị": "the commune station: station id, commune code or unit name",
    "lý do thu hồi (ghi vào nhật ký và gửi xuống các xã)": "the reason (kept in the audit trail and sent down to the communes)",
    "tệp hoặc thư mục đích": "target file or folder",
    "từ nay chép thêm mỗi bản sao lưu vào thư mục này (USB)": "from now on also copy every backup to this folder (USB)",
    "thôi chép bản thứ hai": "stop making the second copy",
    "chỉ sao lưu khi đến hạn (tự động: mỗi ngày một lần)": "back up only when due (automatic: once a day)",
    "nhập danh sách hộ, nhân khẩu (và cam kết) từ tệp .xlsx": "import households, persons (and commitments) from a .xlsx file",
    "tạo các thôn/tổ dân phố mà tệp ghi nhưng đơn vị chưa có": "create the villages the file names that the unit lacks",
    'ghép thôn trong tệp với thôn của đơn vị, ví dụ --village-map "Tổ 1=Tổ dân phố số 1" (VILLAGE là create: tạo mới)': 'match a village as the file writes it to one of the unit\'s, e.g. --village-map "To 1=To dan pho so 1" (VILLAGE "create": a new one)',
    "ghi bản sao các dòng của tệp, thêm cột nêu lỗi của từng dòng lỗi": "write a copy of the file's rows with a column saying what is wrong in each bad row",
    "xuất danh sách hộ, nhân khẩu ra tệp .xlsx": "export households and persons to a .xlsx file",
    "tệp .xlsx": ".xlsx file",
    "chỉ kiểm tra, không ghi gì": "check only, write nothing",
    "in báo cáo dạng JSON": "print the report as JSON",
    "bỏ qua các dòng lỗi, nhập các dòng đúng": "skip the bad rows, import the good ones",
    "giữ nguyên ô gõ phông cũ TCVN3, VNI (không chuyển sang Unicode)": (
        "keep cells typed in the old TCVN3, VNI fonts as they are (no conversion to Unicode)"
    ),
    "năm của cột ký cam kết (nếu tiêu đề không ghi năm)": "year of the commitment column (when its heading has none)",
    "ghép cột bằng tay, ví dụ --map id_number=E (COL: chữ cái hoặc số thứ tự cột; để trống để bỏ)": (
        "map a column by hand, e.g. --map id_number=E (COL: column letter or number; empty to ignore)"
    ),
    "tệp .xlsx cần ghi": ".xlsx file to write",
    "chỉ xuất một thôn/tổ dân phố (tên)": "export one village / residential group only (name)",
    "năm cam kết (mặc định: năm nay)": "commitment year (default: this year)",
    "kèm dân tộc và hộ nghèo (dữ liệu nhạy cảm)": "include ethnicity and poor-household status (sensitive data)",
    "tỷ lệ hộ ký cam kết theo thôn/tổ dân phố và toàn xã": "share of households that signed, per village and for the commune",
    "in bản cam kết của mọi hộ trong một thôn ra tệp PDF": "print the commitment form of every household of a village to a PDF",
    "năm cam kết": "commitment year",
    "tên thôn/tổ dân phố": "village / residential group name",
    "tệp PDF cần ghi": "PDF file to write",
    "in đủ số định danh (mặc định: che bớt, 0020******89)": "print full ID numbers (default: masked, 0020******89)",
    "các tổ, mô hình với số thành viên hiện tại": "groups and models with their current number of members",
    "danh sách thành viên của một tổ ra PDF hoặc Excel": "a group's roster to PDF or Excel",
    "kể cả tổ đã sáp nhập, giải thể": "including merged and dissolved groups",
    "mã (id) của tổ, xem 'antq groups list --json'": "the group's id, see 'antq groups list --json'",
    "tệp .pdf hoặc .xlsx cần ghi": ".pdf or .xlsx file to write",
    "chỉ những người đang là thành viên": "current members only",
    "các hội nghị (mặc định: năm nay)": "the meetings (default: this year)",
    "biên bản của một hội nghị ra PDF hoặc Word (.docx)": "a meeting's minutes to PDF or Word (.docx)",
    "năm (mặc định: năm nay)": "year (default: this year)",
    "mã (id) hội nghị, xem 'antq meetings list --json'": "the meeting's id, see 'antq meetings list --json'",
    "tệp .pdf hoặc .docx cần ghi": ".pdf or .docx file to write",
    "xuất thẻ đơn vị của máy này (gửi cho đơn vị kia để ghép nối)": "export this station's unit card (send it to the other unit to pair)",
    "ghép nối với đơn vị có thẻ trong TỆP (sau khi đọc mã nhận dạng qua điện thoại)": (
        "pair with the unit whose card is in FILE (after reading its fingerprint over the phone)"
    ),
    "xuất gói dữ liệu cho một đơn vị đã ghép nối": "export a bundle for a paired unit",
    "nhập gói dữ liệu nhận được": "import a received bundle",
    "tình trạng đồng bộ với từng đơn vị": "sync status with each unit",
    "các xung đột chờ xem xét": "conflicts waiting for review",
    "thu hồi ghép nối với một đơn vị": "revoke the pairing with a unit",
    "tệp thẻ đơn vị (.antqcard)": "unit card file (.antqcard)",
    "tệp thẻ đơn vị nhận được": "the received unit card file",
    "mã nhận dạng đơn vị kia đọc qua điện thoại (kiểm tra trước khi ghép)": (
        "the other unit's fingerprint, read over the phone (checked before pairing)"
    ),
    "xác nhận đã đối chiếu mã nhận dạng": "confirm the fingerprint was compared",
    "đơn vị nhận: mã trạm, mã đơn vị hoặc tên": "receiving unit: station id, unit code or name",
    "tệp gói dữ liệu (.antq)": "bundle file (.antq)",
    "gửi lại toàn bộ (khôi phục dữ liệu cho đơn vị nhận)": "send everything again (restores the receiving unit's data)",
    "chỉ xem trước, không ghi": "preview only, write nothing",
    "cả các xung đột đã xử lý": "resolved conflicts too",
    "giữ giá trị đang thắng của xung đột SỐ": "keep the winning value of conflict NUMBER",
    "khôi phục giá trị bị thay của xung đột SỐ": "restore the replaced value of conflict NUMBER",
    "mã trạm, mã đơn vị hoặc tên": "station id, unit code or name",
    "các quyết định khen thưởng với số người được khen và số lần in": (
        "award decisions with their number of recipients and of prints"
    ),
    "giấy khen của mọi người trong một quyết định ra một tệp PDF": "the certificates of everyone in a decision to one PDF",
    "thêm (hoặc thay) mẫu giấy khen từ tệp .json; mẫu đi theo gói dữ liệu tới các xã": (
        "add (or replace) a certificate template from a .json file; templates travel to the communes in bundles"
    ),
    "kiểm tra giấy khen: nội dung mã QR hoặc số hiệu": "verify a certificate: its QR text or its number",
    "chỉ các quyết định ký trong năm này": "only decisions signed in this year",
    "in dạng JSON (kèm danh sách người được khen)": "print as JSON (with the recipients)",
    "mã (id) hoặc số quyết định, ví dụ 15/QĐ-UBND": "decision id or number, e.g. 15/QĐ-UBND",
    "full: in cả trang; blank: in lên phôi": "full: print the whole page; blank: print onto pre-printed blanks",
    "tên mẫu khác (ví dụ giay_khen_a3); máy nhớ mẫu đã chọn cho lần in sau (mặc định A4)": (
        "another template's name (e.g. giay_khen_a3); the station remembers it for the next print (A4 by default)"
    ),
    "quyết định khen thưởng và danh sách kèm theo ra tệp PDF hoặc Word": (
        "an award decision and its annex list to a PDF or Word file"
    ),
    "ban hành quyết định khen thưởng (cấp số hiệu giấy khen, khóa sửa)": (
        "issue an award decision (certificate serials given, no more edits)"
    ),
    "xác nhận ban hành cả khi quyết định không có dòng “Căn cứ …” nào": (
        "confirm issuing even though the decision has no legal bases"
    ),
    "tệp .pdf cần ghi": ".pdf file to write",
    "tờ trình đề nghị tặng Kỷ niệm chương và danh sách trích ngang ra tệp PDF hoặc Word": (
        "the proposal for the medal with its short list of people to a PDF or Word file"
    ),
    "năm đề nghị (thời gian công tác tính đến ngày 19/8 năm đó)": (
        "the year of the proposal (service counted up to 19 August of that year)"
    ),
    "tệp mẫu .json (cùng dạng các tệp trong resources/certificates)": (
        "template .json file (same shape as the files in resources/certificates)"
    ),
    "nội dung mã QR (đặt trong ngoặc kép) hoặc số hiệu giấy khen": "the QR code's text (in quotes) or the certificate number",
    "kỳ báo cáo: 2026 | 2026-H1 | 2026-Q3 | 2026-07": "report period: 2026 | 2026-H1 | 2026-Q3 | 2026-07",
    "pdf | xlsx | json (mặc định: theo đuôi tệp, không có tệp: json)": (
        "pdf | xlsx | json (default: from the file's extension; no file: json)"
    ),
    "tệp cần ghi (json: bỏ trống để in ra màn hình)": "file to write (json: leave out to print to the screen)",
    "mã mẫu báo cáo (resources/reports)": "report template id (resources/reports)",
    "liệt kê các bản ghi tạo nên một chỉ tiêu": "list the records behind an indicator",
    "ghi nhận đã gửi báo cáo (đi theo gói dữ liệu lên cấp trên)": "record that the report was sent (travels up in bundles)",
    "các xã: ghép nối, gói nhận gần nhất, số liệu mới nhất": "the communes: pairing, last bundle received, latest figures",
    "báo cáo toàn tỉnh: cộng số liệu các xã": "the province report: the communes' figures added up",
    "kỳ của số liệu (mặc định: năm báo cáo hiện tại)": "period of the figures (default: the current report year)",
    "tệp sao lưu .sqlite3": ".sqlite3 backup file",
    "cho phép khôi phục dữ liệu của đơn vị khác (thay hẳn đơn vị)": "allow restoring another unit's data (replaces the unit)",
    "kiểm tra nhật ký chưa bị sửa, xóa (chuỗi băm)": "verify the trail was not altered or cut (hash chain)",
    "xem nhật ký (mới nhất trước)": "show the trail (newest first)",
    "từ ngày (YYYY-MM-DD)": "from date (YYYY-MM-DD)",
    "đến ngày (YYYY-MM-DD)": "to date (YYYY-MM-DD)",
    "tên đăng nhập": "user name",
    "hành động (create, update, delete, login, backup, ...)": "action (create, update, delete, login, backup, ...)",
    "bảng (person, household, ...)": "table (person, household, ...)",
    "mã bản ghi": "record id",
    "số dòng tối đa (mặc định 100)": "at most this many lines (default 100)",
    "xuất ra tệp .xlsx thay vì in": "export to a .xlsx file instead of printing",
    "các tài khoản": "the accounts",
    "thêm tài khoản": "add an account",
    "đặt lại mật khẩu (và mở khóa) một tài khoản": "reset an account's password (and unlock it)",
    "không cho tài khoản đăng nhập nữa": "stop an account from signing in",
    "cho tài khoản đăng nhập lại": "let an account sign in again",
    "mở khóa tài khoản bị khóa do nhập sai": "unlock an account locked after wrong passwords",
    "đổi vai trò": "change the role",
    "admin (Quản trị), officer (Cán bộ), viewer (Chỉ xem)": "admin (administrator), officer, viewer (read only)",
    "tệp chứa mật khẩu mới (dòng đầu)": "file holding the new password (first line)",
    "admin, officer hoặc viewer": "admin, officer or viewer",
    "đang mã hóa hay không, tài khoản nào có khóa": "whether data is encrypted, which accounts hold a key",
    "bật mã hóa (quản trị viên); in mã khôi phục": "turn encryption on (administrator); prints the recovery code",
    "tắt mã hóa, lưu lại dạng thường": "turn encryption off, store in the clear again",
    "tạo mã khôi phục mới (mã cũ hết hiệu lực)": "make a new recovery code (the old one stops working)",
    "quên mật khẩu quản trị: đặt mật khẩu mới bằng mã khôi phục": (
        "forgotten administrator password: set a new one with the recovery code"
    ),
    "tệp chứa mật khẩu của quản trị viên (dòng đầu)": "file holding the administrator's password (first line)",
    "in mã khôi phục ra tờ PDF này để cất giữ": "print the recovery code to this PDF sheet, to keep safe",
    "tên tài khoản quản trị": "administrator account name",
    "mã khôi phục (không có thì hỏi)": "recovery code (asked for when left out)",
    "mọi dữ liệu về một người ra .json hoặc .xlsx": "everything about one person to .json or .xlsx",
    "xóa dữ liệu cá nhân của một người (giữ số liệu tổng hợp)": "erase one person's personal data (totals are kept)",
    "tệp .json hoặc .xlsx": ".json or .xlsx file",
    "lý do (ví dụ: theo đơn đề nghị ngày ...)": "reason (e.g. at the request dated ...)",
    "xác nhận xóa (bắt buộc)": "confirm the erasure (required)",
    "chỉ một thôn/tổ dân phố (tên)": "one village or residential group only (its name)",
    "các hộ đã xóa (khôi phục được)": "deleted households (can be restored)",
    "danh sách hộ: liệt kê, xóa, khôi phục, nhập từ Excel, xuất ra Excel": "the household list: list, delete, restore, import from Excel, export to Excel",
    "danh sách hộ: số hộ, thôn, chủ hộ, số nhân khẩu, tình trạng cam kết": "households: code, village, head, number of persons, commitment status",
    "ghi chú khi duyệt": "a note with the approval",
    "khôi phục một hộ đã xóa cùng các nhân khẩu đã xóa theo hộ": "restore a deleted household with the persons deleted with it",
    "không hỏi lại (bắt buộc khi chạy không tương tác)": "do not ask again (required when nobody can answer)",
    "lý do mở lại": "why the period is reopened",
    "mã (id) hoặc số hộ": "the household's id or code",
    "mã (id) hoặc số hộ, ví dụ 01304-02-00017": "the household's id or code, e.g. 01304-02-00017",
    "mã xã (5 chữ số)": "commune code (5 digits)",
    "mã xã/phường/đặc khu (5 chữ số) của xã mẫu (mặc định 01304, xã Quảng Lâm, Cao Bằng); mỗi xã một bộ dữ liệu riêng": "the demo commune's code (5 digits; default 01304, Quang Lam, Cao Bang); each commune gets data of its own",
    "mã xã/phường/đặc khu (5 chữ số); không dùng với --hub": "commune, ward or special zone code (5 digits); not with --hub",
    "mở lại kỳ báo cáo đã khóa của một xã (cần lý do)": "reopen a commune's locked reporting period (a reason is required)",
    "năm cam kết của cột tình trạng (mặc định: năm nay)": "the commitment year of the status column (default: this year)",
    "phê duyệt và khóa kỳ báo cáo của một xã (lưu số liệu đã duyệt)": "approve and lock a commune's reporting period (the approved figures are kept)",
    "số liệu đã duyệt bên cạnh số liệu hiện tại của một xã": "a commune's approved figures beside its current ones",
    "thiết lập làm máy tổng hợp của cấp trên (Công an tỉnh): chỉ cần --province, không có xã": "set up the upper level's hub (provincial police): --province only, no commune",
    "tìm theo tên, địa chỉ, số điện thoại, số định danh": "search by name, address, phone, ID number",
    "xác nhận đã đối chiếu mã nhận dạng (và đồng ý ghép nối với đơn vị của tỉnh khác, nếu có)": "confirm the fingerprint was compared (and agree to pair with a unit of another province, if so)",
    "xóa một hộ cùng các nhân khẩu của hộ (khôi phục được)": "delete a household with its persons (can be restored)",
    "đơn vị nhận: mã trạm, mã xã hoặc tên đơn vị": "the receiving unit: station id, commune code or unit name",
    "ở cấp trên: máy mới của một xã thay cho trạm cũ cùng mã xã (trạm cũ bị thu hồi, dữ liệu vẫn của xã)": "at the upper level: a commune's new PC replacing its old station of the same commune code (the old one is revoked; the records stay the commune's)",
    "tài khoản đăng nhập (hoặc biến ANTQ_USER)": "the account to sign in with (or ANTQ_USER)",
    "tệp chứa mật khẩu, dòng đầu (hoặc ANTQ_PASSWORD_FILE, ANTQ_PASSWORD; không có thì hỏi)": "a file whose first line is the password (or ANTQ_PASSWORD_FILE, ANTQ_PASSWORD; asked when none)",
    "đồng ý mất các thay đổi làm sau bản sao lưu mà chưa đơn vị nào nhận (được liệt kê trước)": "accept losing the changes made after the backup that no unit has received (listed first)",
}
