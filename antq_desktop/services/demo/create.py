"""Set up an empty database as a demo commune and fill it, in one transaction."""

from __future__ import annotations

from datetime import date

from ...storage.database import Database
from .. import station as station_service
from ..demo_names import DEMO_COMMUNE, demo_place
from ..errors import UserError
from .builder import DemoBuilder
from .common import DEFAULT_HOUSEHOLDS, DEFAULT_SEED, DEMO_ADMIN, DEMO_PASSWORD, DemoSummary, Progress


def create_demo_station(
    db: Database,
    households: int = DEFAULT_HOUSEHOLDS,
    seed: int = DEFAULT_SEED,
    admin: str = DEMO_ADMIN,
    password: str = DEMO_PASSWORD,
    progress: Progress | None = None,
    today: date | None = None,
    commune_code: str = DEMO_COMMUNE,
) -> DemoSummary:
    """Set up an empty database as a demo commune (Quảng Lâm unless ``commune_code`` says) and fill it.

    Quảng Lâm draws from ``seed`` itself (the data it always had); another commune from
    ``"<code>:<seed>"``, so two demo communes made with one seed share no record id.
    """
    if households < 1 or households > 500_000:
        raise UserError(
            "Số hộ của dữ liệu mẫu phải từ 1 đến 500.000.", "Demo households must be between 1 and 500,000."
        )
    if station_service.is_set_up(db):
        raise UserError(
            "Dữ liệu mẫu chỉ tạo được trong thư mục dữ liệu trống: hãy dùng --data-dir với một thư mục mới.",
            "Demo data goes only into an empty data folder: use --data-dir with a new folder.",
        )
    from ...domain import admin_units

    commune = admin_units.commune(commune_code)
    if commune is None:
        raise UserError(
            f"Không có xã, phường mã {commune_code!r} trong danh mục (QĐ 19/2025): hãy nhập mã 5 chữ số, ví dụ 01304.",
            f"There is no commune coded {commune_code!r} (QĐ 19/2025): give its 5-digit code, e.g. 01304.",
        )
    place = demo_place(commune.province_code, commune.code, commune.division_type, seed)
    # Setup and data in one transaction: a cancel, an error or a power cut leaves
    # an empty data folder, never a set-up station with half a demo in it.
    with db.session() as s:
        station_service.initialise_in(
            s,
            station_service.SetupRequest(
                province_code=commune.province_code,
                commune_code=commune.code,
                unit_name=station_service.default_unit_name(commune),
                admin_username=admin,
                admin_password=password,
                admin_full_name="Quản trị (dữ liệu mẫu)",
                villages=[name for name, _ in place.villages],
                demo=True,  # its documented password (docs/security.md): a demo holds no real people
            ),
        )
        s.flush()
        stream: int | str = seed if commune.code == DEMO_COMMUNE else f"{commune.code}:{seed}"
        summary = DemoBuilder(db, stream, today or date.today(), place).build(s, households, progress)
        summary.extra.update(
            commune=commune.name,
            commune_code=commune.code,
            unit_name=station_service.default_unit_name(commune),
        )
        return summary
