"""A commune's own preferences about a shared catalogue entry stay at the commune (issue 16).

Built-in group kinds and meeting kinds are one record for the whole province (docs/sync.md,
"Shared reference data"), and the upper level refuses a commune's bundle that changes one
(docs/sync.md, "Scope on import"). So a commune that switches a built-in kind off, writes its own
minutes template or adds an attribute to a shipped kind keeps that as a local overlay that never
travels; the upper level's own edits of the entry still travel down and combine with it.

Real SQLite stations from ``test_sync_support`` (an upper level "hub", communes "A" and "B"),
real bundles.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from test_catalogue_identity import old_seed, run_0009
from test_sync_support import (
    Net,
    canonical_dump,
    copy_templates,
    make_templates,
    open_net,
    pair_with_hub,
    setup_station,
    site_id,
)

from antq_desktop.papers import rosters
from antq_desktop.services import catalogue_overlay
from antq_desktop.services import groups as gr
from antq_desktop.services import meetings as mt
from antq_desktop.services import station as station_service
from antq_desktop.services.errors import UserError
from antq_desktop.storage.database import Database
from antq_desktop.storage.models import AuditEntry, GroupType, MeetingType
from antq_desktop.storage.paths import DataDir
from antq_desktop.sync import export_bundle, import_bundle
from antq_desktop.sync.scope_check import ScopeRefused


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_templates(tmp_path_factory.mktemp("overlay-templates"))


@pytest.fixture
def net(templates: dict[str, Path], tmp_path: Path) -> Iterator[Net]:
    n = open_net(copy_templates(templates, tmp_path / "net"))
    yield n
    n.close()


def send(src: Database, dst: Database, dst_id: str, path: Path):  # type: ignore[no-untyped-def]
    export_bundle(src, dst_id, path)
    return import_bundle(dst, path)


def round_trip(net: Net, tmp_path: Path, tag: str) -> None:
    """Every commune up to the hub, then the hub down to every commune."""
    hub = net.dbs["hub"]
    for name in ("A", "B"):
        send(net.dbs[name], hub, net.ids["hub"], tmp_path / f"{tag}-{name}-up.antq")
    for name in ("A", "B"):
        send(hub, net.dbs[name], net.ids[name], tmp_path / f"{tag}-{name}-down.antq")


def refusals(db: Database) -> int:
    with db.session() as s:
        return len(s.scalars(select(AuditEntry).where(AuditEntry.action == "import_refused")).all())


def group_kind(db: Database, code: str) -> gr.GroupTypeInfo:
    return next(t for t in gr.list_group_types(db, include_inactive=True) if t.code == code)


def meeting_kind(db: Database, code: str) -> mt.MeetingTypeRow:
    return next(t for t in mt.meeting_types(db, include_inactive=True) if t.code == code)


def add_extra_attribute(db: Database, code: str, key: str, label: str) -> None:
    t = group_kind(db, code)
    gr.save_group_type(
        db,
        gr.GroupTypeDraft(
            id=t.id,
            name=t.name,
            category=t.category,
            attributes=[*t.attributes, {"key": key, "label": label, "type": "int"}],
        ),
    )


def switch_meeting_kind_off(db: Database, code: str) -> None:
    t = meeting_kind(db, code)
    mt.save_meeting_type(
        db, mt.MeetingTypeDraft(id=t.id, name=t.name, minutes_template=t.minutes_template, active=False)
    )


def own_minutes_template(db: Database, code: str, text: str) -> None:
    t = meeting_kind(db, code)
    mt.save_meeting_type(
        db, mt.MeetingTypeDraft(id=t.id, name=t.name, minutes_template=text, active=t.active)
    )


def stored_rows(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """The catalogue rows as stored (what travels)."""
    dump = canonical_dump(db)
    return {k: dump[k] for k in ("group_type", "meeting_type")}


EDITS = {
    "meeting kind switched off": lambda db: switch_meeting_kind_off(db, "giao_ban"),
    "own minutes template": lambda db: own_minutes_template(db, "hop_thon", "1. Việc riêng của xã."),
    "attribute added to a shipped kind": lambda db: add_extra_attribute(
        db, "to_an_ninh_tu_quan", "cameras", "Số camera"
    ),
    "group kind switched off": lambda db: gr.set_group_type_active(
        db, group_kind(db, "tieng_chuong_canh_bao").id, False
    ),
}


# -- (b) a commune's edit of a shared entry used to make the upper level refuse its bundles -------


@pytest.mark.parametrize("edit", list(EDITS))
def test_a_communes_edit_of_a_builtin_entry_does_not_get_its_bundles_refused(
    net: Net, tmp_path: Path, edit: str
) -> None:
    a, hub = net.dbs["A"], net.dbs["hub"]
    before = stored_rows(a)
    EDITS[edit](a)
    export_bundle(a, net.ids["hub"], tmp_path / "a1.antq")
    import_bundle(hub, tmp_path / "a1.antq")  # used to be refused: "ngoài phạm vi đơn vị này được gửi"
    assert refusals(hub) == 0
    assert stored_rows(a) == before  # the shared rows are as they were: nothing of the edit travels
    send(hub, a, net.ids["A"], tmp_path / "h1.antq")
    assert refusals(a) == 0


# -- the overlay changes what the commune sees, and only there ----------------------------------


def test_a_communes_overlay_changes_what_it_sees_and_nothing_travels(net: Net, tmp_path: Path) -> None:
    a, b, hub = net.dbs["A"], net.dbs["B"], net.dbs["hub"]
    round_trip(net, tmp_path, "0")
    shared_before = {k: stored_rows(db) for k, db in net.dbs.items()}
    for edit in EDITS.values():
        edit(a)

    # A sees its own preferences…
    assert "giao_ban" not in [t.code for t in mt.meeting_types(a)]
    assert meeting_kind(a, "giao_ban").active is False
    hop_thon = meeting_kind(a, "hop_thon")
    assert (hop_thon.minutes_template, hop_thon.custom_template) == ("1. Việc riêng của xã.", True)
    assert [x.key for x in group_kind(a, "to_an_ninh_tu_quan").attributes] == ["cameras"]
    assert "tieng_chuong_canh_bao" not in [t.code for t in gr.list_group_types(a)]
    draft = mt.new_meeting(a, hop_thon.id)
    assert draft.presented == "1. Việc riêng của xã."

    # …and the shared rows are untouched everywhere after a full round: nothing was sent.
    round_trip(net, tmp_path, "1")
    assert {k: stored_rows(db) for k, db in net.dbs.items()} == shared_before
    assert refusals(hub) == refusals(a) == refusals(b) == 0
    for db in (b, hub):
        assert "giao_ban" in [t.code for t in mt.meeting_types(db)]
        assert meeting_kind(db, "hop_thon").minutes_template == mt.default_template("hop_thon")
        assert group_kind(db, "to_an_ninh_tu_quan").attributes == ()
        assert "tieng_chuong_canh_bao" in [t.code for t in gr.list_group_types(db)]

    # Back to the shared values: the overlay goes away.
    mt.save_meeting_type(
        a, mt.MeetingTypeDraft(id=hop_thon.id, name=hop_thon.name, minutes_template="", active=True)
    )
    t = meeting_kind(a, "giao_ban")
    mt.save_meeting_type(a, mt.MeetingTypeDraft(id=t.id, name=t.name, active=True))
    gr.set_group_type_active(a, group_kind(a, "tieng_chuong_canh_bao").id, True)
    assert mt.meeting_types(a) == mt.meeting_types(b)
    assert [x.to_dict() for x in gr.list_group_types(a) if x.code != "to_an_ninh_tu_quan"] == [
        x.to_dict() for x in gr.list_group_types(b) if x.code != "to_an_ninh_tu_quan"
    ]


def test_a_groups_attributes_are_checked_against_the_shared_and_the_communes_own(
    net: Net, tmp_path: Path
) -> None:
    a, hub = net.dbs["A"], net.dbs["hub"]
    add_extra_attribute(a, "to_an_ninh_tu_quan", "cameras", "Số camera")
    kind = group_kind(a, "to_an_ninh_tu_quan")
    gid = gr.save_group(
        a, gr.GroupDraft(type_id=kind.id, name="Tổ tự quản số 1", attributes={"cameras": "12"})
    )
    assert gr.get_group(a, gid).group.attributes == {"cameras": 12}
    with pytest.raises(UserError, match="số nguyên"):
        gr.save_group(
            a, gr.GroupDraft(type_id=kind.id, name="Tổ tự quản số 2", attributes={"cameras": "mười"})
        )
    group, _lines = rosters.roster_data(a, gid)  # the roster paper shows the commune's own figure
    assert ("Số camera", "12") in group.attributes
    # The group travels as A's record; the upper level shows it, its kind's shared attributes unchanged.
    send(a, hub, net.ids["hub"], tmp_path / "a1.antq")
    assert refusals(hub) == 0
    assert gr.get_group(hub, gid).group.attributes == {"cameras": 12}
    assert group_kind(hub, "to_an_ninh_tu_quan").attributes == ()
    # A commune without the overlay refuses the figure: its kind has no such attribute.
    with pytest.raises(UserError, match="không có thông tin"):
        gr.save_group(
            net.dbs["B"], gr.GroupDraft(type_id=kind.id, name="Tổ tự quản B", attributes={"cameras": 3})
        )
    # An extra attribute keeps its kind; a kind switched off at the commune takes no new group.
    with pytest.raises(UserError, match="Không đổi được kiểu"):
        gr.save_group_type(
            a,
            gr.GroupTypeDraft(
                id=kind.id,
                name=kind.name,
                category=kind.category,
                attributes=[{"key": "cameras", "label": "Số camera", "type": "text"}],
            ),
        )
    gr.set_group_type_active(a, kind.id, False)
    with pytest.raises(UserError, match="ngừng sử dụng"):
        gr.save_group(a, gr.GroupDraft(type_id=kind.id, name="Tổ tự quản số 3"))
    gr.save_group(net.dbs["B"], gr.GroupDraft(type_id=kind.id, name="Tổ tự quản B"))  # still in use there


# -- the upper level's edit travels down and combines with the overlay -------------------------


def test_the_upper_levels_edit_travels_down_and_combines_with_a_communes_overlay(
    net: Net, tmp_path: Path
) -> None:
    a, b, hub = net.dbs["A"], net.dbs["B"], net.dbs["hub"]
    add_extra_attribute(a, "to_an_ninh_tu_quan", "cameras", "Số camera")
    own_minutes_template(a, "hop_thon", "1. Việc riêng của xã.")
    switch_meeting_kind_off(a, "giao_ban")

    # The province edits the shared rows: an attribute for everyone, a template, a kind off.
    add_extra_attribute(hub, "to_an_ninh_tu_quan", "households_covered", "Số hộ tham gia")
    own_minutes_template(hub, "hop_thon", "1. Nội dung của tỉnh.")
    own_minutes_template(hub, "tuyen_truyen_phap_luat", "1. Tuyên truyền theo mẫu của tỉnh.")
    gr.set_group_type_active(hub, group_kind(hub, "dan_cu_dan_nuoi").id, False)
    kind_id, hop_thon_id = group_kind(hub, "to_an_ninh_tu_quan").id, meeting_kind(hub, "hop_thon").id
    with hub.session() as s:  # the row itself changed at the upper level; its identity did not
        row = s.get(GroupType, kind_id)
        assert row is not None and (row.code, row.source) == ("to_an_ninh_tu_quan", "builtin")
        assert [x["key"] for x in row.attributes_schema] == ["households_covered"]
        m = s.get(MeetingType, hop_thon_id)
        assert m is not None and m.minutes_template == "1. Nội dung của tỉnh."
    with pytest.raises(UserError, match="có sẵn"):
        t = meeting_kind(hub, "giao_ban")
        mt.save_meeting_type(hub, mt.MeetingTypeDraft(id=t.id, name="Giao ban tháng"))

    round_trip(net, tmp_path, "1")
    assert refusals(hub) == refusals(a) == refusals(b) == 0
    # B takes the province's catalogue as it is.
    assert [x.key for x in group_kind(b, "to_an_ninh_tu_quan").attributes] == ["households_covered"]
    assert meeting_kind(b, "hop_thon").minutes_template == "1. Nội dung của tỉnh."
    assert "dan_cu_dan_nuoi" not in [t.code for t in gr.list_group_types(b)]
    assert "giao_ban" in [t.code for t in mt.meeting_types(b)]
    # A: the province's edits, with its own preferences laid over them.
    assert [x.key for x in group_kind(a, "to_an_ninh_tu_quan").attributes] == [
        "households_covered",
        "cameras",
    ]
    assert meeting_kind(a, "hop_thon").minutes_template == "1. Việc riêng của xã."
    assert meeting_kind(a, "tuyen_truyen_phap_luat").minutes_template == "1. Tuyên truyền theo mẫu của tỉnh."
    assert "dan_cu_dan_nuoi" not in [t.code for t in gr.list_group_types(a)]
    assert "giao_ban" not in [t.code for t in mt.meeting_types(a)]
    assert stored_rows(a) == stored_rows(b) == stored_rows(hub)

    # The province later adds the commune's attribute for everyone: its definition wins, once.
    add_extra_attribute(hub, "to_an_ninh_tu_quan", "cameras", "Số mắt camera")
    round_trip(net, tmp_path, "2")
    assert [(x.key, x.label) for x in group_kind(a, "to_an_ninh_tu_quan").attributes] == [
        ("households_covered", "Số hộ tham gia"),
        ("cameras", "Số mắt camera"),
    ]
    assert refusals(hub) == refusals(a) == refusals(b) == 0


def test_kinds_the_upper_level_made_are_the_provinces_and_a_communes_own_kinds_travel(
    net: Net, tmp_path: Path
) -> None:
    a, b, hub = net.dbs["A"], net.dbs["B"], net.dbs["hub"]
    province_kind = gr.save_group_type(
        hub, gr.GroupTypeDraft(name="Mô hình “Camera giám sát của tỉnh”", category="camera")
    )
    province_meeting = mt.save_meeting_type(hub, mt.MeetingTypeDraft(name="Hội nghị sơ kết của tỉnh"))
    own_kind = gr.save_group_type(a, gr.GroupTypeDraft(name="Tổ tuần tra của xã", category="other"))
    round_trip(net, tmp_path, "1")

    # At A the province's kinds keep their shared rows: A's preferences are its overlay.
    with pytest.raises(UserError, match="chỉ được thêm thông tin"):
        gr.save_group_type(a, gr.GroupTypeDraft(id=province_kind, name="Camera của xã", category="camera"))
    with pytest.raises(UserError, match="cấp trên"):
        mt.save_meeting_type(a, mt.MeetingTypeDraft(id=province_meeting, name="Sơ kết của xã"))
    add_extra_attribute(a, gr.get_group_type(a, province_kind).code, "points", "Số điểm")
    gr.set_group_type_active(a, province_kind, False)
    mt.save_meeting_type(
        a,
        mt.MeetingTypeDraft(
            id=province_meeting, name="Hội nghị sơ kết của tỉnh", minutes_template="1. Của xã.", active=False
        ),
    )
    # A's own kind is edited in its row, and that travels.
    gr.save_group_type(
        a,
        gr.GroupTypeDraft(
            id=own_kind,
            name="Tổ tuần tra của xã",
            category="other",
            attributes=[{"key": "patrols", "label": "Số lần tuần tra", "type": "int"}],
        ),
    )
    round_trip(net, tmp_path, "2")
    assert refusals(hub) == refusals(a) == refusals(b) == 0
    assert [x.key for x in gr.get_group_type(a, province_kind).attributes] == ["points"]
    assert gr.get_group_type(a, province_kind).active is False
    for db in (hub, b):
        assert gr.get_group_type(db, province_kind).attributes == ()
        assert gr.get_group_type(db, province_kind).active is True
        seen = next(t for t in mt.meeting_types(db) if t.id == province_meeting)
        assert not seen.custom_template
    assert [x.key for x in gr.get_group_type(hub, own_kind).attributes] == ["patrols"]


def test_a_commune_changing_a_builtin_row_itself_is_still_refused(net: Net, tmp_path: Path) -> None:
    """The upper level's edits of built-in entries pass; a commune's (its database altered) do not."""
    a, hub = net.dbs["A"], net.dbs["hub"]
    hop_thon_id = meeting_kind(a, "hop_thon").id
    with a.session() as s:
        row = s.get(MeetingType, hop_thon_id)
        assert row is not None
        row.active = False
    export_bundle(a, net.ids["hub"], tmp_path / "a1.antq")
    with pytest.raises(ScopeRefused, match="Họp thôn"):
        import_bundle(hub, tmp_path / "a1.antq")
    assert meeting_kind(hub, "hop_thon").active is True


# -- a commune that changed its own copies before migration 0009 ---------------------------------


def test_changes_0009_carried_onto_the_shared_rows_become_the_communes_overlay(tmp_path: Path) -> None:
    """0009 carries what a commune changed on its old copy onto the shared row as the commune's
    change, which its upper level refuses; opening the station moves it into the overlay."""
    a_dir, hub_dir = tmp_path / "xa", tmp_path / "tinh"
    a_dir.mkdir()
    hub_dir.mkdir()
    a, hub = setup_station(a_dir / "antq.sqlite3", "A"), setup_station(hub_dir / "antq.sqlite3", "hub")
    pair_with_hub(hub, a)
    hub_id = site_id(hub)
    old_seed(a)
    with a.session() as s:
        s.scalar(select(MeetingType).where(MeetingType.code == "giao_ban")).active = False  # type: ignore[union-attr]
        t = s.scalar(select(MeetingType).where(MeetingType.code == "hop_thon"))
        t.minutes_template = "Biên bản họp thôn của xã"  # type: ignore[union-attr]
        g = s.scalar(select(GroupType).where(GroupType.code == "camera_an_ninh"))
        g.attributes_schema = [*g.attributes_schema, {"key": "ai", "label": "Số camera AI", "type": "int"}]  # type: ignore[union-attr]
    run_0009(a)
    a.dispose()
    station = station_service.open_station(DataDir(a_dir))
    try:
        a = station.db
        assert meeting_kind(a, "giao_ban").active is False
        assert meeting_kind(a, "hop_thon").minutes_template == "Biên bản họp thôn của xã"
        assert [x.key for x in group_kind(a, "camera_an_ninh").attributes] == [
            "cameras",
            "households_covered",
            "ai",
        ]
        export_bundle(a, hub_id, tmp_path / "a1.antq")
        import_bundle(hub, tmp_path / "a1.antq")  # accepted: the shared rows are as shipped again
        assert refusals(hub) == 0
        assert stored_rows(a) == stored_rows(hub)
        assert meeting_kind(hub, "giao_ban").active is True
        with a.session() as s:  # done once: the rows are as shipped now
            assert catalogue_overlay.adopt_row_changes(s) == 0
            assert catalogue_overlay.get(s, "meeting_type", meeting_kind(hub, "giao_ban").id).active is False
    finally:
        station.close()
        hub.dispose()
