from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import prefetch_related_objects
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from audit.models import AuditEvent
from audit.services import record_event
from documents.forms import UploadForm
from documents.selectors import documents_of, has_unfinished

from . import selectors, views_counsellor
from .case_header import case_header
from .checklist import build_checklist
from .forms import FamilyMemberForm, flash_form_errors
from .services import add_family_member


@login_required
def case_list(request):
    if request.user.is_counsellor or request.user.is_superuser:
        return views_counsellor.dashboard(request)
    cases = selectors.cases_visible_to(request.user)
    if len(cases) == 1:
        return redirect("tracker:case_detail", case_id=cases[0].pk)
    return render(request, "tracker/case_list.html", {"cases": cases})


def _live_context(case) -> dict:
    prefetch_related_objects([case], "members", "explanations")  # the page lists them per document: fetch once
    documents = list(documents_of(case))
    checklist = build_checklist(case)
    return {
        "case": case,
        "ind_letters": views_counsellor.case_letters(case),
        "checklist": checklist,
        "header": case_header(case, checklist.evaluation),
        "documents": documents,
        "documents_unfinished": has_unfinished(documents),
    }


@login_required
def case_detail(request, case_id: int):
    case = selectors.get_case_for(request.user, case_id)
    record_event(actor=request.user, action=AuditEvent.Action.VIEW, target=case, case_id=case.pk, request=request)
    context = _live_context(case) | {"upload_form": UploadForm(), "member_form": FamilyMemberForm()}
    context |= views_counsellor.review_context(request.user, case)
    return render(request, "tracker/case_detail.html", context)


@login_required
@require_GET
def case_live(request, case_id: int):
    """The checklist and documents as an HTML fragment, polled by the page while documents are being read.

    Not audited: it is polled every few seconds by a page whose opening is.
    """
    case = selectors.get_case_for(request.user, case_id)
    return render(request, "tracker/_case_live.html", _live_context(case))


@login_required
@require_http_methods(["POST"])
def member_create(request, case_id: int):
    case = selectors.get_case_for(request.user, case_id)
    form = FamilyMemberForm(request.POST)
    if form.is_valid():
        member = add_family_member(case, form.save(commit=False), actor=request.user, request=request)
        messages.success(request, _("%(name)s was added to the family.") % {"name": member.full_name})
    else:
        flash_form_errors(request, form)
    return redirect("tracker:case_detail", case_id=case.pk)
