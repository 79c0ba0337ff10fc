"""Sign-in, lockout, idle lock, roles: the service layer refuses a read-only account's writes."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from antq_desktop.services import accounts, audit
from antq_desktop.services import households as hh
from antq_desktop.services.errors import UserError
from antq_desktop.storage.models import Household, User
from antq_desktop.storage.stamping import stamp_rows

NOW = datetime(2026, 3, 2, 9, 0, 0)


def _village(station) -> str:
    return next(vid for vid, n in hh.villages(station.db) if n == "Thôn Nà Mạ")


def _user(station, username: str) -> User:
    with station.db.session() as s:
        return s.scalar(select(User).where(User.username == username))


def _households(station) -> int:
    with station.db.session() as s:
        return s.scalar(select(func.count()).select_from(Household))


def test_right_password_signs_in_and_sets_the_actor(station):
    who = accounts.sign_in(station.db, "admin", "secret-1234")
    assert (who.username, who.role, who.role_label, who.is_admin) == ("admin", "admin", "Quản trị", True)
    assert accounts.current_actor(station.db).username == "admin"
    assert accounts.default_username(station.db) == "admin"
    [entry] = audit.list_entries(station.db, audit.AuditQuery(action="login"))
    assert entry.username == "admin"


def test_wrong_password_says_so_counts_and_is_recorded(station):
    with pytest.raises(UserError) as err:
        accounts.sign_in(station.db, "admin", "sai-roi", now=NOW)
    assert "không đúng" in err.value.vi and "còn 4 lần thử" in err.value.vi
    assert _user(station, "admin").failed_attempts == 1  # committed although the call raised
    with pytest.raises(UserError) as err:
        accounts.sign_in(station.db, "khong-co-ai", "secret-1234", now=NOW)
    assert err.value.vi == "Tên đăng nhập hoặc mật khẩu không đúng: hãy nhập lại."
    failed = audit.list_entries(station.db, audit.AuditQuery(action="login_failed"))
    assert [e.username for e in failed] == ["khong-co-ai", "admin"]
    # A success clears the counter.
    accounts.sign_in(station.db, "admin", "secret-1234", now=NOW)
    assert _user(station, "admin").failed_attempts == 0


def test_lockout_after_the_set_number_of_failures_for_the_set_minutes(station):
    accounts.set_lockout_policy(station.db, 3, 10)
    accounts.create_account(station.db, "lan", "matkhau-lan", "officer")
    for _ in range(2):
        with pytest.raises(UserError, match="không đúng"):
            accounts.sign_in(station.db, "lan", "sai", now=NOW)
    with pytest.raises(UserError, match="tạm khóa") as err:
        accounts.sign_in(station.db, "lan", "sai", now=NOW)
    assert "09:10" in err.value.vi
    # Locked: even the right password is refused, and the attempt is recorded.
    with pytest.raises(UserError, match="tạm khóa"):
        accounts.sign_in(station.db, "lan", "matkhau-lan", now=NOW + timedelta(minutes=9))
    assert audit.list_entries(station.db, audit.AuditQuery(action="login_locked", username="lan"))
    # The lock runs out by itself...
    assert (
        accounts.sign_in(station.db, "lan", "matkhau-lan", now=NOW + timedelta(minutes=11)).username == "lan"
    )
    # ...or an administrator lifts it.
    for _ in range(3):
        with pytest.raises(UserError):
            accounts.sign_in(station.db, "lan", "sai", now=NOW + timedelta(minutes=12))
    accounts.act_as(station.db, None)
    accounts.unlock_account(station.db, "lan")
    assert (
        accounts.sign_in(station.db, "lan", "matkhau-lan", now=NOW + timedelta(minutes=13)).username == "lan"
    )


def test_idle_lock_setting_and_unlocking_returns_the_same_account(station):
    assert accounts.idle_lock_minutes(station.db) == accounts.DEFAULT_IDLE_LOCK_MINUTES
    accounts.set_idle_lock_minutes(station.db, 5)
    assert accounts.idle_lock_minutes(station.db) == 5
    with pytest.raises(UserError, match="0 .* 240"):
        accounts.set_idle_lock_minutes(station.db, 500)

    who = accounts.sign_in(station.db, "admin", "secret-1234")
    accounts.lock_screen(station.db, who)
    # While locked nothing can be written, whatever asks for it.
    with pytest.raises(UserError, match="Chưa đăng nhập"):
        hh.save_household(station.db, hh.HouseholdDraft(village_id=_village(station)))
    with pytest.raises(UserError, match="không đúng"):
        accounts.unlock_screen(station.db, who, "sai")
    again = accounts.unlock_screen(station.db, who, "secret-1234")
    assert again == who
    hh.save_household(station.db, hh.HouseholdDraft(village_id=_village(station)))
    assert _households(station) == 1


def test_a_viewer_cannot_edit_through_any_service(station):
    accounts.create_account(station.db, "xem", "matkhau-xem", "viewer", "Cán bộ xem")
    hid = hh.save_household(station.db, hh.HouseholdDraft(village_id=_village(station), address="Nà Mạ"))
    viewer = accounts.sign_in(station.db, "xem", "matkhau-xem")
    assert not viewer.may_edit

    # Reading works.
    assert hh.get_household(station.db, hid).household.address == "Nà Mạ"
    # Every kind of write is refused with one sentence, and nothing is written.
    head = audit.chain_head(station.db)
    with pytest.raises(UserError) as err:
        hh.save_household(station.db, hh.HouseholdDraft(village_id=_village(station)))
    assert err.value.vi.startswith("Tài khoản chỉ xem không được sửa dữ liệu")
    with pytest.raises(UserError, match="chỉ xem"):
        hh.save_household(station.db, hh.HouseholdDraft(id=hid, village_id=_village(station), address="khác"))
    with pytest.raises(UserError, match="chỉ xem"):
        hh.delete_households(station.db, [hid])
    village = _village(station)
    with pytest.raises(UserError, match="chỉ xem"), station.db.session() as s:  # the bulk path too
        stamp_rows(s.connection(), [{"village_id": village, "code": "x"}])
    with pytest.raises(UserError, match="Quản trị"):
        accounts.create_account(station.db, "lan", "matkhau-lan", "admin")
    assert _households(station) == 1
    assert hh.get_household(station.db, hid).household.address == "Nà Mạ"
    assert audit.chain_head(station.db) == head

    # Their own password is theirs to change.
    accounts.change_password(station.db, "xem", "matkhau-xem", "matkhau-moi")
    assert accounts.sign_in(station.db, "xem", "matkhau-moi").role == "viewer"


def test_an_officer_edits_but_does_not_manage_accounts_or_settings(station):
    accounts.create_account(station.db, "canbo", "matkhau-cb", "officer")
    accounts.sign_in(station.db, "canbo", "matkhau-cb")
    hh.save_household(station.db, hh.HouseholdDraft(village_id=_village(station)))
    for call in (
        lambda: accounts.reset_password(station.db, "admin", "chiem-quyen"),
        lambda: accounts.set_idle_lock_minutes(station.db, 0),
        lambda: accounts.update_account(station.db, "canbo", role="admin"),
    ):
        with pytest.raises(UserError, match="Chỉ tài khoản Quản trị"):
            call()


def test_the_last_active_administrator_stays(station):
    for call in (
        lambda: accounts.disable_account(station.db, "admin"),
        lambda: accounts.update_account(station.db, "admin", role="officer"),
        lambda: accounts.remove_account(station.db, "admin"),
    ):
        with pytest.raises(UserError, match="quản trị viên cuối cùng"):
            call()
    accounts.create_account(station.db, "admin2", "matkhau-so-2", "admin")
    accounts.disable_account(station.db, "admin")
    with pytest.raises(UserError, match="không đúng"):
        accounts.sign_in(station.db, "admin", "secret-1234")
    with pytest.raises(UserError, match="quản trị viên cuối cùng"):
        accounts.update_account(station.db, "admin2", role="viewer")
    users = {u.username: u for u in accounts.list_users(station.db)}
    assert (users["admin"].active, users["admin2"].role_label) == (False, "Quản trị")


def test_new_accounts_are_checked(station):
    with pytest.raises(UserError, match="ít nhất 10 ký tự"):
        accounts.create_account(station.db, "lan", "123", "officer")
    with pytest.raises(UserError, match="3–64"):
        accounts.create_account(station.db, "Lò Thị Lan", "matkhau-lan", "officer")
    with pytest.raises(UserError, match="Vai trò"):
        accounts.create_account(station.db, "lan", "matkhau-lan", "chief")
    with pytest.raises(UserError, match="đã có"):
        accounts.create_account(station.db, "admin", "matkhau-lan", "officer")


def test_who_sees_sensitive_fields_is_a_setting(station):
    assert accounts.may_see(station.db, "officer", "ethnicity")
    assert not accounts.may_see(station.db, "viewer", "ethnicity")
    assert not accounts.may_see_id_numbers("viewer", station.db)
    accounts.set_sensitive_access(station.db, {"ethnicity": ["viewer"], "violation_notes": []})
    assert accounts.may_see(station.db, "viewer", "ethnicity")
    assert accounts.may_see(station.db, "admin", "violation_notes")  # an administrator always sees
    assert not accounts.may_see(station.db, "officer", "violation_notes")
    assert accounts.may_see(station.db, "officer", "poverty_status")  # untouched fields keep the default
    with pytest.raises(UserError, match="trường nhạy cảm"):
        accounts.set_sensitive_access(station.db, {"religion_of_the_moon": ["viewer"]})
    assert audit.list_entries(station.db, audit.AuditQuery(action="settings"))


def test_the_command_line_acts_as_the_account_that_signed_in(station, run_cli, tmp_path):
    accounts.create_account(station.db, "xem", "matkhau-xem", "viewer")
    data_dir = station.data_dir.root
    station.close()
    pw = tmp_path / "pw.txt"
    pw.write_text("matkhau-lan\n", encoding="utf-8")

    proc = run_cli("--data-dir", data_dir, "users", "add", "lan", "--role", "officer", "--password-file", pw)
    assert proc.returncode == 0, proc.stderr
    listed = run_cli("--data-dir", data_dir, "audit", "list", "--action", "user_add", "--json")
    # Newest first: the command line's entry names the administrator (the set-up one, the system).
    assert [e["username"] for e in json.loads(listed.stdout)["entries"]] == ["admin", ""]

    viewer = {"ANTQ_USER": "xem", "ANTQ_PASSWORD": "matkhau-xem"}
    as_viewer = run_cli("--data-dir", data_dir, "users", "disable", "lan", env=viewer)
    assert as_viewer.returncode == 1
    assert "Chỉ tài khoản Quản trị" in as_viewer.stderr
    nobody = run_cli(
        "--data-dir", data_dir, "users", "list", env={"ANTQ_USER": "khong-co", "ANTQ_PASSWORD": "x"}
    )
    assert nobody.returncode == 1 and "không đúng" in nobody.stderr
