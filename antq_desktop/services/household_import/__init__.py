"""Import household lists from Excel, as communes really keep them.

Three steps, so the UI can show what it understood and let the officer fix it:

1. :func:`analyse` opens the file safely and finds, per sheet, the header row
   (below title rows and merged cells), which column holds which field
   (:data:`FIELDS`, matched on folded text in their common spellings), and
   the village the sheet may stand for.
2. :func:`plan` reads every row with that mapping (corrected by the officer
   if needed), groups persons into households (a household-number column, STT
   only on the head's row, or the relation "Chủ hộ"), matches them against the
   register (persons by ID number, households by code, by the head's ID number,
   or by village + head name + address) and reports every bad row with its
   sheet, row and reason. Nothing is written.
3. :func:`apply` writes the plan in ONE transaction: all or nothing. It
   refuses a plan with errors unless told to skip the bad rows; a cancel rolls
   everything back.

Reading is defensive: ``read_only`` + ``data_only`` + no external links, no
macro files, and a picture renamed ``.xlsx``, a truncated copy or an empty
workbook each give one sentence (:class:`UserError`), never a traceback.
openpyxl parses the XML through ``defusedxml`` (a dependency) when installed.
"""

from __future__ import annotations

from ..validation import ValidationReport
from .analysis import SheetAnalysis, WorkbookAnalysis, analyse
from .applying import apply, import_file
from .cancel import Cancel, Cancelled, Progress
from .cell_words import COMMITMENT_LABELS, parse_commitment
from .columns import FIELDS, FieldInfo, column_index, column_letter, match_header
from .opening import _READ_ERRORS, HEADER_SCAN_ROWS, MAX_UNZIPPED, DefusedXmlException, _broken
from .plan_model import HouseholdPlan, ImportPlan, PersonPlan
from .planning import plan
from .writer import CHUNK, ImportResult

__all__ = [
    "CHUNK",
    "COMMITMENT_LABELS",
    "Cancel",
    "Cancelled",
    "DefusedXmlException",
    "FIELDS",
    "FieldInfo",
    "HEADER_SCAN_ROWS",
    "HouseholdPlan",
    "ImportPlan",
    "ImportResult",
    "MAX_UNZIPPED",
    "PersonPlan",
    "Progress",
    "SheetAnalysis",
    "ValidationReport",
    "WorkbookAnalysis",
    "_READ_ERRORS",
    "_broken",
    "analyse",
    "apply",
    "column_index",
    "column_letter",
    "import_file",
    "match_header",
    "parse_commitment",
    "plan",
]
