"""A power cut during an import: a process applying a large bundle is SIGKILLed at random moments.

Every time, the upper level's database must pass ``PRAGMA integrity_check`` and
hold either the whole bundle or none of it (one transaction).
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select
from test_sync_support import checkpoint, copy_templates, make_templates, open_net

from antq_desktop.storage.backup import integrity_check
from antq_desktop.storage.models import Household, Person, Village
from antq_desktop.storage.stamping import row_search_key, stamp_rows
from antq_desktop.sync import export_bundle

HOUSEHOLDS = 1200
PERSONS_EACH = 3
KILLS = int(os.environ.get("ANTQ_SYNC_KILLS", "25"))

# A server that imports the program once and runs each import in a forked child: "<url>\t<bundle>" in,
# "start <pid>" when the child has signed in and begins the import, "exit <code>" when it ended.
IMPORTER = """
import os, sys
sys.path.insert(0, sys.argv[1])  # tests/: the tests' Argon2 cost
import argon2_cost
from antq_desktop.storage.database import Database
from antq_desktop.services.setup import wire
from antq_desktop.services import accounts
from antq_desktop.sync import import_bundle
wire()  # as the program does at start
argon2_cost.apply()
for line in sys.stdin:
    url, bundle = line.rstrip("\\n").split("\\t")
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            db = Database(url)
            accounts.sign_in(db, "admin", "secret-1234")  # opens the sealed keys (docs/security.md)
            print("start", os.getpid(), flush=True)
            import_bundle(db, bundle)
            print("done", flush=True)
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    print("exit", os.waitstatus_to_exitcode(status), flush=True)
"""


def _fill(db: object, households: int) -> None:
    """A large commune, written the way the demo generator writes (bulk, stamped)."""
    from sqlalchemy import insert

    with db.session() as s:  # type: ignore[attr-defined]
        village = s.scalars(select(Village)).first()
        conn = s.connection()
        hh = [
            {"village_id": village.id, "head_name": f"Chủ hộ {i}", "address": f"Số {i}", "code": f"H{i:05d}"}
            for i in range(households)
        ]
        for row in hh:
            row.update(phone="", poverty_status="", notes="", head_person_id=None)
            row["search_key"] = row_search_key(Household, row)
        stamp_rows(conn, hh)
        conn.execute(insert(Household.__table__), hh)
        people = []
        for h in hh:
            for j in range(PERSONS_EACH):
                row = {
                    "household_id": h["id"],
                    "full_name": f"Người {h['code']}-{j}",
                    "id_number": f"0040{h['code'][1:]}{j:03d}",
                }
                for col in Person.__table__.columns:
                    if col.name not in row and col.default is not None and col.default.is_scalar:
                        row[col.name] = col.default.arg
                row.setdefault("birth_date", None)
                row.setdefault("birth_year", None)
                row.setdefault("residence_since", None)
                row["search_key"] = row_search_key(Person, row)
                people.append(row)
        stamp_rows(conn, people)
        conn.execute(insert(Person.__table__), people)


@pytest.fixture(scope="module")
def big_bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("crash")
    paths = copy_templates(make_templates(folder / "t"), folder / "w")
    net = open_net(paths)
    _fill(net.dbs["A"], HOUSEHOLDS)
    export_bundle(net.dbs["A"], net.ids["hub"], folder / "big.antq")
    net.close()
    checkpoint(paths["hub"])
    return paths["hub"], folder / "big.antq"


def _households(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT count(*) FROM household").fetchone()[0])
    finally:
        con.close()


class _Importer:
    """The importing processes: children of one server (IMPORTER), each killed or left to finish."""

    def __init__(self, folder: Path) -> None:
        self.errors = folder / "importer.err"
        self.proc = subprocess.Popen(
            [sys.executable, "-c", IMPORTER, str(Path(__file__).resolve().parent)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors.open("w"),
            text=True,
        )

    def run(self, db_path: Path, bundle: Path, kill_after: float | None = None) -> tuple[int, float]:
        """One import into ``db_path``; SIGKILL ``kill_after`` seconds after it began. (exit code, seconds)"""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(f"sqlite:///{db_path}\t{bundle}\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        assert line.startswith("start "), (line, self.errors.read_text())
        started = time.perf_counter()
        if kill_after is not None:
            time.sleep(kill_after)
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(line.split()[1]), signal.SIGKILL)
        while not (line := self.proc.stdout.readline()).startswith("exit "):
            assert line, self.errors.read_text()
        return int(line.split()[1]), time.perf_counter() - started

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


@pytest.mark.slow
def test_an_import_killed_at_any_moment_leaves_all_or_nothing(
    big_bundle: tuple[Path, Path], tmp_path: Path
) -> None:
    template, bundle = big_bundle
    importer = _Importer(tmp_path)
    # One undisturbed run says how long an import takes, from its first step to its end.
    work = tmp_path / "hub.sqlite3"
    shutil.copyfile(template, work)
    code, full = importer.run(work, bundle)
    assert code == 0, importer.errors.read_text()
    assert _households(work) == HOUSEHOLDS

    seed = random.SystemRandom().randrange(2**32)
    print(f"\ncrash: kill moments from seed {seed}")
    rng = random.Random(seed)
    outcomes = {"none": 0, "all": 0}
    for _ in range(KILLS):
        for suffix in ("", "-wal", "-shm"):
            Path(str(work) + suffix).unlink(missing_ok=True)
        shutil.copyfile(template, work)
        code, _ = importer.run(work, bundle, kill_after=rng.uniform(0, full * 1.1))
        assert code in (0, -signal.SIGKILL), importer.errors.read_text()
        assert integrity_check(work) == []
        n = _households(work)
        assert n in (0, HOUSEHOLDS), f"half an import: {n} households (seed {seed})"
        outcomes["none" if n == 0 else "all"] += 1
    importer.close()
    print(
        f"crash: {KILLS} kills over a {full:.2f} s import of {HOUSEHOLDS * (1 + PERSONS_EACH)} rows: {outcomes}"
    )
    assert outcomes["none"] > 0, "no kill landed before the commit: the test proved nothing"


# -- a power cut during a restore (issue 16) ------------------------------------------------------


def _incarnation(path: Path) -> int:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(con.execute("SELECT incarnation FROM sync_clock WHERE id = 1").fetchone()[0])
    finally:
        con.close()


def _addresses(path: Path) -> set[str]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in con.execute("SELECT address FROM household")}
    finally:
        con.close()


def _station_with_a_backup(station: object, tmp_path: Path) -> tuple[Path, Path, int, int]:
    from antq_desktop.services import backups
    from antq_desktop.services import households as hh

    village = hh.villages(station.db)[0][0]  # type: ignore[attr-defined]
    hh.save_household(station.db, hh.HouseholdDraft(village_id=village, address="trước"))  # type: ignore[attr-defined]
    saved = backups.backup(station, tmp_path / "saved.sqlite3")  # type: ignore[arg-type]
    hh.save_household(station.db, hh.HouseholdDraft(village_id=village, address="sau"))  # type: ignore[attr-defined]
    data_dir = station.data_dir  # type: ignore[attr-defined]
    station.close()  # type: ignore[attr-defined]
    return data_dir.root, data_dir.database, _incarnation(data_dir.database), _incarnation(saved)


@pytest.mark.parametrize("point", ["restore-swap", "restore-staged"])
def test_a_restore_killed_at_the_swap_never_opens_under_the_old_identity(
    station: object, tmp_path: Path, run_cli: object, point: str
) -> None:
    """SIGKILL exactly after the file swap (``restore-swap``) or just before it (``restore-staged``):
    the data that opens is either the restored backup with a NEW incarnation, or the old data as it
    was — never the backup's rows under the incarnation a peer already knows."""
    from antq_desktop.services import station as station_service
    from antq_desktop.storage.paths import DataDir

    root, database, current_inc, backup_inc = _station_with_a_backup(station, tmp_path)
    saved = tmp_path / "saved.sqlite3"
    proc = run_cli("--data-dir", root, "restore", saved, "--yes", env={"ANTQ_TEST_KILL_AT": point})  # type: ignore[operator]
    assert proc.returncode == -signal.SIGKILL, (proc.returncode, proc.stderr)
    assert integrity_check(database) == []
    reopened = station_service.open_station(DataDir(root))
    reopened.close()
    inc = _incarnation(database)
    if point == "restore-swap":
        assert _addresses(database) == {"trước"}, "the restored data is in place"
        assert inc not in (current_inc, backup_inc), "restored data under an old sync identity"
    else:
        assert _addresses(database) == {"trước", "sau"} and inc == current_inc, "the old data, untouched"
        proc = run_cli("--data-dir", root, "restore", saved, "--yes")  # type: ignore[operator]
        assert proc.returncode == 0, proc.stderr
        assert _addresses(database) == {"trước"} and _incarnation(database) not in (current_inc, backup_inc)
    assert not list(database.parent.glob("*.restoring")) or point == "restore-staged"


def test_data_put_back_under_its_old_identity_is_repaired_at_the_next_import(tmp_path: Path) -> None:
    """The old crash window's leftover (or a database file copied back by hand): the upper level
    acknowledges more than the commune holds. The commune's import notices, takes a new
    incarnation and says so; the next round gives it back what it lost."""
    from test_sync_support import canonical_dump

    from antq_desktop.sync import import_bundle

    paths = copy_templates(make_templates(tmp_path / "t", ("A",)), tmp_path / "w")
    old_a = tmp_path / "old-a.sqlite3"
    shutil.copyfile(paths["A"], old_a)
    net = open_net(paths)
    a, hub = net.dbs["A"], net.dbs["hub"]
    try:
        with a.session() as s:
            village = s.scalars(select(Village)).first()
            s.add(Household(village_id=village.id, head_name="Hộ mất", address="mất"))
        export_bundle(a, net.ids["hub"], tmp_path / "1.antq")
        import_bundle(hub, tmp_path / "1.antq")
        export_bundle(hub, net.ids["A"], tmp_path / "2.antq")
        import_bundle(a, tmp_path / "2.antq")
        old_inc = _incarnation(paths["A"])
        a.dispose()
        for suffix in ("-wal", "-shm"):
            Path(str(paths["A"]) + suffix).unlink(missing_ok=True)
        shutil.copyfile(old_a, paths["A"])  # back in time, same incarnation
        export_bundle(hub, net.ids["A"], tmp_path / "3.antq")
        report = import_bundle(a, tmp_path / "3.antq")
        assert report.identity_renewed and report.resend_requested and report.resend_warning
        assert _incarnation(paths["A"]) != old_inc
        for n, (src, dst) in enumerate((("A", "hub"), ("hub", "A")), start=4):
            export_bundle(net.dbs[src], net.ids[dst], tmp_path / f"{n}.antq")
            import_bundle(net.dbs[dst], tmp_path / f"{n}.antq")
        assert canonical_dump(a) == canonical_dump(hub, scope_for=net.ids["A"])
        assert _addresses(paths["A"]) == {"mất"}
    finally:
        net.close()
