"""``antq keys …``: replace this station's signing key, revoke a lost commune station's keys.

Registered by ``cli/dispatch.py`` (:func:`add_parser`, :func:`cmd_keys`); the rule is in docs/security.md and
the work in :mod:`antq_desktop.sync.key_rotation`.  Exit 0 ok, 1 with one sentence.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from .sync import _run
from .text import say


def add_parser(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """``antq keys rotate | revoke`` under ``sub``."""
    keys = sub.add_parser("keys", help="khóa ký của đơn vị: đổi khóa, thu hồi khóa của trạm xã bị mất")
    ksub = keys.add_subparsers(dest="keys_command", required=True, parser_class=parser_class)
    rot = ksub.add_parser(
        "rotate",
        help="tạo khóa ký và khóa mã hóa mới; các đơn vị đã ghép nối nhận khóa mới qua gói dữ liệu kế tiếp",
    )
    rot.add_argument("--json", action="store_true", help="in dạng JSON")
    rev = ksub.add_parser(
        "revoke",
        help="ở cấp trên: thu hồi khóa của một trạm xã (mất máy, lộ khóa); gói và giấy khen ký sau đó bị từ chối",
    )
    rev.add_argument("--station", required=True, help="trạm xã: mã trạm, mã xã hoặc tên đơn vị")
    rev.add_argument("--reason", required=True, help="lý do thu hồi (ghi vào nhật ký và gửi xuống các xã)")
    rev.add_argument("--json", action="store_true", help="in dạng JSON")


def cmd_keys(args: argparse.Namespace) -> int:
    from ..sync import key_rotation

    if args.keys_command == "rotate":

        def rotate(st: Any) -> int:
            r = key_rotation.rotate(st.db)
            if args.json:
                print(json.dumps({**r.__dict__, "peers": list(r.peers)}, ensure_ascii=False))
            else:
                print(
                    say(
                        f"Đã tạo khóa ký mới {r.new_key_id} (khóa cũ {r.old_key_id} vẫn dùng để kiểm tra giấy "
                        f"khen cũ) và khóa mã hóa mới {r.new_encryption_key_id} (gói đang gửi tới theo khóa "
                        "cũ vẫn mở được).",
                        f"Made the new signing key {r.new_key_id} (the old {r.old_key_id} still checks old "
                        f"certificates) and the new encryption key {r.new_encryption_key_id} (bundles on their "
                        "way to the old one still open).",
                    )
                )
                if r.peers:
                    names = ", ".join(r.peers)
                    print(
                        say(
                            f"Hãy xuất gói dữ liệu cho {names}: gói kế tiếp mang khóa mới.",
                            f"Export a bundle for {names}: the next bundle carries the new keys.",
                        )
                    )
            return 0

        return _run(args, True, rotate)

    def revoke(st: Any) -> int:
        site = key_rotation.revoke_station(st.db, args.station, args.reason)
        if args.json:
            print(
                json.dumps(
                    {"site_id": site.id, "unit_name": site.unit_name, "revoked_at": str(site.revoked_at)},
                    ensure_ascii=False,
                )
            )
        else:
            print(
                f"Đã thu hồi khóa của {site.unit_name}: gói của trạm này bị từ chối, giấy khen ký sau hôm nay "
                "không có giá trị; các xã nhận tin qua gói dữ liệu kế tiếp."
            )
        return 0

    return _run(args, True, revoke)
