"""Bundles between sites: pairing, format, crypto, export, import, merge (docs/sync.md).

* :mod:`.crypto` — the station's X25519 key and the sealed envelope;
* :mod:`.cards` — site cards, fingerprints, pairing, revocation;
* :mod:`.rows` — which tables travel, row format, each peer's scope;
* :mod:`.bundle` — writing a bundle (temp, fsync, rename, read back) and opening one;
* :mod:`.merge` — dry run and the one-transaction, per-field merge;
* :mod:`.scope_check` — every incoming row checked against what its sender may write;
* :mod:`.conflicts` — the conflict list, keep / restore, closed on both sides;
* :mod:`.labels` — records named as a person knows them (a household by head and village).

Status and :func:`~antq_desktop.services.sync_status.start_new_incarnation`
live in ``services.sync_status`` so code below this layer can call them.
"""

from ..services.sync_status import peer_status, start_new_incarnation
from .bundle import ExportResult, export_bundle
from .cards import SiteCard, export_card, own_card, pair, read_card, revoke
from .conflicts import list_conflicts, resolve
from .import_summary import ImportReport
from .merge import import_bundle, import_bytes

__all__ = [
    "ExportResult",
    "ImportReport",
    "SiteCard",
    "export_bundle",
    "export_card",
    "import_bundle",
    "import_bytes",
    "list_conflicts",
    "own_card",
    "pair",
    "peer_status",
    "read_card",
    "resolve",
    "revoke",
    "start_new_incarnation",
]
