"""Wire the services' rules into storage's write path, once, at start.

Storage must not import the services, so the rules that live in the services reach storage through
small registries and session events. Nothing fills them as a side effect of an import; this one
function does, and it is called once by each entry point — ``app.main`` (the program), ``cli.main``
(the ``antq`` command) and ``tests/conftest.py``. Calling it again changes nothing.

What it wires:

* the write guard of :mod:`.accounts` — a read-only or signed-out account writes nothing
  (``storage.actors``);
* the audit anchor of :mod:`.audit_anchors` — the signed head file written after each commit
  (``storage.audit_log``);
* the locked-data refusal of :mod:`.encryption` as a :class:`~.errors.UserError`
  (``storage.column_crypto``);
* the ``before_flush`` checks of :mod:`.hub_guard` (the hub does not edit a commune's records) and
  :mod:`.period_lock` (an approved period's figures stay as approved), in that order.

Another entry point (a script, a benchmark) that writes through the services calls :func:`wire`
first, or those rules do not hold for it.
"""

from __future__ import annotations

from sqlalchemy import event

from ..storage import actors, audit_log, column_crypto
from ..storage.stamping import AntqSession
from . import accounts, audit_anchors, encryption, hub_guard, period_lock

__all__ = ["is_wired", "wire"]

# The session checks, in the order they run (the hub's refusal first, as before).
FLUSH_CHECKS = (hub_guard.before_flush, period_lock.before_flush)


def wire() -> None:
    """Put the services' rules into storage's write path (idempotent)."""
    actors.register_write_guard(accounts.refuse_read_only)
    audit_log.register_anchor_preparer(audit_anchors.prepare)
    column_crypto.register_locked_error(encryption.locked_user_error)
    for check in FLUSH_CHECKS:
        if not event.contains(AntqSession, "before_flush", check):
            event.listen(AntqSession, "before_flush", check)


def is_wired() -> bool:
    """Whether :func:`wire` has run in this process."""
    return all(event.contains(AntqSession, "before_flush", check) for check in FLUSH_CHECKS)
