"""Queries about cases, always scoped to who is asking.

Nobody sees a case but its sponsor, its assigned counsellors, its organisation's coordinators and admins.
A counsellor sees only cases of their own organisation, even if once assigned to another's.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from .models import Case, FamilyMember


def cases_visible_to(user) -> QuerySet[Case]:
    if not user.is_authenticated:
        return Case.objects.none()
    cases = Case.objects.select_related("sponsor")
    if user.is_superuser:
        return cases
    if user.is_coordinator:
        return cases.filter(organisation_id=user.organisation_id) if user.organisation_id else Case.objects.none()
    if user.is_counsellor:
        return cases.filter(counsellors=user, organisation_id=user.organisation_id)
    return cases.filter(sponsor=user)


def get_case_for(user, case_id: int) -> Case:
    """The case, if ``user`` may see it; 404 otherwise, so its existence is not revealed."""
    case = cases_visible_to(user).filter(pk=case_id).first()
    if case is None:
        raise Http404("No such case.")
    return case


def get_managed_case_for(user, case_id: int) -> Case:
    """The case, if ``user`` may review it: 404 for a case they cannot see, 403 for its sponsor."""
    case = get_case_for(user, case_id)
    if not can_manage_case(user, case):
        raise PermissionDenied(_("Only the case's counsellors can do this."))
    return case


def can_manage_case(user, case: Case) -> bool:
    """Counsellors, their coordinators and admins review; the sponsor only uploads and links."""
    return can_assign_counsellors(user, case) or (
        user.is_counsellor and user.organisation_id == case.organisation_id
        and case.counsellors.filter(pk=user.pk).exists()
    )


def can_assign_counsellors(user, case: Case) -> bool:
    """Admins, and the coordinators of the case's organisation."""
    return user.is_superuser or (user.is_coordinator and user.organisation_id == case.organisation_id)


def get_assignable_case_for(user, case_id: int) -> Case:
    """The case, if ``user`` may (re)assign its counsellors: 404 if they cannot see it, 403 otherwise."""
    case = get_case_for(user, case_id)
    if not can_assign_counsellors(user, case):
        raise PermissionDenied(_("Only the organisation's coordinators can assign counsellors."))
    return case


def get_member_for(user, member_id: int) -> FamilyMember:
    """The family member, if ``user`` may see their case; 404 otherwise."""
    member = FamilyMember.objects.select_related("case").filter(
        pk=member_id, case__in=cases_visible_to(user)).first()
    if member is None:
        raise Http404("No such family member.")
    return member
