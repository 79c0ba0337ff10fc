"""Languages: Vietnamese by default (translations/antq_vi.qm), English is the source text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from ..assets import translations_dir

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
DEFAULT_LANGUAGE = "vi"
SETTING_KEY = "ui/language"

_installed: list[QTranslator] = []


def chosen_language(settings: QSettings) -> str:
    lang = str(settings.value(SETTING_KEY, DEFAULT_LANGUAGE))
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def install(app: QCoreApplication, lang: str) -> bool:
    """Install our translator for ``lang``; English needs none. Returns True when loaded."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        return True
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    translator = QTranslator(app)
    ok = translator.load(str(translations_dir() / f"antq_{lang}.qm"))
    if ok:
        app.installTranslator(translator)
        _installed.append(translator)
    return ok


def locale() -> QLocale:
    return QLocale()


def fmt_int(n: int) -> str:
    """1.500 in Vietnamese, 1,500 in English."""
    return QLocale().toString(int(n))


def fmt_number(value: float, decimals: int = 2) -> str:
    """1.234,5 in Vietnamese, 1,234.5 in English: at most ``decimals`` decimals, no trailing zeros
    (domain/numbers.py gives the same for the command line and the papers)."""
    if isinstance(value, int) or float(value).is_integer():
        return fmt_int(int(value))
    text = QLocale().toString(float(value), "f", decimals)
    point = QLocale().decimalPoint()
    return text.rstrip("0").rstrip(point) if point in text else text


def fmt_percent(share: float) -> str:
    """95,2 % in Vietnamese, 95.2 % in English (``share`` from 0 to 1)."""
    return QLocale().toString(share * 100, "f", 1) + " %"


def is_vietnamese() -> bool:
    return QLocale().language() == QLocale.Language.Vietnamese
