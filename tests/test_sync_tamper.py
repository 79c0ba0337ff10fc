"""A real bundle, altered every way a USB stick or a person could: every copy refused, the database untouched.

Every byte of the clear header and of the sender's signature is flipped, as are the last bytes and
300 random ones; the refusal comes from the signature check, before anything is decrypted.

Also: the bytes of a bundle carry none of the names or ID numbers inside it.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from sqlalchemy import select
from test_sync_support import checkpoint, copy_templates, file_digest, make_templates, open_net

from antq_desktop.domain.text import fold
from antq_desktop.services.errors import UserError
from antq_desktop.storage.models import Household, Person, Village
from antq_desktop.sync import export_bundle, import_bytes
from antq_desktop.sync.crypto import BODY_OFFSET, HEADER_SIZE

PEOPLE = [
    ("Nguyễn Văn Ánh", "004089001234"),
    ("Hoàng Thị Đào", "004190005678"),
    ("Nông Văn Dền", "004075009012"),
    ("Lục Thị Ngọc", "004301003456"),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, bytes]:
    """(hub database file, commune database file, bundle bytes) with the people above inside."""
    folder = tmp_path_factory.mktemp("tamper")
    paths = copy_templates(make_templates(folder / "t"), folder / "w")
    net = open_net(paths)
    a = net.dbs["A"]
    with a.session() as s:
        v = s.scalars(select(Village)).first()
        assert v is not None
        for i, (name, number) in enumerate(PEOPLE):
            h = Household(
                village_id=v.id, head_name=name, address=f"Thôn Một, nhà {i}", phone=f"09123456{i:02d}"
            )
            s.add(h)
            s.flush()
            s.add(Person(household_id=h.id, full_name=name, id_number=number, phone=f"09123456{i:02d}"))
    export_bundle(a, net.ids["hub"], folder / "a.antq")
    net.close()
    for p in paths.values():
        checkpoint(p)
    return paths["hub"], paths["A"], (folder / "a.antq").read_bytes()


def test_the_intact_bundle_is_accepted(bundle: tuple[Path, Path, bytes], tmp_path: Path) -> None:
    """The control: the same bytes, unaltered, import (on a copy of the upper level)."""
    import shutil

    from antq_desktop.storage.database import Database

    hub_path, _, data = bundle
    copy = tmp_path / "hub.sqlite3"
    shutil.copyfile(hub_path, copy)
    db = Database(f"sqlite:///{copy}")
    try:
        report = import_bytes(db, data)
        assert report.tables["person"].new == len(PEOPLE)
    finally:
        db.dispose()


def test_every_altered_truncated_or_extended_copy_is_refused_and_nothing_changes(
    bundle: tuple[Path, Path, bytes],
) -> None:
    from antq_desktop.storage.database import Database

    hub_path, _, data = bundle
    before = file_digest(hub_path)
    rng = random.Random(7)
    positions = sorted(
        set(range(BODY_OFFSET + 1))
        | set(range(len(data) - 40, len(data)))
        | {rng.randrange(len(data)) for _ in range(300)}
    )
    variants: list[tuple[str, bytes]] = []
    for pos in positions:
        flipped = bytearray(data)
        flipped[pos] ^= 1 << rng.randrange(8)
        variants.append((f"flip@{pos}", bytes(flipped)))
    for cut in sorted(
        {0, 1, 7, 8, 9, HEADER_SIZE, HEADER_SIZE + 15, BODY_OFFSET, BODY_OFFSET + 15}
        | {len(data) // 2, len(data) - 17, len(data) - 1}
    ):
        variants.append((f"truncate@{cut}", data[:cut]))
    for extra in (b"\x00", b"X" * 100, data[:64]):
        variants.append((f"append+{len(extra)}", data + extra))
    db = Database(f"sqlite:///{hub_path}")
    started = time.perf_counter()
    try:
        for label, variant in variants:
            with pytest.raises(UserError) as caught:
                import_bytes(db, variant)
            message = caught.value.vi
            assert message.endswith(".") and "\n" not in message, (label, message)
    finally:
        db.dispose()
    elapsed = time.perf_counter() - started
    checkpoint(hub_path)
    assert file_digest(hub_path) == before, "a refused bundle must leave the database byte for byte"
    print(
        f"\ntamper: {len(variants)} variants ({len(positions)} flipped positions) refused in {elapsed:.2f} s"
    )


def test_bundle_bytes_carry_no_names_or_id_numbers(bundle: tuple[Path, Path, bytes]) -> None:
    _, _, data = bundle
    needles = []
    for name, number in PEOPLE:
        needles += [name.encode("utf-8"), fold(name).encode("ascii"), number.encode("ascii")]
        needles.append(number[-7:].encode("ascii"))  # 7+ bytes: no chance match in random bytes
        needles.append(name.encode("utf-16-le"))
    needles += [b"Th\xc3\xb4n M\xe1\xbb\x99t", b"0912345600"]
    found = [n for n in needles if n in data]
    assert found == []
