"""Home-page to-dos: the reviewer's queue, cases awaiting the leader, overdue reviews."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext as _

from sanxiang.holidays.models import Deadline
from sanxiang.kernel.access import has_role, holds_role
from sanxiang.kernel.modules import Todo

from .choices import CaseStatus
from .models import ReviewCase
from .selectors import case_list


def review_todos(user, today: datetime.date) -> Iterable[Todo]:
    if not has_role(user, "legal_reviewer", "leader", "review_committee_member"):
        return []
    cases = case_list(actor=user)
    wanted = []
    if holds_role(user, "legal_reviewer"):
        wanted += list(
            cases.filter(reviewer=user, status__in=[CaseStatus.IN_REVIEW, CaseStatus.CHANGES_PROPOSED])[:20]
        )
        wanted += list(cases.filter(status=CaseStatus.SUBMITTED)[:20])
    if holds_role(user, "review_committee_member", "legal_reviewer"):
        wanted += list(cases.filter(status=CaseStatus.DELIBERATION)[:20])
    if holds_role(user, "leader"):
        wanted += list(cases.filter(status=CaseStatus.APPROVED)[:20])
    content_type = ContentType.objects.get_for_model(ReviewCase)
    due = {
        d.object_id: d
        for d in Deadline.objects.open().filter(
            content_type=content_type, object_id__in=[c.pk for c in wanted]
        )
    }
    todos = []
    for case in dict.fromkeys(wanted):
        deadline = due.get(case.pk)
        todos.append(
            Todo(
                label=_("%(status)s：%(title)s") % {"status": case.get_status_display(), "title": case.title},
                url=reverse("review:case_detail", args=[case.pk]),
                module="review",
                due=deadline.due if deadline else None,
                overdue=bool(deadline and deadline.due < today),
                provisional=bool(deadline and deadline.provisional),
            )
        )
    return todos
