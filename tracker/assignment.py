"""Who follows a case: coordinators and admins assign and reassign counsellors, one case or many at once.

Only active counsellors of the case's own organisation can be assigned; every change is audited.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from accounts.models import User
from audit.models import AuditEvent
from audit.services import record_event
from cases.models import Case



class AssignmentError(Exception):
    """A counsellor who cannot follow the case; the message is for the person assigning."""


def assignable_counsellors(organisation_id: int | None) -> QuerySet[User]:
    """The active counsellors of an organisation (every organisation's for ``None``: the admin picks)."""
    counsellors = User.objects.filter(role=User.Role.COUNSELLOR, is_active=True, is_superuser=False)
    if organisation_id is not None:
        counsellors = counsellors.filter(organisation_id=organisation_id)
    return counsellors.order_by("first_name", "last_name", "username")


def check_assignable(case: Case, counsellors: Iterable[User]) -> None:
    for counsellor in counsellors:
        if not counsellor.is_counsellor or not counsellor.is_active or counsellor.is_superuser:
            raise AssignmentError(_("%(name)s is not an active counsellor.") % {"name": counsellor})
        if counsellor.organisation_id != case.organisation_id:
            raise AssignmentError(
                _("%(name)s works for another organisation than this case's.") % {"name": counsellor})


def assign_counsellors(cases: Iterable[Case], counsellors: Iterable[User], *, replace: bool, actor,
                       request=None) -> int:
    """Add ``counsellors`` to each case, or make them its only counsellors (``replace``).

    All or nothing: one case that cannot take a counsellor refuses the whole change. Returns the number of
    cases whose counsellors changed.
    """
    cases, chosen = list(cases), list(counsellors)
    changed = 0
    with transaction.atomic():
        for case in cases:
            check_assignable(case, chosen)
            before = sorted(case.counsellors.values_list("pk", flat=True))
            if replace:
                case.counsellors.set(chosen)
            else:
                case.counsellors.add(*chosen)
            after = sorted(case.counsellors.values_list("pk", flat=True))
            if before != after:
                changed += 1
                record_event(actor=actor, action=AuditEvent.Action.CHANGE, target=case, case_id=case.pk,
                             changes={"counsellors": [before, after]}, request=request)
    return changed


def unassign_counsellor(case: Case, counsellor: User, *, actor, request=None) -> bool:
    before = sorted(case.counsellors.values_list("pk", flat=True))
    if counsellor.pk not in before:
        return False
    case.counsellors.remove(counsellor)
    record_event(actor=actor, action=AuditEvent.Action.CHANGE, target=case, case_id=case.pk,
                 changes={"counsellors": [before, [pk for pk in before if pk != counsellor.pk]]}, request=request)
    return True
