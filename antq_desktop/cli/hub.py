"""``antq hub …``: the upper level's view of its communes and the province report, without Qt.

Kept apart from ``dispatch.py`` (which only registers it). Same contract: exit 0 ok,
1 with one sentence for bad input, ``--json`` keys stable
(:meth:`services.hub.HubView.to_dict`, :meth:`services.reports.Report.to_dict`).

* ``antq hub communes [--period P] [--json]`` — one line per commune: pairing,
  last bundle received, days since, unacknowledged changes, latest figures;
* ``antq hub report --period P [--format pdf|xlsx|docx|json] [-o FILE]`` — the sum
  of the communes' reports (percentages recomputed from the sums);
* ``antq hub approve --commune CODE --period P [--reason TEXT] [--json]`` —
  approve and lock a commune's period, keeping the figures approved;
  ``antq hub reopen --commune CODE --period P --reason TEXT [--json]`` — open
  it again (both travel down in the next bundle);
  ``antq hub approval --commune CODE --period P [--json]`` — the approved
  figures beside the current ones, the differing ones marked
  (:class:`services.approvals.ApprovalCheck`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..services.errors import UserError
from .reports import FORMATS, output_format


def add_parser(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Register ``antq hub`` on the main parser's subcommands."""
    hp = sub.add_parser("hub", help="máy tổng hợp của cấp trên: các xã, báo cáo toàn tỉnh")
    hsub = hp.add_subparsers(dest="hub_command", required=True, parser_class=parser_class)
    cm = hsub.add_parser("communes", help="các xã: ghép nối, gói nhận gần nhất, số liệu mới nhất")
    cm.add_argument("--period", help="kỳ của số liệu (mặc định: năm báo cáo hiện tại)")
    cm.add_argument("--json", action="store_true", help="in dạng JSON")
    rp = hsub.add_parser("report", help="báo cáo toàn tỉnh: cộng số liệu các xã")
    rp.add_argument("--period", required=True, help="kỳ báo cáo: 2026 | 2026-H1 | 2026-Q3 | 2026-07")
    rp.add_argument(
        "--format",
        choices=FORMATS,
        help="pdf | xlsx | docx | json (mặc định: theo đuôi tệp, không có tệp: json)",
    )
    rp.add_argument("-o", "--output", help="tệp cần ghi (json: bỏ trống để in ra màn hình)")
    rp.add_argument("--definition", default="bao_cao_phong_trao", help="mã mẫu báo cáo (resources/reports)")
    ap = hsub.add_parser("approve", help="phê duyệt và khóa kỳ báo cáo của một xã (lưu số liệu đã duyệt)")
    ap.add_argument("--commune", required=True, help="mã xã (5 chữ số)")
    ap.add_argument("--period", required=True, help="kỳ báo cáo: 2026 | 2026-H1 | 2026-Q3 | 2026-07")
    ap.add_argument("--reason", default="", help="ghi chú khi duyệt")
    ap.add_argument("--json", action="store_true", help="in dạng JSON")
    ro = hsub.add_parser("reopen", help="mở lại kỳ báo cáo đã khóa của một xã (cần lý do)")
    ro.add_argument("--commune", required=True, help="mã xã (5 chữ số)")
    ro.add_argument("--period", required=True, help="kỳ báo cáo: 2026 | 2026-H1 | 2026-Q3 | 2026-07")
    ro.add_argument("--reason", required=True, help="lý do mở lại")
    ro.add_argument("--json", action="store_true", help="in dạng JSON")
    ac = hsub.add_parser("approval", help="số liệu đã duyệt bên cạnh số liệu hiện tại của một xã")
    ac.add_argument("--commune", required=True, help="mã xã (5 chữ số)")
    ac.add_argument("--period", required=True, help="kỳ báo cáo: 2026 | 2026-H1 | 2026-Q3 | 2026-07")
    ac.add_argument("--json", action="store_true", help="in dạng JSON")


def _days(n: int | None) -> str:
    return "chưa nhận" if n is None else f"{n} ngày"


def _approval_command(db: Any, args: argparse.Namespace) -> int:
    """``antq hub approve | reopen | approval``."""
    from ..services import hub, reports

    p = reports.period(db, args.period)
    if args.hub_command == "approve":
        hub.approve(db, args.commune.strip(), p.code, args.reason)
        check = hub.approval(db, args.commune.strip(), p.code)
        done = (
            f"Đã phê duyệt và khóa kỳ {p.label} của xã {check.commune_code}; số liệu đã duyệt được lưu kèm."
        )
    elif args.hub_command == "reopen":
        hub.reopen(db, args.commune.strip(), p.code, args.reason)
        check = hub.approval(db, args.commune.strip(), p.code)
        done = f"Đã mở lại kỳ {p.label} của xã {check.commune_code}."
    else:
        check = hub.approval(db, args.commune.strip(), p.code)
        done = ""
    if args.json:
        print(json.dumps(check.to_dict(), ensure_ascii=False, indent=2, sort_keys=True))
        return 0
    if done:
        print(done)
    if not check.approved:
        if args.hub_command == "approval":
            print(f"Kỳ {p.label} của xã {check.commune_code} chưa được phê duyệt (hoặc đã mở lại).")
        return 0
    when = check.approved_at.strftime("%d/%m/%Y %H:%M") if check.approved_at else "?"
    print(
        f"Phê duyệt ngày {when} ({check.approved_by}); khác số liệu đã duyệt: {'CÓ' if check.differs else 'không'}"
    )
    for i in check.indicators:
        mark = "  ≠" if i.differs else "   "
        approved = "—" if i.approved is None else reports.format_number(i.approved)
        print(f"{mark} {i.label}: đã duyệt {approved}, hiện tại {reports.format_number(i.current)} {i.unit}")
    return 0


def cmd_hub(args: argparse.Namespace) -> int:
    from ..domain.numbers import fmt_number, fmt_percent  # the line is Vietnamese: 94,75%, 1.500
    from ..services import hub
    from ..services.station import is_set_up
    from .common import _open

    fmt = output_format(args, "baocao-tinh") if args.hub_command == "report" else ""
    station = _open(args)
    try:
        if not is_set_up(station.db):
            raise UserError(
                "Máy này chưa được thiết lập: hãy chạy 'antq init --hub' trước.",
                "This station is not set up: run 'antq init --hub' first.",
            )
        if args.hub_command in ("approve", "reopen", "approval"):
            return _approval_command(station.db, args)
        if args.hub_command == "communes":
            view = hub.list_communes(station.db, args.period)
            if args.json:
                print(json.dumps(view.to_dict(), ensure_ascii=False, indent=2, sort_keys=True))
                return 0
            print(f"{view.unit_name} — {view.province_name}, số liệu {view.period.label}")
            for c in view.communes:
                f = c.figures
                state = "đã ghép nối" if c.paired else ("đã thu hồi" if c.revoked else "chưa ghép nối")
                late = " (QUÁ HẠN)" if c.overdue else ""
                print(
                    f"{c.commune_code} {c.name}: {state}; gói nhận số {c.last_bundle_in}, "
                    f"{_days(c.days_since_received)}{late}; chưa xác nhận {c.unacknowledged}; "
                    f"hộ {fmt_number(f['households'], 'vi')} (ký {fmt_percent(f['signed_pct'], 'vi')}), tổ {f['groups']}, "
                    f"thành viên {f['members']}, hội nghị {f['meetings']}, "
                    f"ý kiến chưa trả lời {c.opinions_open}, khen thưởng {f['awards']}"
                    + (f"; đã duyệt{' — SỐ LIỆU ĐÃ THAY ĐỔI' if c.differs else ''}" if c.approved else "")
                )
            if not view.communes:
                print("Chưa có xã nào ghép nối hoặc gửi dữ liệu lên máy này.")
            return 0

        report = hub.province_report(station.db, args.period, args.definition)
        if fmt == "json":
            text = json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
            if args.output:
                from .reports import _write_text

                _write_text(Path(args.output).expanduser(), text + "\n")
                print(f"Đã ghi báo cáo toàn tỉnh {report.period.label}: {args.output}", file=sys.stderr)
            else:
                print(text)
            return 0
        from datetime import date

        from ..documents.reports import render_report_docx, render_report_pdf, render_report_xlsx
        from ..papers.letterhead import letterhead

        out = Path(args.output).expanduser()
        if fmt == "pdf":
            n = render_report_pdf(report, letterhead(station.db), out, day=date.today())
        elif fmt == "docx":
            n = render_report_docx(report, letterhead(station.db), out, day=date.today())
        else:
            n = render_report_xlsx(report, out)
        unit = "trang" if fmt == "pdf" else "chỉ tiêu"
        print(f"Đã ghi báo cáo toàn tỉnh {report.period.label} ({n} {unit}): {out}")
        return 0
    finally:
        station.close()
