"""An award decision written to a file: the decision from ``services.awards``, drawn by
``documents.decisions``."""

from __future__ import annotations

import os

from ..documents.decisions import DecisionPaper, render_decision
from ..services import awards as aw
from ..storage.database import Database
from .letterhead import letterhead


def write_decision(db: Database, decision_id: str, path: str | os.PathLike[str]) -> int:
    """The decision of the database, with its annex; returns the page count."""
    detail = aw.decision_for_paper(db, decision_id)
    paper = DecisionPaper(letterhead(db), detail.decision, detail.status, detail.recipients)
    return render_decision(paper, path)
