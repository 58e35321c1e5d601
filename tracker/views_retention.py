"""Closing a case (its counsellors), reopening it, and keeping a closed case longer (its coordinators)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases import selectors
from .retention import RetentionError, close_case, extend_retention, reopen_case


def _back(case_id: int):
    return redirect(reverse("tracker:case_detail", args=[case_id]) + "#retention")


@login_required
@require_POST
def case_close(request, case_id: int):
    case = selectors.get_managed_case_for(request.user, case_id)
    try:
        if request.POST.get("reopen"):
            reopen_case(case, actor=request.user, request=request)
            messages.success(request, _("The case is open again."))
        else:
            close_case(case, request.POST.get("reason", ""), actor=request.user, request=request)
            messages.success(request, _("The case is closed. It will be purged after %(date)s.")
                             % {"date": date_format(case.purge_after)})
    except RetentionError as error:
        messages.error(request, str(error))
    return _back(case.pk)


@login_required
@require_POST
def case_keep_longer(request, case_id: int):
    case = selectors.get_assignable_case_for(request.user, case_id)
    try:
        until = extend_retention(case, actor=request.user, request=request)
    except RetentionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The case is kept until %(date)s.") % {"date": date_format(until)})
    return _back(case.pk)
