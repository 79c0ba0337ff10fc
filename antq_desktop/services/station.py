"""Opening a station's data, and setting a station up for the first time."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from ..domain import admin_units
from ..domain.text import nfc
from ..domain.villages import guess_kind
from ..storage import column_crypto
from ..storage.base import new_id
from ..storage.database import Database, DatabaseError, self_check
from ..storage.migrate import upgrade
from ..storage.models import Commune, Site, SyncClock, Village
from ..storage.paths import DataDir
from . import accounts, catalogue_overlay, catalogues, encryption, passwords, report_folder, settings
from .errors import UserError


@dataclass
class Station:
    """An opened data directory: its database, ready to use."""

    data_dir: DataDir
    db: Database
    notes: list[str] = field(default_factory=list)

    def close(self) -> None:
        self.db.dispose()


def open_station(data_dir: DataDir) -> Station:
    """Open (creating if needed) the database, check its discipline, bring the schema up to date."""
    try:
        data_dir.ensure()
    except OSError as exc:
        raise UserError(
            f"Không tạo được thư mục dữ liệu {data_dir.root}: hãy chọn thư mục khác bằng --data-dir.",
            f"Cannot create the data folder {data_dir.root}: choose another one with --data-dir.",
        ) from exc
    db = Database(data_dir.database_url())
    try:
        upgrade(db, backup_dir=data_dir.backups)
        check = self_check(db)
    except (OperationalError, DatabaseError) as exc:
        db.dispose()
        raise UserError(
            f"Không mở được cơ sở dữ liệu ({_first_line(exc)}): hãy kiểm tra thư mục dữ liệu hoặc khôi phục bản sao lưu.",
            f"Cannot open the database ({_first_line(exc)}): check the data folder or restore a backup.",
        ) from exc
    if not check.ok:
        db.dispose()
        raise UserError(
            f"Cơ sở dữ liệu không an toàn để ghi: {check.problems[0]}",
            f"The database is not safe to write: {check.problems[0]}",
        )
    with db.session() as s:  # a commune's changes of shared rows (from migration 0009) become its overlay
        catalogue_overlay.adopt_row_changes(s)
    report_folder.use_data_folder(data_dir.root)  # a province's own report templates: <data dir>/reports
    return Station(data_dir, db, check.notes)


def _first_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def self_site_id(db: Database) -> str | None:
    with db.session() as s:
        return s.scalar(select(SyncClock.site_id).where(SyncClock.id == 1))


def is_set_up(db: Database) -> bool:
    return self_site_id(db) is not None


@dataclass
class SetupRequest:
    """What the setup asks. A hub (``role="hub"``) is the province's upper level: it belongs to no
    commune, so ``commune_code`` and ``villages`` are not used for it (they are ignored)."""

    province_code: str
    commune_code: str
    unit_name: str
    admin_username: str
    admin_password: str
    villages: list[str] = field(default_factory=list)
    upper_level_name: str = ""
    upper_level_kind: str = "Công an tỉnh"
    admin_full_name: str = ""
    role: str = "commune"  # commune | hub
    # Safe by default: the wizard and ``antq init`` always give one (encryption.make_recovery_code),
    # so the sensitive columns are sealed from the start (a SQLite station; a PostgreSQL hub ignores
    # it).  Empty: encryption stays off (the demo, and the tests' own stations).
    recovery_code: str = ""
    # The demo station keeps its documented password (admin / antq-demo): it holds no real people.
    demo: bool = False


_USERNAME = re.compile(r"^[A-Za-z0-9._-]{3,64}$")
MIN_PASSWORD = passwords.MIN_PASSWORD  # the one rule (passwords.py)
DEMO_MIN_PASSWORD = 6  # the demo's documented "antq-demo" and what the demo wizard accepted before


def default_unit_name(commune: admin_units.Commune) -> str:
    return f"Công an {commune.name[:1].lower()}{commune.name[1:]}"


def default_upper_level(province: admin_units.Province) -> str:
    """ "Công an tỉnh Cao Bằng", "Công an thành phố Hà Nội"."""
    if province.name.startswith("Thành phố "):
        return f"Công an thành phố {province.short_name}"
    return f"Công an tỉnh {province.short_name}"


def validate(req: SetupRequest) -> tuple[admin_units.Province, admin_units.Commune | None]:
    """The request's province and commune (``None`` for a hub), or the first problem as a UserError."""
    if req.role not in ("commune", "hub"):
        raise UserError(
            f"Vai trò {req.role!r} không hợp lệ: chọn Công an xã hoặc cấp trên.",
            f"Unknown role {req.role!r}: choose commune or upper level.",
        )
    province = admin_units.province(req.province_code)
    if province is None:
        raise UserError(
            f"Mã tỉnh/thành phố {req.province_code!r} không có trong danh mục 34 tỉnh, thành phố (QĐ 19/2025).",
            f"Province code {req.province_code!r} is not among the 34 provinces (QĐ 19/2025).",
        )
    commune = None
    if req.role == "commune":
        commune = admin_units.commune(req.commune_code)
        if commune is None or commune.province_code != province.code:
            raise UserError(
                f"Mã xã/phường {req.commune_code!r} không thuộc {province.name}.",
                f"Commune code {req.commune_code!r} is not in {province.name}.",
            )
    if not req.unit_name.strip():
        raise UserError('Hãy nhập tên đơn vị, ví dụ "Công an xã Thạch Lâm".', "Enter the unit name.")
    if not _USERNAME.match(req.admin_username or ""):
        raise UserError(
            "Tên đăng nhập cần 3–64 ký tự không dấu (chữ, số, dấu chấm, gạch).",
            "The user name needs 3–64 plain letters, digits, dots or dashes.",
        )
    if req.demo and len(req.admin_password or "") < DEMO_MIN_PASSWORD:
        raise UserError(
            f"Mật khẩu cần ít nhất {DEMO_MIN_PASSWORD} ký tự.",
            f"The password needs at least {DEMO_MIN_PASSWORD} characters.",
        )
    if not req.demo:
        passwords.check_password(req.admin_password)
    names = [v.strip() for v in req.villages if v.strip()]
    if len({nfc(n).casefold() for n in names}) != len(names):
        raise UserError("Có hai thôn, tổ trùng tên: hãy sửa lại.", "Two villages have the same name.")
    return province, commune


def initialise(db: Database, req: SetupRequest, now: datetime | None = None) -> str:
    """Set the station up: its identity, commune, villages, upper level, catalogues and administrator.

    Returns the new site id.  Refuses a database that is already set up.
    """
    try:
        with db.session() as s:
            return initialise_in(s, req, now)
    except BaseException:
        if req.recovery_code:  # the data key made for the failed setup is forgotten with it
            column_crypto.set_state(db, False)
        raise


def initialise_in(s: Session, req: SetupRequest, now: datetime | None = None) -> str:
    """:func:`initialise` inside the caller's transaction (the demo sets up and fills in one)."""
    province, commune = validate(req)
    if s.scalar(select(SyncClock.site_id).where(SyncClock.id == 1)) is not None:
        raise UserError(
            "Cơ sở dữ liệu này đã được thiết lập; hãy dùng thư mục dữ liệu khác.",
            "This database is already set up; use another data folder.",
        )
    now = now or datetime.now()
    site_id = new_id()
    s.add(SyncClock(id=1, site_id=site_id, incarnation=1, hlc="", seq=0))
    s.flush()
    if commune is None:  # the upper level: the province's hub, no commune, no villages, no upper level
        s.add(
            Site(
                id=site_id,
                is_self=True,
                role="hub",
                unit_kind=req.upper_level_kind,
                unit_name=req.unit_name.strip(),
                unit_code=province.code,
                province_code=province.code,
                commune_code="",
            )
        )
    else:
        s.add(
            Site(
                id=site_id,
                is_self=True,
                role="commune",
                unit_kind="Công an xã",
                unit_name=req.unit_name.strip(),
                unit_code=commune.code,
                province_code=province.code,
                commune_code=commune.code,
            )
        )
        s.add(
            Site(
                id=new_id(),
                role="hub",
                unit_kind=req.upper_level_kind,
                unit_name=(req.upper_level_name or default_upper_level(province)).strip(),
                province_code=province.code,
                is_upper_level=True,
            )
        )
        c = Commune(
            code=commune.code,
            name=commune.name,
            division_type=commune.division_type,
            province_code=province.code,
            province_name=province.name,
            code_list=admin_units.CODE_LIST,
        )
        s.add(c)
        s.flush()
        for i, name in enumerate(v.strip() for v in req.villages if v.strip()):
            s.add(
                Village(commune_id=c.id, name=name, kind=guess_kind(name), code=f"{i + 1:02d}", sort_order=i)
            )
    catalogues.seed(s)
    admin = accounts.add_user(
        s, req.admin_username, req.admin_password, role="admin", full_name=req.admin_full_name
    )
    s.flush()
    if req.recovery_code and s.get_bind().dialect.name == "sqlite":  # safe by default (docs/security.md)
        encryption.enable_at_setup(s, admin.id, req.admin_password, req.recovery_code, now)
    else:  # no column encryption: the private keys are sealed by a data key of their own from the start
        encryption.create_seal_ring_in(s, admin.id, req.admin_password)
    settings.put(s, "setup_completed_at", now.isoformat(timespec="seconds"))
    return site_id


def unit_summary(db: Database) -> dict[str, str | int]:
    """What the status bar and reports show of this station.

    A hub has no commune of its own: its ``commune`` is empty and its province comes from its own
    site row (the communes' rows it imported are theirs, never its identity).
    """
    with db.session() as s:
        me = s.scalar(select(Site).where(Site.is_self.is_(True)))
        if me is not None and me.role == "hub":
            province = admin_units.province(me.province_code)
            return {
                "unit_name": me.unit_name,
                "site_id": me.id,
                "role": me.role,
                "commune": "",
                "commune_code": "",
                "province": province.name if province else "",
                "province_code": me.province_code,
                "upper_level": "",
                "villages": 0,
            }
        upper = s.scalar(select(Site).where(Site.is_upper_level.is_(True)))
        commune = s.scalar(select(Commune).where(Commune.deleted.is_(False)).limit(1))
        villages = s.scalar(select(func.count()).select_from(Village).where(Village.deleted.is_(False)))
    return {
        "unit_name": me.unit_name if me else "",
        "site_id": me.id if me else "",
        "role": me.role if me else "",
        "commune": commune.name if commune else "",
        "commune_code": commune.code if commune else "",
        "province": commune.province_name if commune else "",
        "province_code": commune.province_code if commune else "",
        "upper_level": upper.unit_name if upper else "",
        "villages": int(villages or 0),
    }
