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
from .text import language, moment, number, percent, say


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
    if n is None:
        return say("chưa nhận", "nothing received")
    return say(f"{n} ngày", f"{n} days")


def _approval_command(db: Any, args: argparse.Namespace) -> int:
    """``antq hub approve | reopen | approval``."""
    from ..services import hub, reports

    p = reports.period(db, args.period)
    code = args.commune.strip()
    if args.hub_command == "approve":
        hub.approve(db, code, p.code, args.reason)
        check = hub.approval(db, code, p.code)
        done = say(
            f"Đã phê duyệt và khóa kỳ {p.label} của xã {check.commune_code}; số liệu đã duyệt được lưu kèm.",
            f"Period {p.code} of commune {check.commune_code} approved and locked; the approved figures are kept.",
        )
    elif args.hub_command == "reopen":
        hub.reopen(db, code, p.code, args.reason)
        check = hub.approval(db, code, p.code)
        done = say(
            f"Đã mở lại kỳ {p.label} của xã {check.commune_code}.",
            f"Period {p.code} of commune {check.commune_code} reopened.",
        )
    else:
        check = hub.approval(db, code, p.code)
        done = ""
    if args.json:
        print(json.dumps(check.to_dict(), ensure_ascii=False, indent=2, sort_keys=True))
        return 0
    if done:
        print(done)
    if not check.approved:
        if args.hub_command == "approval":
            print(
                say(
                    f"Kỳ {p.label} của xã {check.commune_code} chưa được phê duyệt (hoặc đã mở lại).",
                    f"Period {p.code} of commune {check.commune_code} is not approved (or was reopened).",
                )
            )
        return 0
    _print_approval(check)
    return 0


def _print_approval(check: Any) -> None:
    """When and by whom, then each indicator approved beside its current figure (≠ where they differ)."""
    when = moment(check.approved_at) if check.approved_at else "?"
    differs = say("CÓ" if check.differs else "không", "YES" if check.differs else "no")
    print(
        say(
            f"Phê duyệt ngày {when} ({check.approved_by}); khác số liệu đã duyệt: {differs}",
            f"Approved on {when} ({check.approved_by}); differs from the approved figures: {differs}",
        )
    )
    for i in check.indicators:
        mark = "  ≠" if i.differs else "   "
        approved = "—" if i.approved is None else number(i.approved)
        current = number(i.current)
        # The report definition's labels and units are Vietnamese: English names an indicator by its code.
        unit = i.unit if language() == "vi" or i.unit in ("%", "kg") else ""
        print(
            say(
                f"{mark} {i.label}: đã duyệt {approved}, hiện tại {current} {unit}",
                f"{mark} {i.code}: approved {approved}, now {current} {unit}".rstrip(),
            )
        )


def _commune_line(c: Any) -> str:
    """One commune of ``antq hub communes``: pairing, last bundle, figures."""
    f = c.figures
    if language() == "en":
        state = "paired" if c.paired else ("revoked" if c.revoked else "not paired")
        return (
            f"{c.commune_code} {c.name}: {state}; last bundle received no. {c.last_bundle_in}, "
            f"{_days(c.days_since_received)}{' (OVERDUE)' if c.overdue else ''}; "
            f"not yet acknowledged {number(c.unacknowledged)}; "
            f"households {number(f['households'])} (signed {percent(f['signed_pct'])}), "
            f"groups {number(f['groups'])}, members {number(f['members'])}, meetings {number(f['meetings'])}, "
            f"opinions unanswered {number(c.opinions_open)}, awards {number(f['awards'])}"
            + (f"; approved{' — THE FIGURES HAVE CHANGED' if c.differs else ''}" if c.approved else "")
        )
    state = "đã ghép nối" if c.paired else ("đã thu hồi" if c.revoked else "chưa ghép nối")
    late = " (QUÁ HẠN)" if c.overdue else ""
    return (
        f"{c.commune_code} {c.name}: {state}; gói nhận số {c.last_bundle_in}, "
        f"{_days(c.days_since_received)}{late}; chưa xác nhận {number(c.unacknowledged)}; "
        f"hộ {number(f['households'])} (ký {percent(f['signed_pct'])}), tổ {number(f['groups'])}, "
        f"thành viên {number(f['members'])}, hội nghị {number(f['meetings'])}, "
        f"ý kiến chưa trả lời {number(c.opinions_open)}, khen thưởng {number(f['awards'])}"
        + (f"; đã duyệt{' — SỐ LIỆU ĐÃ THAY ĐỔI' if c.differs else ''}" if c.approved else "")
    )


def cmd_hub(args: argparse.Namespace) -> int:
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
            print(
                say(
                    f"{view.unit_name} — {view.province_name}, số liệu {view.period.label}",
                    f"{view.unit_name} — {view.province_name}, figures of {view.period.code}",
                )
            )
            for c in view.communes:
                print(_commune_line(c))
            if not view.communes:
                print(
                    say(
                        "Chưa có xã nào ghép nối hoặc gửi dữ liệu lên máy này.",
                        "No commune has paired with this station or sent it data yet.",
                    )
                )
            return 0

        report = hub.province_report(station.db, args.period, args.definition)
        if fmt == "json":
            text = json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
            if args.output:
                from .reports import _write_text

                _write_text(Path(args.output).expanduser(), text + "\n")
                print(
                    say(
                        f"Đã ghi báo cáo toàn tỉnh {report.period.label}: {args.output}",
                        f"Province report {report.period.code} written: {args.output}",
                    ),
                    file=sys.stderr,
                )
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
        unit = say("trang", "pages") if fmt == "pdf" else say("chỉ tiêu", "indicators")
        print(
            say(
                f"Đã ghi báo cáo toàn tỉnh {report.period.label} ({n} {unit}): {out}",
                f"Province report {report.period.code} written ({n} {unit}): {out}",
            )
        )
        return 0
    finally:
        station.close()
