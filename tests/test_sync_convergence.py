"""Convergence: random histories over an upper level and two communes always end with identical data.

A hypothesis state machine drives three real SQLite stations (upper level
"hub", communes "A" and "B"): creates, edits and deletes of records each
station owns and of records they share (award decisions and catalogue entries
the upper level sends down; the upper level does not edit a commune's records:
services/hub_guard.py), bundle
exchanges with random loss, duplication and reordering, restores from older
backups (with the new incarnation the restore code starts), and clocks set
days or a year apart, restores of the upper level itself, and commune recoveries
(a commune loses everything it holds and gets it back from the upper level's full
re-send). After a final round of exchanges every commune holds exactly what the
upper level holds of it (canonical dump of every travelling column but the local
change number) — or, when the upper level restored a backup a commune has not yet
heard of, the upper level's import said so (``resend_requested``) and one more round
makes them equal.

Every run draws a new random seed and prints it; ``ANTQ_CONVERGENCE_SEED=N`` replays
that run (hypothesis prints the shrunk failing steps too). Histories that once failed
are kept below as explicit tests. ``ANTQ_SYNC_EXAMPLES`` (default 200) sets the number
of histories.
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, seed, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import select
from test_sync_support import COMMUNES, canonical_dump, db_url, make_templates, site_id

from antq_desktop.services.errors import UserError
from antq_desktop.services.sync_status import start_new_incarnation
from antq_desktop.storage import hlc
from antq_desktop.storage.backup import backup_to
from antq_desktop.storage.database import Database
from antq_desktop.storage.models import AwardDecision, Household, MeetingType, Village
from antq_desktop.sync import export_bundle, import_bundle

EXAMPLES = int(os.environ.get("ANTQ_SYNC_EXAMPLES", "200"))
SEED_ENV = "ANTQ_CONVERGENCE_SEED"
STATIONS = ("hub", "A", "B")
COMMUNE_NAMES = ("A", "B")
ROUTES = (("A", "hub"), ("hub", "A"), ("B", "hub"), ("hub", "B"))
VALUES = ("một", "hai", "ba", "bốn")
SKEWS_MS = (0, -86_400_000, 3 * 86_400_000, -365 * 86_400_000)

_TEMPLATES: dict[str, Path] = {}
# Histories are many and each commits often: a RAM-backed folder where there is one (fsync is then
# cheap); the code under test is the same, only the disk is faster.
_SCRATCH = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
_STATS: dict[str, Any] = {
    "examples": 0,
    "steps": 0,
    "bundles": 0,
    "imports": 0,
    "random_imports": 0,
    "lost": 0,
    "restores": 0,
    "hub_restores": 0,
    "recoveries": 0,
    "resend_rounds": 0,
    "seconds": 0.0,
}


def templates() -> dict[str, Path]:
    if not _TEMPLATES:
        _TEMPLATES.update(make_templates(Path(tempfile.mkdtemp(prefix="antq-conv-t-", dir=_SCRATCH))))
    return _TEMPLATES


# One Database (engine) per station for the whole run, as the program has one per process: each
# history copies fresh files under it. A new engine per history would recompile every statement
# (the compiled-statement cache lives in the engine) and triple the run time.
_NET: dict[str, Any] = {}


def fresh_network() -> tuple[dict[str, Path], dict[str, Database]]:
    if not _NET:
        folder = Path(tempfile.mkdtemp(prefix="antq-conv-db-", dir=_SCRATCH))
        _NET["paths"] = {name: folder / p.name for name, p in templates().items()}
        _NET["dbs"] = {name: Database(db_url(p)) for name, p in _NET["paths"].items()}
    for name, path in _NET["paths"].items():
        _NET["dbs"][name].dispose()
        replace_file(templates()[name], path)
    return _NET["paths"], _NET["dbs"]


def replace_file(source: Path, path: Path) -> None:
    """Put ``source`` in place of a (closed) database file, without the old one's WAL."""
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    shutil.copyfile(source, path)


_real_wall_ms = hlc.wall_ms
_skew = {"now": 0}


def _skewed_wall_ms() -> int:
    return _real_wall_ms() + _skew["now"]


class SyncNetwork(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.started = time.perf_counter()
        self.folder = Path(tempfile.mkdtemp(prefix="antq-conv-", dir=_SCRATCH))
        self.paths, self.dbs = fresh_network()
        self.ids = {name: site_id(db) for name, db in self.dbs.items()}
        self.skews = dict.fromkeys(STATIONS, 0)
        self.backups: dict[str, Path] = {}
        # Bundles written but not yet delivered, per recipient: the "USB sticks" in transit.
        self.pending: dict[str, list[Path]] = {name: [] for name in STATIONS}
        self.counter = 0
        self.final = False
        # Imports whose report said the sender had not yet heard of this station's restore.
        self.resend_flags = 0
        self.hub_restored = False
        hlc.wall_ms = _skewed_wall_ms
        _STATS["examples"] += 1

    # -- helpers ---------------------------------------------------------------------------

    def at(self, name: str) -> Database:
        _skew["now"] = self.skews[name]
        return self.dbs[name]

    def rows(self, name: str, model: type) -> list[str]:
        with self.at(name).session() as s:
            return list(s.scalars(select(model.id).order_by(model.id)))

    def exchange(self, src: str, dst: str) -> None:
        self.counter += 1
        path = self.folder / f"{self.counter:04d}-{src}-{dst}.antq"
        export_bundle(self.at(src), self.ids[dst], path)
        _STATS["bundles"] += 1
        self.pending[dst].append(path)

    def deliver(self, dst: str, index: int, keep: bool) -> None:
        queue = self.pending[dst]
        path = queue[index % len(queue)]
        if not keep:
            queue.remove(path)
        try:
            report = import_bundle(self.at(dst), path)
        except UserError as refused:
            # A commune that has not yet heard of the upper level's restore may send a row whose
            # parent (a village the restore lost) it counts as acknowledged: the import refuses the
            # whole bundle, writes nothing and says what heals it — the upper level's next bundle,
            # then this commune's. The final round's extra round is exactly that.
            if not (self.final and self.hub_restored and "thiếu bản ghi liên quan" in refused.vi):
                raise
            self.resend_flags += 1
            _STATS["imports"] += 1
            return
        if report.resend_requested:
            self.resend_flags += 1
            assert report.resend_warning
        _STATS["imports"] += 1
        if not self.final:
            _STATS["random_imports"] += 1

    # -- rules -----------------------------------------------------------------------------

    @rule(name=st.sampled_from(COMMUNE_NAMES), value=st.sampled_from(VALUES))
    def commune_creates_household(self, name: str, value: str) -> None:
        with self.at(name).session() as s:
            village = s.scalars(select(Village).order_by(Village.code)).first()
            assert village is not None
            s.add(Household(village_id=village.id, head_name=f"Hộ {value}", address=value))

    @rule(commune=st.sampled_from(COMMUNE_NAMES), value=st.sampled_from(VALUES))
    def hub_creates_decision(self, commune: str, value: str) -> None:
        with self.at("hub").session() as s:
            s.add(AwardDecision(number=value, symbol="QĐ", commune_code=COMMUNES[commune][0], occasion=value))

    @rule(value=st.sampled_from(VALUES))
    def hub_creates_catalogue_entry(self, value: str) -> None:
        with self.at("hub").session() as s:
            s.add(MeetingType(code=f"t-{value}", name=value, source="province"))

    @rule(
        name=st.sampled_from(STATIONS),
        model=st.sampled_from((Household, AwardDecision, MeetingType)),
        pick=st.integers(0, 1000),
        value=st.sampled_from(VALUES),
        field_no=st.integers(0, 1),
    )
    def edit(self, name: str, model: type, pick: int, value: str, field_no: int) -> None:
        if name == "hub" and model is Household:
            return  # read-only at the upper level (services/hub_guard.py)
        ids = self.rows(name, model)
        if model is MeetingType:
            with self.at(name).session() as s:
                ids = list(
                    s.scalars(
                        select(MeetingType.id).where(MeetingType.source != "builtin").order_by(MeetingType.id)
                    )
                )
        if not ids:
            return
        fields = {
            Household: ("head_name", "phone"),
            AwardDecision: ("occasion", "status"),
            MeetingType: ("name", "minutes_template"),
        }
        with self.at(name).session() as s:
            obj = s.get(model, ids[pick % len(ids)])
            setattr(obj, fields[model][field_no], value)

    @rule(
        name=st.sampled_from(STATIONS),
        model=st.sampled_from((Household, AwardDecision)),
        pick=st.integers(0, 1000),
        undelete=st.booleans(),
    )
    def delete_or_restore(self, name: str, model: type, pick: int, undelete: bool) -> None:
        if name == "hub" and model is Household:
            return  # read-only at the upper level (services/hub_guard.py)
        ids = self.rows(name, model)
        if not ids:
            return
        with self.at(name).session() as s:
            obj = s.get(model, ids[pick % len(ids)])
            if undelete:
                obj.restore()
            else:
                obj.mark_deleted()

    @rule(route=st.sampled_from(ROUTES))
    def send(self, route: tuple[str, str]) -> None:
        self.exchange(*route)

    @rule(route=st.sampled_from(ROUTES), pick=st.integers(0, 100), keep=st.booleans())
    def send_then_deliver_one(self, route: tuple[str, str], pick: int, keep: bool) -> None:
        """Exchanges are the point of the test: a rule that both writes and delivers makes them common."""
        self.exchange(*route)
        self.deliver(route[1], pick, keep)

    @precondition(lambda self: any(self.pending.values()))
    @rule(data=st.data(), keep=st.booleans())
    def receive(self, data: Any, keep: bool) -> None:
        """Deliver any pending bundle (reordering); ``keep`` leaves a copy to arrive again (duplication)."""
        dst = data.draw(st.sampled_from([n for n in STATIONS if self.pending[n]]))
        self.deliver(dst, data.draw(st.integers(0, 100)), keep)

    @precondition(lambda self: any(self.pending.values()))
    @rule(data=st.data())
    def lose(self, data: Any) -> None:
        dst = data.draw(st.sampled_from([n for n in STATIONS if self.pending[n]]))
        self.pending[dst].pop(data.draw(st.integers(0, 100)) % len(self.pending[dst]))
        _STATS["lost"] += 1

    @rule(name=st.sampled_from(STATIONS))
    def back_up(self, name: str) -> None:
        target = self.folder / f"backup-{name}.sqlite3"
        target.unlink(missing_ok=True)
        backup_to(self.at(name), target)
        self.backups[name] = target

    def _restore(self, name: str, source: Path) -> None:
        """What ``services.backups.restore`` does to the file: the copy, then a new incarnation."""
        self.dbs[name].dispose()
        replace_file(source, self.paths[name])
        start_new_incarnation(self.at(name))
        self.hub_restored = self.hub_restored or name == "hub"
        _STATS["restores"] += 1

    @precondition(lambda self: bool(self.backups))
    @rule(data=st.data())
    def restore_older_backup(self, data: Any) -> None:
        name = data.draw(st.sampled_from(sorted(self.backups)))
        self._restore(name, self.backups[name])
        if name == "hub":
            _STATS["hub_restores"] += 1

    @precondition(lambda self: "hub" in self.backups)
    @rule()
    def hub_restores_older_backup(self) -> None:
        """The upper level's own restore (the move that found the "left short" bug), made common."""
        self._restore("hub", self.backups["hub"])
        _STATS["hub_restores"] += 1

    @rule(name=st.sampled_from(COMMUNE_NAMES), full=st.booleans())
    def commune_recovers_from_hub(self, name: str, full: bool) -> None:
        """A commune loses every record (its set-up state comes back) and the upper level sends it
        everything: a full export, or — ``full`` False — the ordinary next bundle, which its new
        incarnation turns into a re-send."""
        self._restore(name, templates()[name])
        _STATS["recoveries"] += 1
        self.counter += 1
        path = self.folder / f"{self.counter:04d}-hub-{name}-full.antq"
        export_bundle(self.at("hub"), self.ids[name], path, full=full)
        _STATS["bundles"] += 1
        self.pending[name].append(path)
        self.deliver(name, -1, keep=False)

    @rule(name=st.sampled_from(STATIONS), skew=st.sampled_from(SKEWS_MS))
    def set_clock(self, name: str, skew: int) -> None:
        self.skews[name] = skew

    # -- the end: final rounds, then compare ------------------------------------------------

    @invariant()
    def count_steps(self) -> None:
        _STATS["steps"] += 1

    def final_round(self) -> None:
        """The upper level collects from every commune, then answers each."""
        for src, dst in (*((c, "hub") for c in COMMUNE_NAMES), *(("hub", c) for c in COMMUNE_NAMES)):
            self.exchange(src, dst)
            self.deliver(dst, -1, keep=False)

    def differences(self) -> list[str]:
        hub = self.dbs["hub"]
        out = []
        for c in COMMUNE_NAMES:
            mine = canonical_dump(self.at(c))
            theirs = canonical_dump(hub, scope_for=self.ids[c])
            out += [f"{c} and the upper level differ in {t}" for t in mine if mine[t] != theirs[t]]
        return out

    def teardown(self) -> None:
        self.final = True
        try:
            # One final round. Whatever a commune lacks must be in the upper level's answer — a
            # wrong acknowledgement or a forgotten restore shows up here as a difference. The one
            # thing a round cannot heal is a restore of the upper level the communes have not yet
            # heard of (they built their bundles on an acknowledgement of what it lost): its import
            # must then have said so, and the round its answer starts makes them equal.
            self.resend_flags = 0
            self.final_round()
            differ = self.differences()
            if self.resend_flags:
                _STATS["resend_rounds"] += 1
                self.final_round()
                differ = self.differences()
            assert not differ, differ
        finally:
            for db in self.dbs.values():
                db.dispose()  # the engine (and its statement cache) stays for the next history
            hlc.wall_ms = _real_wall_ms
            shutil.rmtree(self.folder, ignore_errors=True)
            _STATS["seconds"] += time.perf_counter() - self.started
            if _STATS["examples"] % 500 == 0:  # long runs (docs/reliability.md) show they are alive
                print(f"  … {_STATS['examples']} histories, {_STATS['seconds']:.0f} s", flush=True)


def _seed() -> int:
    value = os.environ.get(SEED_ENV, "").strip()
    return int(value) if value else random.SystemRandom().randrange(2**32)


@pytest.mark.slow
def test_convergence_with_a_new_seed_every_run() -> None:
    """``EXAMPLES`` random histories from a seed drawn now (printed: replay it with the env var)."""
    value = _seed()
    print(f"\nconvergence seed: {value} (replay: {SEED_ENV}={value})")
    try:
        run_state_machine_as_test(
            seed(value)(SyncNetwork),
            settings=settings(
                max_examples=EXAMPLES,
                stateful_step_count=16,
                deadline=None,
                suppress_health_check=list(HealthCheck),
                database=None,
                print_blob=False,
            ),
        )
    except BaseException:
        print(f"convergence FAILED with seed {value}: rerun with {SEED_ENV}={value}")
        raise


# -- histories that once failed, kept as explicit cases -------------------------------------------


def test_hub_restored_from_an_older_backup_says_so_and_is_whole_after_its_answer() -> None:
    """Found with fresh seeds (issue 16): the upper level backs up, a commune's rows reach it and
    are acknowledged, the upper level restores the older backup. The commune's next bundle skips
    those rows (acknowledged), so one round left the upper level short with no warning. Now that
    import says so, and the next round makes them equal."""
    net = SyncNetwork()
    try:
        net.back_up("hub")
        net.commune_creates_household("A", "một")
        net.send_then_deliver_one(("A", "hub"), 0, False)
        net.send_then_deliver_one(("hub", "A"), 0, False)
        net.restore_older_backup(_Draws(["hub"]))
        net.exchange("A", "hub")
        report = import_bundle(net.at("hub"), net.pending["hub"].pop())
        assert report.resend_requested and "khôi phục" in report.resend_warning
        assert net.differences()  # short, but it said so
        net.exchange("hub", "A")
        net.deliver("A", -1, keep=False)
        net.final_round()
        assert net.differences() == []
    finally:
        net.teardown()


def test_a_commune_recovered_from_the_hub_gets_every_record_back() -> None:
    net = SyncNetwork()
    try:
        net.commune_creates_household("A", "một")
        net.commune_creates_household("A", "hai")
        net.hub_creates_decision("A", "ba")
        net.send_then_deliver_one(("A", "hub"), 0, False)
        net.send_then_deliver_one(("hub", "A"), 0, False)
        before = canonical_dump(net.at("A"))
        net.commune_recovers_from_hub("A", True)
        assert canonical_dump(net.at("A")) == before
    finally:
        net.teardown()


class _Draws:
    """Stands for hypothesis' ``data`` in an explicit history: returns the given values in order."""

    def __init__(self, values: list[Any]) -> None:
        self.values = list(values)

    def draw(self, _strategy: Any) -> Any:
        return self.values.pop(0)


@pytest.fixture(autouse=True, scope="module")
def _report() -> Any:
    yield
    if _STATS["examples"]:
        print(
            f"\nconvergence: {_STATS['examples']} histories, {_STATS['steps']} steps, "
            f"{_STATS['bundles']} bundles written, {_STATS['imports']} imported "
            f"({_STATS['random_imports']} during the histories, {_STATS['lost']} lost), "
            f"{_STATS['restores']} restores ({_STATS['hub_restores']} of the upper level), "
            f"{_STATS['recoveries']} commune recoveries, {_STATS['resend_rounds']} histories needed the "
            f"announced extra round, {_STATS['seconds']:.1f} s"
        )


def test_hub_restored_after_acknowledging_a_village_then_a_household_of_it_arrives() -> None:
    """Seed 1503042014 (a run of this session): the upper level backs up, a commune's villages reach
    it and are acknowledged, the commune adds a household, the upper level restores the older backup.
    The commune's next bundle carries the household but not its village (acknowledged): the upper
    level refuses it whole, in one sentence saying to send its own bundle first and import the
    commune's next; that round (the teardown's announced extra round) makes them equal."""
    net = SyncNetwork()
    try:
        net.back_up("hub")
        net.send_then_deliver_one(("A", "hub"), 0, False)
        net.commune_creates_household("A", "một")
        net.send_then_deliver_one(("hub", "A"), 0, False)
        net.hub_restores_older_backup()
    finally:
        net.teardown()
