"""Provinces and communes after the 2025 reform, and the station set-up that uses them."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from antq_desktop.domain import admin_units
from antq_desktop.services import station as station_service
from antq_desktop.services.errors import UserError
from antq_desktop.services.station import SetupRequest, Station
from antq_desktop.storage.paths import DataDir

MakeRequest = Callable[..., SetupRequest]


def test_thirty_four_provinces_and_3321_communes() -> None:
    provinces = admin_units.provinces()
    communes = admin_units.all_communes()
    assert len(provinces) == 34
    assert len(communes) == 3321
    assert len({p.code for p in provinces}) == 34
    assert len({c.code for c in communes}) == 3321
    assert all(len(p.code) == 2 and p.code.isdigit() for p in provinces)
    assert all(len(c.code) == 5 and c.code.isdigit() for c in communes)
    province_codes = {p.code for p in provinces}
    assert {c.province_code for c in communes} == province_codes
    assert sum(len(admin_units.communes(p.code)) for p in provinces) == 3321
    assert {c.division_type for c in communes} == {"xã", "phường", "đặc khu"}


def test_the_shipped_file_matches_the_published_counts() -> None:
    """The 2025 list as published: 34 provinces (28 tỉnh, 6 thành phố), 3,321 units split into
    2,621 xã, 687 phường and 13 đặc khu; every name starts with its kind."""
    import json
    from collections import Counter

    data = json.loads(admin_units.data_path().read_text(encoding="utf-8"))
    assert data["code_list"] == admin_units.CODE_LIST
    assert Counter(kind for _c, _n, kind in data["provinces"]) == {"tỉnh": 28, "thành phố trung ương": 6}
    kinds = Counter(c.division_type for c in admin_units.all_communes())
    assert kinds == {"xã": 2621, "phường": 687, "đặc khu": 13}
    assert data["counts"] == {"provinces": 34, "units": 3321, "xã": 2621, "phường": 687, "đặc khu": 13}
    prefix = {"xã": "Xã ", "phường": "Phường ", "đặc khu": "Đặc khu "}
    assert all(c.name.startswith(prefix[c.division_type]) for c in admin_units.all_communes())
    assert all(unicodedata.is_normalized("NFC", c.name) for c in admin_units.all_communes())
    # Known units of each kind, with their QĐ 19/2025 codes.
    assert admin_units.commune("00004").name == "Phường Ba Đình"
    assert admin_units.commune("01304").name == "Xã Quảng Lâm"
    assert {c.name for c in admin_units.all_communes() if c.division_type == "đặc khu"} >= {
        "Đặc khu Phú Quốc",
        "Đặc khu Côn Đảo",
    }


def test_the_build_script_rebuilds_the_shipped_file_from_its_own_rows(tmp_path) -> None:
    """packaging/make_admin_units.py, fed the shipped rows in its input shape, writes the same file."""
    import importlib.util
    import json

    spec = importlib.util.spec_from_file_location(
        "make_admin_units", Path(__file__).resolve().parent.parent / "packaging" / "make_admin_units.py"
    )
    assert spec and spec.loader
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    data = json.loads(admin_units.data_path().read_text(encoding="utf-8"))
    source = [
        {
            "code": int(code),
            "name": name,
            "division_type": kind,
            "wards": [
                {"code": int(u[0]), "name": u[1], "division_type": u[2]}
                for u in data["units"]
                if u[3] == code
            ],
        }
        for code, name, kind in data["provinces"]
    ]
    out = tmp_path / "units.json"
    tool.write(tool.build(source), out)
    assert out.read_text(encoding="utf-8") == admin_units.data_path().read_text(encoding="utf-8")
    source[0]["wards"].pop()
    with pytest.raises(ValueError, match="published"):
        tool.build(source)


def test_the_old_to_new_conversion_matches_the_published_counts() -> None:
    """10,035 communes before 1 July 2025; each became one or more 2025 units (471 were divided);
    every 2025 unit came from old communes, except the five special zones that were island districts
    without communes."""
    import json

    data = json.loads(
        admin_units.data_path().with_name(admin_units.CONVERSION_FILE).read_text(encoding="utf-8")
    )
    assert data["counts"] == {
        "old_communes": 10035,
        "divided": 471,
        "districts_without_communes": 5,
        "new_units": 3321,
    }
    olds = [admin_units.old_commune(r[0]) for r in data["rows"]]
    assert len({o.code for o in olds}) == 10035
    reached = {c.code for o in olds for c in admin_units.successors(o.code)}
    islands = {d[2] for d in data["districts"]}
    assert {admin_units.commune(c).division_type for c in islands} == {"đặc khu"}
    assert reached | islands == {c.code for c in admin_units.all_communes()}
    assert all(o.new_code in o.new_codes for o in olds)
    assert sum(len(o.new_codes) > 1 for o in olds) == 471


def test_successors_of_old_communes() -> None:
    assert [c.name for c in admin_units.successors("00004")] == ["Phường Ba Đình"]  # Trúc Bạch
    assert [c.name for c in admin_units.successors("01304")] == ["Xã Quảng Lâm"]  # Thạch Lâm, Bảo Lâm
    divided = admin_units.successors("00070")  # Hàng Trống: mostly Hoàn Kiếm, part to Cửa Nam
    assert [c.name for c in divided] == ["Phường Hoàn Kiếm", "Phường Cửa Nam"]
    old = admin_units.old_commune("1304")
    assert old is not None and (old.name, old.district, old.province_code) == (
        "Xã Thạch Lâm",
        "Huyện Bảo Lâm",
        "04",
    )
    assert admin_units.successors("99999") == () and admin_units.old_commune("99999") is None


def test_no_third_party_unit_package_is_imported() -> None:
    import subprocess
    import sys

    code = "import sys; from antq_desktop.domain import admin_units as a; a.all_communes(); "
    code += "print([m for m in sys.modules if m.startswith('vietnam_provinces')])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_lookup_by_code() -> None:
    hanoi, cao_bang = admin_units.province("01"), admin_units.province("04")
    assert hanoi is not None and hanoi.name == "Thành phố Hà Nội"
    assert cao_bang is not None and cao_bang.short_name == "Cao Bằng"
    assert admin_units.province("4") == admin_units.province("04")
    commune = admin_units.commune("01304")
    assert commune is not None
    assert (commune.name, commune.province_code, commune.division_type) == ("Xã Quảng Lâm", "04", "xã")
    assert admin_units.province("99") is None
    assert admin_units.commune("99999") is None


def test_search_without_diacritics() -> None:
    found = admin_units.search(admin_units.communes("04"), "quang lam")
    assert [c.name for c in found] == ["Xã Quảng Lâm"]
    assert [p.name for p in admin_units.search(admin_units.provinces(), "ha noi")] == ["Thành phố Hà Nội"]
    assert [p.name for p in admin_units.search(admin_units.provinces(), "cao bang")] == ["Cao Bằng"]
    # Typing with diacritics, in capitals, or decomposed finds the same.
    for typed in ("Quảng Lâm", "QUANG LAM", unicodedata.normalize("NFD", "quảng lâm")):
        assert [c.name for c in admin_units.search(admin_units.communes("04"), typed)] == ["Xã Quảng Lâm"]


def test_search_is_limited_to_the_given_province() -> None:
    everywhere = admin_units.search(tuple(admin_units.all_communes()), "quang")
    in_cao_bang = admin_units.search(admin_units.communes("04"), "quang")
    assert len(everywhere) > len(in_cao_bang) >= 1
    assert all(c.province_code == "04" for c in in_cao_bang)


def test_communes_are_listed_in_alphabetical_order_of_their_folded_names() -> None:
    from antq_desktop.domain.text import fold

    names = [fold(c.short_name) for c in admin_units.communes("04")]
    assert names == sorted(names)


@pytest.mark.parametrize(
    ("province", "upper"),
    [("04", "Công an tỉnh Cao Bằng"), ("01", "Công an thành phố Hà Nội")],
)
def test_default_upper_level(province: str, upper: str) -> None:
    p = admin_units.province(province)
    assert p is not None
    assert station_service.default_upper_level(p) == upper


def test_default_unit_name() -> None:
    commune = admin_units.commune("01304")
    assert commune is not None
    assert station_service.default_unit_name(commune) == "Công an xã Quảng Lâm"


# -- set-up validation ------------------------------------------------------------------------


def test_a_valid_request_passes(setup_request: MakeRequest) -> None:
    province, commune = station_service.validate(setup_request())
    assert province.code == "04" and commune.code == "01304"


INVALID = {
    "bad province": {"province_code": "99"},
    "commune of another province": {"province_code": "01"},
    "empty unit name": {"unit_name": "   "},
    "short password": {"admin_password": "12345"},
    "user name with a space": {"admin_username": "ad min"},
    "user name too short": {"admin_username": "ad"},
    "user name with diacritics": {"admin_username": "trưởng"},
    "duplicate villages": {"villages": ["Thôn Nà Mạ", "Bản Pác Bó", "Thôn Nà Mạ"]},
    "duplicate villages, other case": {"villages": ["Thôn Nà Mạ", "thôn nà mạ"]},
    "duplicate villages, decomposed": {
        "villages": ["Thôn Nà Mạ", unicodedata.normalize("NFD", "Thôn Nà Mạ")]
    },
    "duplicate villages, extra spaces": {"villages": ["Bản Pác Bó", "  Bản Pác Bó "]},
}


def _is_vietnamese(text: str) -> bool:
    return any(ch in text for ch in "ăâđêôơưĂÂĐÊÔƠƯ") or any(
        unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", text)
    )


@pytest.mark.parametrize("change", list(INVALID.values()), ids=list(INVALID))
def test_invalid_setup_is_refused_with_a_vietnamese_message(
    data_dir: DataDir, setup_request: MakeRequest, change: dict[str, object]
) -> None:
    req = setup_request(**change)
    with pytest.raises(UserError) as err:
        station_service.validate(req)
    vi, en = err.value.message("vi"), err.value.message("en")
    assert _is_vietnamese(vi), vi
    assert vi != en
    assert "\n" not in vi and "Traceback" not in vi

    # And initialise, which validates first, writes nothing.
    st = station_service.open_station(data_dir)
    try:
        with pytest.raises(UserError):
            station_service.initialise(st.db, req)
        assert station_service.is_set_up(st.db) is False
    finally:
        st.close()


def test_bad_province_message_names_the_code(setup_request: MakeRequest) -> None:
    with pytest.raises(UserError) as err:
        station_service.validate(setup_request(province_code="99"))
    assert "'99'" in err.value.message("vi")
    assert "34" in err.value.message("vi")


def test_commune_of_another_province_message_names_both(setup_request: MakeRequest) -> None:
    with pytest.raises(UserError) as err:
        station_service.validate(setup_request(province_code="01"))
    assert "01304" in err.value.vi and "Hà Nội" in err.value.vi


def test_villages_are_created_in_order_with_their_kind(station: Station) -> None:
    from sqlalchemy import select

    from antq_desktop.storage.models import Village

    with station.db.session() as s:
        names = list(s.scalars(select(Village.name).order_by(Village.sort_order)))
    assert names == ["Thôn Nà Mạ", "Bản Pác Bó", "Xóm Đông Đình"]
    with station.db.session() as s:
        kinds = dict(s.execute(select(Village.name, Village.kind)).all())
    assert kinds == {"Thôn Nà Mạ": "thôn", "Bản Pác Bó": "bản", "Xóm Đông Đình": "xóm"}


def test_empty_village_lines_are_ignored(data_dir: DataDir, setup_request: MakeRequest) -> None:
    from sqlalchemy import select

    from antq_desktop.storage.models import Village

    st = station_service.open_station(data_dir)
    try:
        station_service.initialise(st.db, setup_request(villages=["Thôn Nà Mạ", "", "   ", " Bản Pác Bó "]))
        with st.db.session() as s:
            names = list(s.scalars(select(Village.name).order_by(Village.sort_order)))
            codes = list(s.scalars(select(Village.code).order_by(Village.sort_order)))
    finally:
        st.close()
    assert names == ["Thôn Nà Mạ", "Bản Pác Bó"]
    assert codes == ["01", "02"]


def test_setting_up_twice_is_refused(station: Station, setup_request: MakeRequest) -> None:
    site = station_service.self_site_id(station.db)
    with pytest.raises(UserError) as err:
        station_service.initialise(station.db, setup_request(unit_name="Công an xã khác"))
    assert _is_vietnamese(err.value.vi)
    assert station_service.self_site_id(station.db) == site
    assert station_service.unit_summary(station.db)["unit_name"] == "Công an xã Quảng Lâm"


def test_unit_summary_of_a_hub(data_dir: DataDir, setup_request: MakeRequest) -> None:
    st = station_service.open_station(data_dir)
    try:
        station_service.initialise(
            st.db,
            setup_request(
                province_code="01",
                commune_code=admin_units.communes("01")[0].code,
                unit_name="Công an thành phố Hà Nội",
                role="hub",
                villages=[],
            ),
        )
        summary = station_service.unit_summary(st.db)
    finally:
        st.close()
    assert summary["role"] == "hub"
    # The province's upper level: no commune (a commune code given through the services is ignored)
    # and no upper level of its own (docs/sync.md, "The hub").
    assert (summary["commune"], summary["commune_code"], summary["upper_level"]) == ("", "", "")
    assert summary["unit_name"] == "Công an thành phố Hà Nội"
    assert summary["province"] == "Thành phố Hà Nội"
    assert summary["villages"] == 0
