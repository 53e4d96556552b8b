"""To-dos of the records archive for the home page: the 应录未录 count for leaders and reviewers."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from sanxiang.kernel.access import has_role
from sanxiang.kernel.modules import Todo

from .permissions import REPORT_ROLES


def todos_for(user: Any, today: datetime.date) -> list[Todo]:
    if not has_role(user, *REPORT_ROLES):
        return []
    from sanxiang.enforcement.models import EnforcementAct

    from .selectors import missing_recordings

    count = len(missing_recordings(acts=EnforcementAct.objects.visible_to(user), today=today))
    if not count:
        return []
    return [
        Todo(
            label=_("应录未录的执法行为 %(n)s 项") % {"n": count},
            url=reverse("records:coverage"),
            module="records",
            overdue=True,
            extra={"count": count},
        )
    ]
