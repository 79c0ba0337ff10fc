"""The printed recovery code of the station's data key (services/encryption.py).

One A4 page, to be kept sealed in the unit's safe: who it belongs to, the code in large letters
grouped for reading out, and what to do with it.  The code is on no other paper and in no file.
"""

from __future__ import annotations

import os
from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Spacer, Table, TableStyle

from ..domain.text import nfc
from .fonts import SANS_BOLD
from .layout import Letterhead, build_pdf, esc, frame_width, official_header, para, styles, title_block

CODE_SIZE = 22.0  # points: the code in large letters
CELL_PADDING = 12.0  # reportlab's default cell padding: 6 points on each side


def _code_size(groups: list[str], cell_width: float) -> float:
    """The largest size up to :data:`CODE_SIZE` at which every group fits its cell on one line: a group
    of wide letters ("WMWQD") at 22 pt broke onto two lines across the cell's border."""
    widest = max(stringWidth(g, SANS_BOLD, 1.0) for g in groups) or 1.0
    return min(CODE_SIZE, round((cell_width - CELL_PADDING - 1) / widest, 1))


def render_recovery_sheet(
    head: Letterhead, unit_name: str, code: str, path: str | os.PathLike[str], day: date | None = None
) -> int:
    """Write the sheet of ``unit_name`` under ``head``; returns the page count (1)."""
    st = styles(13, 12)
    width = frame_width()
    story = [
        official_header(head, width, day=day or date.today(), st=st),
        *title_block("MÃ KHÔI PHỤC", "khóa dữ liệu nhạy cảm của phần mềm ANTQ Desktop", st=st),
        para(
            f"Đơn vị: <b>{esc(nfc(unit_name))}</b>. Mã này mở được toàn bộ dữ liệu nhạy cảm "
            "(số định danh, dân tộc, hộ nghèo, ghi chú vi phạm) khi quản trị viên quên mật khẩu.",
            st.body,
        ),
        Spacer(1, 6 * mm),
    ]
    groups = code.split("-")
    size = _code_size(groups, width / len(groups))
    cells = [
        [para(f'<font name="{SANS_BOLD}" size="{size}">{esc(g)}</font>', st.cell_center) for g in groups]
    ]
    table = Table(cells, colWidths=[width / len(groups)] * len(groups), rowHeights=[16 * mm])
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    story += [
        table,
        Spacer(1, 6 * mm),
        para("<b>Cách dùng</b>", st.flush),
        para(
            "Trên máy của đơn vị, mở cửa sổ dòng lệnh và chạy: <i>antq encryption recover --user TÊN_QUẢN_TRỊ "
            "--password-file TỆP_MẬT_KHẨU_MỚI</i>, rồi nhập mã trên khi được hỏi (chữ hoa hay thường, có gạch "
            "nối hay không đều được). Tài khoản quản trị nhận mật khẩu mới và mở lại được dữ liệu.",
            st.body,
        ),
        para("<b>Giữ gìn</b>", st.flush),
        para(
            "Cho tờ này vào phong bì dán kín, ký giáp lai, cất trong tủ sắt của đơn vị. Không chụp ảnh, không "
            "lưu vào máy tính hay điện thoại. Nếu mất hoặc nghi bị lộ, quản trị viên vào Quản trị → Mã hóa "
            "dữ liệu → In mã khôi phục mới: mã cũ hết hiệu lực ngay.",
            st.body,
        ),
        para(
            "Mất cả mật khẩu quản trị lẫn mã này thì không ai mở lại được dữ liệu nhạy cảm đã mã hóa, kể cả "
            "người làm phần mềm; các dữ liệu khác vẫn dùng bình thường.",
            st.body,
        ),
    ]
    return build_pdf(path, story, title="Mã khôi phục khóa dữ liệu", subject=nfc(head.unit))
