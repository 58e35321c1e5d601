"""The coordinator's part: who follows which case, from the case page or for several cases at once."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from cases import selectors
from .assignment import AssignmentError, assign_counsellors
from .forms import flash_form_errors, return_with_errors
from .forms_counsellor import AssignCounsellorsForm


def may_assign(user) -> bool:
    return user.is_superuser or (user.is_coordinator and user.organisation_id is not None)


def assign_form(user, case=None, counsellors=None, data=None) -> AssignCounsellorsForm | None:
    """The form for the case page (``case``) or the dashboard; ``None`` for who may not assign.

    ``counsellors``: the dashboard's ``counsellors_to_filter_by(user)``, read already: the active ones are offered.
    ``data``: the dashboard's form as it was sent and refused (``forms.returned_form``).
    """
    if case is not None:
        if not selectors.can_assign_counsellors(user, case):
            return None
        return AssignCounsellorsForm(organisation_id=case.organisation_id,
                                     initial={"counsellors": list(case.counsellors.all()), "replace": True})
    if not may_assign(user):
        return None
    return AssignCounsellorsForm(data, organisation_id=None if user.is_superuser else user.organisation_id,
                                 cases=selectors.cases_visible_to(user),
                                 listed=None if counsellors is None else [c for c in counsellors if c.is_active])


@login_required
@require_POST
def case_counsellors(request, case_id: int):
    """The case page: the counsellors ticked become the case's counsellors."""
    case = selectors.get_assignable_case_for(request.user, case_id)
    form = AssignCounsellorsForm(request.POST, organisation_id=case.organisation_id)
    if form.is_valid():
        try:
            if assign_counsellors([case], form.cleaned_data["counsellors"], replace=True, actor=request.user,
                                  request=request):
                messages.success(request, _("The case's counsellors were changed."))
        except AssignmentError as error:
            messages.error(request, str(error))
    else:
        flash_form_errors(request, form)
    return redirect(reverse("tracker:case_detail", args=[case.pk]) + "#counsellors")


@login_required
@require_POST
def cases_assign(request):
    """The dashboard: the ticked counsellors are added to (or replace those of) every ticked case."""
    if not may_assign(request.user):
        raise PermissionDenied
    organisation_id = None if request.user.is_superuser else request.user.organisation_id
    visible = selectors.cases_visible_to(request.user)
    requested = {value for value in request.POST.getlist("cases") if value.isdigit()}
    if visible.filter(pk__in=requested).count() != len(requested):
        raise Http404("No such case.")  # someone else's case: as if it did not exist
    form = AssignCounsellorsForm(request.POST, organisation_id=organisation_id, cases=visible)
    if form.is_valid():
        data = form.cleaned_data
        try:
            changed = assign_counsellors(data["cases"], data["counsellors"], replace=data["replace"],
                                         actor=request.user, request=request)
        except AssignmentError as error:
            return_with_errors(request, form, "assign_form", error)
        else:
            done = ngettext("Counsellors of %(count)d case changed.", "Counsellors of %(count)d cases changed.",
                            changed)
            messages.success(request, done % {"count": changed})
    else:
        return_with_errors(request, form, "assign_form")
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("tracker:case_list")
    return redirect(back)
