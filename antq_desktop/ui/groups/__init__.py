"""The "Groups & models" area: groups by type and village, each group's roster with its history.

The list of groups is small (tens to a few hundred per commune), so it is a
plain table; the roster below it follows the selected group. The rules for
the grassroots security teams (docs/domain.md "Tổ bảo vệ ANTT: the grassroots security teams") show as warnings under the form
and above the roster — they never stop the officer.

One page or dialog per module: ``page`` (the groups and the roster), ``group_dialog``,
``member_dialog``, ``type_dialog``, ``leave_dialog``; ``common`` holds what they share.
"""

from __future__ import annotations

from .group_dialog import GroupDialog
from .leave_dialog import LeaveDialog
from .member_dialog import MemberDialog
from .page import DeleteGroup, GroupsPage
from .type_dialog import GroupTypeDialog

__all__ = ["DeleteGroup", "GroupDialog", "GroupTypeDialog", "GroupsPage", "LeaveDialog", "MemberDialog"]
