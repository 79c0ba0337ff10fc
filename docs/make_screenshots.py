"""Screenshots of the real program, for the README and the user guides.

    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py [--out docs/screenshots]

Creates a demo commune in a temporary data folder, drives the setup wizard
and the main window at 1366×768, and saves PNGs.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from antq_desktop.app import create_application, window_settings  # noqa: E402
from antq_desktop.services import accounts, demo, encryption  # noqa: E402
from antq_desktop.services.setup import wire  # noqa: E402
from antq_desktop.services.station import open_station  # noqa: E402
from antq_desktop.storage.paths import DataDir  # noqa: E402
from antq_desktop.ui.main_window import MainWindow  # noqa: E402
from antq_desktop.ui.setup_wizard import PAGE_COMMUNE, PAGE_UNIT, SetupWizard  # noqa: E402

wire()  # the services' rules in storage's write path, as the program has them (services/setup.py)


def shoot(widget, path: Path) -> None:  # type: ignore[no-untyped-def]
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--out", default=str(Path(__file__).parent / "screenshots"))
    p.add_argument("--lang", default="vi")
    args = p.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = DataDir(Path(tmp))
        settings = window_settings(data_dir)
        create_application(["shots"], settings, args.lang)

        wizard = SetupWizard()
        wizard.show()
        shoot(wizard, out / f"wizard-intro-{args.lang}.png")
        wizard.next()
        wizard.province_page.picker.search.setText("cao bang")
        wizard.province_page.picker._pick_first_visible()
        shoot(wizard, out / f"wizard-province-{args.lang}.png")
        wizard.next()
        assert wizard.currentId() == PAGE_COMMUNE
        wizard.commune_page.picker.search.setText("quang lam")
        wizard.commune_page.picker._pick_first_visible()
        shoot(wizard, out / f"wizard-commune-{args.lang}.png")
        wizard.next()
        assert wizard.currentId() == PAGE_UNIT
        for name in ("Thôn Nà Mạ", "Bản Pác Bó", "Xóm Đông Đình"):
            wizard.unit_page.new_village.setText(name)
            wizard.unit_page.add_village()
        shoot(wizard, out / f"wizard-unit-{args.lang}.png")
        wizard.close()

        station = open_station(data_dir)
        demo.create_demo_station(station.db)
        window = MainWindow(station, settings, accounts.default_username(station.db))
        window.resize(1366, 768)
        window.show()
        shoot(window, out / f"main-overview-{args.lang}.png")
        window.nav.setCurrentRow(1)
        area = window.pages.currentWidget()
        register = area.register
        register.village.setCurrentIndex(1)
        shoot(window, out / f"households-register-{args.lang}.png")
        register.search.setText("hoàng văn")
        register.apply_filters()
        shoot(window, out / f"households-search-{args.lang}.png")
        register.search.clear()
        register.apply_filters()
        register.view.selectRow(0)
        from antq_desktop.ui.households import HouseholdDialog, PersonDialog

        hid = register.selected_ids()[0]
        dialog = HouseholdDialog(station.db, hid, year=register.year.value(), parent=window)
        dialog.show()
        shoot(dialog, out / f"household-form-{args.lang}.png")
        person = PersonDialog(station.db, dialog.village.currentData(), dialog.persons[0], parent=dialog)
        person.id_number.setText("001085012345")
        person.validate()
        person.show()
        shoot(person, out / f"person-form-{args.lang}.png")
        person.done(0)
        dialog.done(0)
        area.setCurrentIndex(1)
        shoot(window, out / f"households-coverage-{args.lang}.png")
        window.nav.setCurrentRow(2)
        groups = window.pages.currentWidget()
        groups.table.selectRow(0)
        shoot(window, out / f"groups-{args.lang}.png")
        window.nav.setCurrentRow(3)
        meetings = window.pages.currentWidget()
        meetings.meetings.table.selectRow(0)
        shoot(window, out / f"meetings-{args.lang}.png")
        meetings.setCurrentIndex(1)
        shoot(window, out / f"opinions-{args.lang}.png")
        window.nav.setCurrentRow(4)
        awards = window.pages.currentWidget()
        awards.decisions.table.selectRow(0)
        shoot(window, out / f"awards-{args.lang}.png")
        from antq_desktop.ui.awards import DecisionDialog

        decision = DecisionDialog(station.db, awards.decisions.rows[0].id, window)
        decision.tabs.setCurrentIndex(1)
        decision.show()
        shoot(decision, out / f"award-decision-{args.lang}.png")
        decision.done(0)
        window.nav.setCurrentRow(5)
        window.pages.currentWidget().report.compute()
        shoot(window, out / f"reports-{args.lang}.png")
        window.nav.setCurrentRow(6)
        shoot(window, out / f"sync-{args.lang}.png")
        window.nav.setCurrentRow(7)
        admin = window.pages.currentWidget()
        shoot(window, out / f"admin-accounts-{args.lang}.png")
        admin.setCurrentIndex(1)
        admin.audit.verify()
        shoot(window, out / f"admin-audit-{args.lang}.png")
        # Encryption turned on by the administrator: the tab, and the recovery code shown once.
        accounts.sign_in(station.db, demo.DEMO_ADMIN, demo.DEMO_PASSWORD)
        code = encryption.enable(station.db, demo.DEMO_PASSWORD)
        admin.setCurrentIndex(admin.indexOf(admin.encryption))
        admin.encryption.refresh()
        shoot(window, out / f"admin-encryption-{args.lang}.png")
        from antq_desktop.ui.encryption_tab import RecoveryCodeDialog

        shown = RecoveryCodeDialog(station, code, window)
        shown.show()
        shoot(shown, out / f"recovery-code-{args.lang}.png")
        shown.done(0)
        from antq_desktop.ui.login_dialog import LoginDialog

        login = LoginDialog(station.db, window.unit["unit_name"])
        login.username.setText("admin")
        login.password.setText("sai")
        login.try_sign_in()
        login.show()
        shoot(login, out / f"login-{args.lang}.png")
        login.done(0)
        window.close()
        station.close()
        hub_screens(Path(tmp), settings, out, args.lang)


def hub_screens(tmp: Path, settings, out: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    """The upper level (Công an tỉnh Cao Bằng) with three communes imported from their bundles."""
    from antq_desktop.domain import admin_units
    from antq_desktop.services import station as station_service
    from antq_desktop.storage.database import Database
    from antq_desktop.storage.migrate import upgrade
    from antq_desktop.sync import cards, export_bundle, import_bundle

    province = "04"
    hub_dir = DataDir(tmp / "hub")
    hub_station = open_station(hub_dir)
    station_service.initialise(
        hub_station.db,
        station_service.SetupRequest(
            province_code=province,
            commune_code=admin_units.communes(province)[0].code,
            unit_name="Công an tỉnh Cao Bằng",
            admin_username="admin",
            admin_password=demo.DEMO_PASSWORD,
            role="hub",
        ),
    )
    hub_card = cards.own_card(hub_station.db)
    wanted = ("Quảng Lâm", "Nam Quang", "Lý Quốc")
    chosen = [c for c in admin_units.communes(province) if any(c.name.endswith(w) for w in wanted)][:3]
    for i, commune in enumerate(chosen):
        db = Database(f"sqlite:///{tmp / f'xa{i}.sqlite3'}")
        upgrade(db)
        demo.create_demo_station(db, 150 + 120 * i, seed=50 + i, commune_code=commune.code)
        cards.pair(db, hub_card)
        cards.pair(hub_station.db, cards.own_card(db))
        bundle = tmp / f"xa{i}.antq"
        export_bundle(db, hub_card.site_id, bundle)
        import_bundle(hub_station.db, bundle)
        db.dispose()
    window = MainWindow(hub_station, settings, "admin")
    window.resize(1366, 768)
    window.show()
    window.nav.setCurrentRow(5)
    area = window.pages.currentWidget()
    for _ in range(50):
        QApplication.processEvents()
    shoot(window, out / f"hub-communes-{lang}.png")
    area.setCurrentIndex(1)
    shoot(window, out / f"hub-chart-{lang}.png")
    if area.count() > 2:  # the household search across the communes
        area.setCurrentIndex(2)
        search = area.widget(2)
        edit = getattr(search, "search", None)
        if edit is not None:
            edit.setText("nông")
            search.run_search()  # what the pause in typing starts
        shoot(window, out / f"hub-search-{lang}.png")
    window.close()
    hub_station.close()


if __name__ == "__main__":
    main()
