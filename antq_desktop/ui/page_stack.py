"""The main window's areas, each page built the first time it is shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QStackedWidget, QWidget


class PageStack(QStackedWidget):
    """The areas' pages, each built the first time it is shown (a placeholder until then).

    ``widget(i)``, ``currentWidget()`` and ``setCurrentIndex(i)`` build the page when needed, so
    keyboard shortcuts, F5, Ctrl+F and ``go_to_area`` work on an area not opened yet.
    Until ``ready`` (the window shown before its station is open) every page stays a placeholder.
    """

    def __init__(self, build: Callable[[int], QWidget], count: int, ready: bool = True) -> None:
        super().__init__()
        self._build = build
        self.ready = ready
        self.built: dict[int, QWidget] = {}
        self.early: dict[int, QWidget] = {}  # adopted before ``ready``: finished by the window
        for _ in range(count):
            self.addWidget(QWidget())

    def page(self, index: int) -> QWidget:
        if index in self.built:
            return self.built[index]
        if not self.ready:
            return super().widget(index)
        if index in self.early:
            page = self.early.pop(index)
            self.built[index] = page
            return page
        page = self._build(index)
        self.built[index] = page
        self._replace_placeholder(index, page)
        return page

    def _replace_placeholder(self, index: int, page: QWidget) -> None:
        placeholder = super().widget(index)
        was_current = super().currentIndex() == index
        self.insertWidget(index, page)
        if was_current:
            super().setCurrentIndex(index)
        self.removeWidget(placeholder)
        placeholder.deleteLater()

    def adopt(self, index: int, page: QWidget) -> None:
        """``page`` in place of the placeholder at ``index`` before the stack is ready (a page shown
        ahead of its station); the window finishes it once the station is open."""
        self._replace_placeholder(index, page)
        self.early[index] = page

    def widget(self, index: int) -> QWidget:  # type: ignore[override]
        return self.page(index) if 0 <= index < self.count() else super().widget(index)

    def currentWidget(self) -> QWidget:  # type: ignore[override]  # noqa: N802 - Qt's name
        index = super().currentIndex()
        return self.page(index) if index >= 0 else super().currentWidget()

    def setCurrentIndex(self, index: int) -> None:  # type: ignore[override]  # noqa: N802 - Qt's name
        if 0 <= index < self.count():
            self.page(index)
        super().setCurrentIndex(index)
