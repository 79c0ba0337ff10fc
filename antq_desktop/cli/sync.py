"""``antq sync …``: site cards, pairing, bundles, status and conflicts without Qt.

Kept apart from ``dispatch.py`` (which only registers it) so the sync commands
grow without touching the other areas' commands. Same contract: exit 0 ok,
1 with one sentence for bad input or a refused bundle, ``--json`` stable.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..services.errors import UserError
from .text import language, say


def add_parser(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    sy = sub.add_parser("sync", help="đồng bộ bằng tệp với cấp trên / cấp dưới: thẻ đơn vị, gói dữ liệu")
    ssub = sy.add_subparsers(dest="sync_command", required=True, parser_class=parser_class)
    card = ssub.add_parser("card", help="xuất thẻ đơn vị của máy này (gửi cho đơn vị kia để ghép nối)")
    card.add_argument("-o", "--output", required=True, help="tệp thẻ đơn vị (.antqcard)")
    card.add_argument("--json", action="store_true", help="in dạng JSON")
    pair = ssub.add_parser(
        "pair", help="ghép nối với đơn vị có thẻ trong TỆP (sau khi đọc mã nhận dạng qua điện thoại)"
    )
    pair.add_argument("file", help="tệp thẻ đơn vị nhận được")
    pair.add_argument(
        "--fingerprint", help="mã nhận dạng đơn vị kia đọc qua điện thoại (kiểm tra trước khi ghép)"
    )
    pair.add_argument(
        "--yes",
        action="store_true",
        help="xác nhận đã đối chiếu mã nhận dạng (và đồng ý ghép nối với đơn vị của tỉnh khác, nếu có)",
    )
    pair.add_argument(
        "--replaces",
        metavar="MÃ_TRẠM_CŨ",
        help="ở cấp trên: máy mới của một xã thay cho trạm cũ cùng mã xã (trạm cũ bị thu hồi, dữ liệu vẫn của xã)",
    )
    pair.add_argument("--json", action="store_true", help="in dạng JSON")
    exp = ssub.add_parser("export", help="xuất gói dữ liệu cho một đơn vị đã ghép nối")
    exp.add_argument("--to", required=True, help="đơn vị nhận: mã trạm, mã xã hoặc tên đơn vị")
    exp.add_argument("-o", "--output", required=True, help="tệp gói dữ liệu (.antq)")
    exp.add_argument(
        "--full", action="store_true", help="gửi lại toàn bộ (khôi phục dữ liệu cho đơn vị nhận)"
    )
    exp.add_argument("--json", action="store_true", help="in dạng JSON")
    imp = ssub.add_parser("import", help="nhập gói dữ liệu nhận được")
    imp.add_argument("file", help="tệp gói dữ liệu (.antq)")
    imp.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi")
    imp.add_argument("--json", action="store_true", help="in dạng JSON")
    st = ssub.add_parser("status", help="tình trạng đồng bộ với từng đơn vị")
    st.add_argument("--json", action="store_true", help="in dạng JSON")
    cf = ssub.add_parser("conflicts", help="các xung đột chờ xem xét")
    cf.add_argument("--all", action="store_true", help="cả các xung đột đã xử lý")
    cf.add_argument("--keep", type=int, metavar="SỐ", help="giữ giá trị đang thắng của xung đột SỐ")
    cf.add_argument("--restore", type=int, metavar="SỐ", help="khôi phục giá trị bị thay của xung đột SỐ")
    cf.add_argument("--json", action="store_true", help="in dạng JSON")
    rv = ssub.add_parser("revoke", help="thu hồi ghép nối với một đơn vị")
    rv.add_argument("site", help="mã trạm, mã đơn vị hoặc tên")


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=str))


def _run(args: argparse.Namespace, writing: bool, body: Any) -> int:
    from .common import _open, _writing  # the same helpers every group uses: CLI user, one running copy

    def run() -> int:
        station = _open(args)
        try:
            from ..services.station import is_set_up

            if not is_set_up(station.db):
                raise UserError(
                    "Máy này chưa được thiết lập đơn vị: hãy chạy 'antq init' trước.",
                    "This station is not set up: run 'antq init' first.",
                )
            return int(body(station))
        finally:
            station.close()

    return _writing(args, run) if writing else run()


def cmd_sync(args: argparse.Namespace) -> int:
    c = args.sync_command
    run = {
        "card": _sync_card,
        "pair": _sync_pair,
        "export": _sync_export,
        "import": _sync_import,
        "status": _sync_status,
        "conflicts": _sync_conflicts,
        "revoke": _sync_revoke,
    }.get(c)
    if run is None:
        raise UserError(f"Lệnh không rõ: sync {c}", f"Unknown command: sync {c}")
    return run(args)


def _sync_card(args: argparse.Namespace) -> int:
    from .. import sync

    def card(st: Any) -> int:
        result = sync.export_card(st.db, Path(args.output))
        if args.json:
            _print_json({"file": args.output, **result.as_dict()})
        else:
            print(say("Đã xuất thẻ đơn vị ", "Unit card exported: ") + f"{result.unit_name} → {args.output}")
            print(
                say(
                    "Mã nhận dạng (đọc cho đơn vị kia qua điện thoại): ",
                    "Fingerprint (read it to the other unit by phone): ",
                )
                + result.fingerprint
            )
        return 0

    return _run(args, True, card)


_YES = ("c", "co", "có", "y", "yes")


def _sync_pair(args: argparse.Namespace) -> int:
    from .. import sync

    card_obj = sync.read_card(Path(args.file))
    fp = args.fingerprint
    if fp is None and not args.yes:
        _confirm_fingerprint(card_obj)

    def do_pair(st: Any) -> int:
        other_ok = args.yes
        from ..sync.cards import other_province

        foreign = other_province(st.db, card_obj)
        if foreign and not other_ok and sys.stdin.isatty():
            other_ok = _other_province_ok(card_obj, foreign)
        result = sync.pair(
            st.db, card_obj, fingerprint=fp, other_province_ok=other_ok, replaces=args.replaces
        )
        _report_pairing(args, card_obj, result, foreign)
        return 0

    return _run(args, True, do_pair)


def _confirm_fingerprint(card_obj: Any) -> None:
    """The officer compares the card's fingerprint with the one the other unit reads out by phone."""
    code = card_obj.unit_code or card_obj.commune_code
    print(
        say("Thẻ của: ", "Card of: ") + f"{card_obj.unit_name} ({card_obj.role}, {say('mã', 'code')} {code})"
    )
    print(say("Mã nhận dạng: ", "Fingerprint: ") + card_obj.fingerprint)
    if not sys.stdin.isatty():
        raise UserError(
            "Hãy đối chiếu mã nhận dạng với đơn vị kia qua điện thoại rồi chạy lại với --fingerprint MÃ hoặc --yes.",
            "Compare the fingerprint with the other unit by phone, then run again with --fingerprint CODE or --yes.",
        )
    answer = input(
        say(
            "Mã nhận dạng có khớp với mã đơn vị kia đọc không? (c/k): ",
            "Does the fingerprint match the one the other unit read out? (y/n): ",
        )
    )
    if answer.strip().lower() not in _YES:
        raise UserError(
            "Chưa ghép nối: mã nhận dạng chưa được xác nhận.",
            "Not paired: fingerprint not confirmed.",
        )


def _other_province_ok(card_obj: Any, foreign: str) -> bool:
    print(
        say(
            f"CẢNH BÁO: {card_obj.unit_name} thuộc {foreign}, khác tỉnh của máy này.",
            f"WARNING: {card_obj.unit_name} belongs to {foreign}, another province than this station's.",
        )
    )
    answer = input(
        say(
            "Vẫn ghép nối với đơn vị của tỉnh khác? (c/k): ",
            "Pair with a unit of another province anyway? (y/n): ",
        )
    )
    return answer.strip().lower() in _YES


def _report_pairing(args: argparse.Namespace, card_obj: Any, result: Any, foreign: str | None) -> None:
    if args.json:
        _print_json(
            {
                "paired": True,
                "replaced_placeholder": result.replaced_placeholder,
                "replaced_station": result.replaced_station or None,
                "other_province": foreign or None,
                **card_obj.as_dict(),
            }
        )
        return
    print(
        say("Đã ghép nối với ", "Paired with ")
        + f"{card_obj.unit_name} ({say('mã nhận dạng', 'fingerprint')} {card_obj.fingerprint})"
    )
    if result.replaced_station:
        old = result.replaced_station
        print(
            say(
                f"Trạm cũ {old} đã bị thu hồi; dữ liệu của nó vẫn là của xã "
                "và sẽ được gửi toàn bộ cho máy mới ở lần xuất gói tới.",
                f"The old station {old} is revoked; its data stays the commune's and is sent in full "
                "to the new station with the next bundle.",
            )
        )


def _sync_export(args: argparse.Namespace) -> int:
    from .. import sync

    def export(st: Any) -> int:
        r = sync.export_bundle(st.db, args.to, Path(args.output), full=args.full)
        data = {
            "file": str(r.path),
            "to": {"site_id": r.peer_id, "unit_name": r.peer_name},
            "bundle_no": r.bundle_no,
            "rows": r.rows,
            "tables": r.tables,
            "sha256": r.sha256,
            "bytes": r.size,
            "full": r.full,
        }
        if args.json:
            _print_json(data)
        else:
            size = f"{r.size:,}"
            print(
                say(
                    f"Đã xuất gói số {r.bundle_no} cho {r.peer_name}: {r.rows} bản ghi, "
                    f"{size.replace(',', '.')} byte, đã đọc lại và kiểm tra → {r.path}",
                    f"Exported bundle no. {r.bundle_no} for {r.peer_name}: {r.rows} records, "
                    f"{size} bytes, read back and checked → {r.path}",
                )
            )
        return 0

    return _run(args, True, export)


def _sync_import(args: argparse.Namespace) -> int:
    from .. import sync

    def do_import(st: Any) -> int:
        rep = sync.import_bundle(st.db, Path(args.file), dry_run=args.dry_run)
        if args.json:
            _print_json(rep.as_dict())
            return 0
        if args.dry_run:
            head = say("Xem trước (chưa ghi) gói số", "Preview (nothing written) of bundle no.")
        else:
            head = say("Đã nhập gói số", "Imported bundle no.")
        made = say("tạo lúc", "made at")
        print(f"{head} {rep.bundle_no} {say('của', 'from')} {rep.sender_name} ({made} {rep.created}):")
        columns = say("bảng|mới|thay đổi|giữ nguyên|xung đột", "table|new|changed|unchanged|conflicts").split(
            "|"
        )
        print(f"  {columns[0]:<20} {columns[1]:>7} {columns[2]:>9} {columns[3]:>11} {columns[4]:>9}")
        for name, t in sorted(rep.tables.items()):
            print(f"  {name:<20} {t.new:>7} {t.changed:>9} {t.unchanged:>11} {t.conflicts:>9}")
        tot = rep.totals
        print(
            f"  {say('cộng', 'total'):<20} {tot.new:>7} {tot.changed:>9} {tot.unchanged:>11} {tot.conflicts:>9}"
        )
        vi = language() == "vi"
        if rep.note(vi):
            print(f"  {rep.note(vi)}")  # seen before, or older than what was received: the truth of it
        for warning in (rep.audit_warning_text(vi), rep.resend_warning_text(vi)):
            if warning:
                print(f"  {say('CẢNH BÁO', 'WARNING')}: {warning}")
        return 0

    return _run(args, not args.dry_run, do_import)


def _sync_status(args: argparse.Namespace) -> int:
    from .. import sync

    def status(st: Any) -> int:
        peers = sync.peer_status(st.db)
        if args.json:
            _print_json({"peers": [p.as_dict() for p in peers]})
            return 0
        if not peers:
            print(
                say(
                    "Chưa ghép nối với đơn vị nào (antq sync card / antq sync pair).",
                    "Not paired with any unit yet (antq sync card / antq sync pair).",
                )
            )
        for p in peers:
            if p.revoked:
                state = say("đã thu hồi", "revoked")
            else:
                state = (
                    say("quá hạn trao đổi", "exchange overdue") if p.overdue else say("bình thường", "normal")
                )
            print(f"{p.unit_name} [{p.site_id[:8]}] — {state}")
            sent = p.last_sent_at or say("chưa gửi", "not sent yet")
            received = p.last_received_at or say("chưa nhận", "not received yet")
            print(
                say(
                    f"  gửi gần nhất: số {p.last_bundle_out}, {sent}",
                    f"  last sent: no. {p.last_bundle_out}, {sent}",
                )
            )
            print(
                say(
                    f"  nhận gần nhất: số {p.last_bundle_in}, {received}",
                    f"  last received: no. {p.last_bundle_in}, {received}",
                )
            )
            print(
                say(
                    f"  chưa được xác nhận: {p.unacknowledged} bản ghi; "
                    f"{p.days_since_exchange} ngày từ lần trao đổi cuối",
                    f"  not yet acknowledged: {p.unacknowledged} records; "
                    f"{p.days_since_exchange} days since the last exchange",
                )
            )
        return 0

    return _run(args, False, status)


def _sync_conflicts(args: argparse.Namespace) -> int:
    from .. import sync
    from ..sync.labels import table_label

    def conflicts(st: Any) -> int:
        if args.keep is not None or args.restore is not None:
            cid, action = (args.keep, "keep") if args.keep is not None else (args.restore, "restore")
            sync.resolve(st.db, cid, action)
            if not args.json:
                print(
                    say(
                        f"Đã {'giữ giá trị hiện tại' if action == 'keep' else 'khôi phục giá trị bị thay'} "
                        f"(xung đột số {cid}).",
                        f"{'Kept the current value' if action == 'keep' else 'Restored the replaced value'} "
                        f"(conflict no. {cid}).",
                    )
                )
        items = sync.list_conflicts(st.db, open_only=not args.all)
        if args.json:
            _print_json({"conflicts": [i.as_dict() for i in items]})
        elif args.keep is None and args.restore is None:
            if not items:
                print(say("Không có xung đột nào chờ xem xét.", "No conflict is waiting for review."))
            if language() == "en":
                _print_conflicts_en(st, items)
                return 0
            for i in items:
                print(
                    f"#{i.id} {table_label(i.table)} “{i.record_label}”, trường {i.field}: "
                    f"đang dùng {i.winner_value!r} ({i.winner_site}, {i.winner_changed_at}) — "
                    f"bị thay {i.loser_value!r} ({i.loser_site}, {i.loser_changed_at})"
                )
        return 0

    return _run(args, args.keep is not None or args.restore is not None, conflicts)


def _print_conflicts_en(st: Any, items: list[Any]) -> None:
    from ..sync.labels import label_of, table_label

    with st.db.session() as s:  # the record as a person knows it, named in English
        names = {(i.table, i.record_id): label_of(s, i.table, i.record_id, False) for i in items}
    for i in items:
        print(
            f"#{i.id} {table_label(i.table, False)} “{names[(i.table, i.record_id)]}”, field {i.field}: "
            f"in use {i.winner_value!r} ({i.winner_site}, {i.winner_changed_at}) — "
            f"replaced {i.loser_value!r} ({i.loser_site}, {i.loser_changed_at})"
        )


def _sync_revoke(args: argparse.Namespace) -> int:
    from .. import sync

    def revoke(st: Any) -> int:
        site = sync.revoke(st.db, args.site)
        print(
            say(
                f"Đã thu hồi ghép nối với {site.unit_name}: không gửi, không nhận gói của đơn vị này nữa.",
                f"Pairing with {site.unit_name} revoked: no bundle is sent to or accepted from it any more.",
            )
        )
        return 0

    return _run(args, True, revoke)
