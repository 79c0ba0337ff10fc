"""``antq-desktop --self-test``: prove that an installed (or frozen) program works, end to end.

It runs where an officer's copy runs — from source, from a wheel or from the
PyInstaller folder — and touches every part a build can lose: Qt and its
platform plugin, the shipped fonts and translations, the administrative-unit
data, Alembic's migrations (loaded by path), Argon2, the station key
(cryptography), reportlab with its QR barcodes, QtPdf/QtPdfWidgets and
QtPrintSupport.

Everything happens in a temporary data folder that is removed afterwards; the
officer's own data folder is never opened. Output is plain text for a build
log (not translated): one ``self-test ok`` line and exit 0, or one
``self-test FAILED`` line naming the step and exit 1.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import traceback
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

DEFAULT_HOUSEHOLDS = 50

MakeApp = Callable[[Sequence[str], Any, "str | None"], Any]
"""``app.create_application(argv, settings, lang)``: the very start-up path the program uses."""


class SelfTestError(Exception):
    """A check that did not hold; the message is the one line printed."""


def _check(condition: object, message: str) -> None:
    if not condition:
        raise SelfTestError(message)


def _say(line: str) -> None:
    # A windowed Windows build has no stdout (sys.stdout is None): the exit code still tells.
    stream = sys.stdout
    if stream is not None:
        stream.write(line + "\n")
        stream.flush()


class _Run:
    def __init__(self, make_app: MakeApp, households: int, lang: str | None, verbose: bool) -> None:
        self.make_app = make_app
        self.households = households
        self.lang = lang
        self.verbose = verbose
        self.facts: list[str] = []
        self.times: list[tuple[str, float]] = []
        self.root = Path(tempfile.mkdtemp(prefix="antq-selftest-"))
        self.station: Any = None
        self.app: Any = None
        self.window: Any = None
        self.pdf = self.root / "giay-khen.pdf"

    # -- steps ---------------------------------------------------------------------------------

    def qt(self) -> None:
        from PySide6.QtCore import QSettings
        from PySide6.QtGui import QFontDatabase

        from ..storage.paths import DataDir

        self.data_dir = DataDir(self.root / "data")
        self.data_dir.ensure()
        self.settings = QSettings(str(self.data_dir.settings_file), QSettings.Format.IniFormat)
        self.app = self.make_app(sys.argv[:1], self.settings, self.lang)
        families = set(QFontDatabase.families())
        for family in ("Liberation Sans", "Liberation Serif"):
            _check(family in families, f"the shipped font {family} is not registered")
        self.facts.append(f"platform {self.app.platformName()}")

    def translations(self) -> None:
        from PySide6.QtCore import QTranslator

        from ..assets import translations_dir

        qm = translations_dir() / "antq_vi.qm"
        translator = QTranslator()
        _check(translator.load(str(qm)) and not translator.isEmpty(), f"cannot load translations {qm}")

    def admin_units(self) -> None:
        from ..domain import admin_units

        provinces, communes = len(admin_units.provinces()), len(admin_units.all_communes())
        _check(
            provinces == 34 and communes == 3321, f"admin units: {provinces} provinces, {communes} communes"
        )

    def database(self) -> None:
        from ..services import accounts, demo
        from ..services import station as station_service
        from ..storage import migrate

        self.station = station_service.open_station(self.data_dir)  # Alembic upgrade from empty
        rev = migrate.current_revision(self.station.db)
        _check(rev == migrate.HEAD_REVISION, f"schema at {rev}, expected {migrate.HEAD_REVISION}")
        summary = demo.create_demo_station(self.station.db, households=self.households)
        _check(summary.households == self.households, "demo commune incomplete")
        from sqlalchemy import select

        from ..storage.models import User

        with self.station.db.session() as s:
            stored = s.scalar(select(User.password_hash).where(User.username == demo.DEMO_ADMIN))
        _check(stored and accounts.verify_password(stored, demo.DEMO_PASSWORD), "Argon2 check failed")
        self.facts.append(f"{summary.households} households, {summary.persons} persons")

    def main_window(self) -> None:
        from ..services import accounts
        from .main_window import MainWindow

        self.window = MainWindow(self.station, self.settings, accounts.default_username(self.station.db))
        self.window.show()
        for row in range(self.window.nav.count()):  # build and paint every area
            self.window.nav.setCurrentRow(row)
            self.app.processEvents()
        _check(self.window.isVisible(), "the main window did not show")

    def certificate_pdf(self) -> None:
        from ..papers import certificates
        from ..services import awards as aw

        draft = aw.new_decision(self.station.db)
        draft.number = "1"
        draft.decided_on = date.today()
        draft.signer_name = "Nông Văn Thành"
        decision_id = aw.save_decision(self.station.db, draft)
        self.recipient = "Đặng Thị Ngọc Ước"
        aw.add_recipients(
            self.station.db,
            [aw.RecipientDraft(decision_id, "individual", name=self.recipient, info="Thôn Nà Mạ")],
        )
        aw.issue_decision(self.station.db, decision_id)
        pages = certificates.write_certificates(self.station.db, decision_id, self.pdf, mode="full")
        _check(pages == 1, f"certificate PDF has {pages} pages")
        data = self.pdf.read_bytes()
        _check(data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:], "certificate is not a complete PDF")
        (cert,) = aw.certificate_data(self.station.db, decision_id)
        _check(cert.payload, "the certificate carries no signed QR text")
        result = aw.verify(self.station.db, cert.payload)
        _check(result.status == "genuine", f"QR signature check: {result.status}")
        self.facts.append(f"certificate {len(data) // 1024} KB")

    def pdf_read_back(self) -> None:
        from PySide6.QtCore import QSize
        from PySide6.QtGui import QImage
        from PySide6.QtPrintSupport import QPrinter

        from .pdf_preview import PdfPreviewDialog

        preview = PdfPreviewDialog(self.pdf, "self-test", self.window)  # QtPdf + QtPdfWidgets
        try:
            _check(preview.page_count() == 1, "QtPdf reads no page")
            text = unicodedata.normalize("NFC", preview.document.getAllText(0).text())
            _check(self.recipient in " ".join(text.split()), "QtPdf finds no recipient name in the page")
            image = preview.document.render(0, QSize(210, 297)).convertToFormat(
                QImage.Format.Format_Grayscale8
            )
            dark = sum(
                1
                for y in range(0, image.height(), 3)
                for x in range(0, image.width(), 3)
                if image.pixelColor(x, y).value() < 128
            )
            _check(dark > 50, "the rendered page is blank")
            printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)  # QtPrintSupport, to a file
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printed = self.root / "printed.pdf"
            printer.setOutputFileName(str(printed))
            _check(
                preview.print_to(printer) == 1 and printed.stat().st_size > 1000, "printing to a file failed"
            )
        finally:
            preview.deleteLater()

    # -- running -------------------------------------------------------------------------------

    def steps(self) -> list[tuple[str, Callable[[], None]]]:
        return [
            ("qt", self.qt),
            ("translations", self.translations),
            ("admin-units", self.admin_units),
            ("database", self.database),
            ("main-window", self.main_window),
            ("certificate", self.certificate_pdf),
            ("pdf-read-back", self.pdf_read_back),
        ]

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            if self.app is not None:
                self.app.processEvents()
        if self.station is not None:
            self.station.close()
        shutil.rmtree(self.root, ignore_errors=True)


def run(
    make_app: MakeApp,
    households: int = DEFAULT_HOUSEHOLDS,
    lang: str | None = None,
    verbose: bool = False,
) -> int:
    """Run every check; print one line; 0 when all held, 1 otherwise."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    t0 = time.perf_counter()
    r = _Run(make_app, households, lang, verbose)
    step = "start"
    try:
        for step, fn in r.steps():
            t = time.perf_counter()
            fn()
            r.times.append((step, time.perf_counter() - t))
    except Exception as exc:  # noqa: BLE001 - one line for the build log
        if verbose:
            traceback.print_exc()
        message = str(exc).splitlines()[0] if str(exc) else ""
        _say(f"self-test FAILED at {step}: {type(exc).__name__}: {message}")
        return 1
    finally:
        r.close()
    total = time.perf_counter() - t0
    frozen = "frozen" if getattr(sys, "frozen", False) else "source"
    detail = ", ".join(f"{name} {sec:.2f}s" for name, sec in r.times)
    _say(f"self-test ok ({frozen}) in {total:.2f} s: {'; '.join(r.facts)} [{detail}]")
    return 0
