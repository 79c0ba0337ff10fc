"""Help → About names the data folder and the licences of what is shipped; Help → User guide shows
the guide in the interface's language with its screenshots."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel
from qt_support import setup_app

from antq_desktop.ui.about_dialog import AboutDialog, GuideDialog


def test_about_lists_the_data_folder_and_the_licences(qtbot, station):
    setup_app(station.data_dir)
    dialog = AboutDialog(station)
    qtbot.addWidget(dialog)
    rows = {
        dialog.table.item(r, 0).text(): dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())
    }
    assert rows["SQLAlchemy"] == "MIT"
    assert "LGPL" in rows["PySide6-Essentials"]
    assert rows["Liberation Serif, Liberation Sans"] == "OFL-1.1"
    assert str(station.data_dir.root) in dialog.findChild(QLabel, "aboutLocation").text()
    assert "vietnam-provinces" not in rows  # GPL: the unit list is the project's own file (issue 22)


def test_the_guide_opens_in_vietnamese_with_its_pictures(qtbot, station):
    setup_app(station.data_dir)
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert text.startswith("Hướng dẫn sử dụng ANTQ Desktop")
    assert "Khi gói bị từ chối" in text and "In lên phôi in sẵn" in text
    image = dialog.browser.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl("screenshots/certificate-full.png")
    )
    assert image is not None and not image.isNull(), "the screenshots are found beside the guide"
