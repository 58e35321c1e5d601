"""Internal notes and tasks on a case: only its counsellors, coordinators and admins reach these."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases import selectors
from .forms import return_with_errors
from .forms_counsellor import NoteForm
from .models import CaseNote
from .notes import add_note, complete_task
from .review import ReviewError


def _back(case_id: int):
    return redirect(reverse("tracker:case_detail", args=[case_id]) + "#notes")


@login_required
@require_POST
def note_create(request, case_id: int):
    case = selectors.get_managed_case_for(request.user, case_id)
    form = NoteForm(request.POST, case=case)
    if not form.is_valid():
        return_with_errors(request, form, "note_form", case_id=case.pk)
        return _back(case.pk)
    data = form.cleaned_data
    try:
        note = add_note(case, text=data["text"], due_on=data["due_on"], assignee=data["assignee"],
                        actor=request.user, request=request)
    except ReviewError as error:
        return_with_errors(request, form, "note_form", error, case_id=case.pk)
    else:
        messages.success(request, _("The task was added.") if note.is_task else _("The note was added."))
    return _back(case.pk)


@login_required
@require_POST
def note_done(request, note_id: int):
    note = get_object_or_404(CaseNote, pk=note_id, case__in=selectors.cases_visible_to(request.user))
    selectors.get_managed_case_for(request.user, note.case_id)
    if complete_task(note, actor=request.user, request=request):
        messages.success(request, _("The task is done."))
    return _back(note.case_id)
