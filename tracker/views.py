from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import prefetch_related_objects
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from audit.models import AuditEvent
from audit.services import record_event
from cases import selectors
from cases.services import add_family_member, mark_family_seen, remove_family_member, update_family_member
from documents.assignment import annotate_cards
from documents.bin import binned_documents_of, emptied_on
from documents.forms import UploadForm
from documents.selectors import documents_of, has_unfinished

from . import views_counsellor
from .case_header import case_header, staff_header
from .checklist import build_checklist
from .decision_date import proposed_deadline
from .forms import FamilyMemberForm, return_with_errors, returned_form


@login_required
def case_list(request):
    if request.user.works_on_cases:
        return views_counsellor.dashboard(request)
    cases = selectors.cases_visible_to(request.user)
    if len(cases) == 1:
        return redirect("tracker:case_detail", case_id=cases[0].pk)
    return render(request, "tracker/case_list.html", {"cases": cases})


def _live_context(case, user) -> dict:
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
        "unassigned_count": annotate_cards(case, documents),
        "proposed_deadline": proposed_deadline(case, timezone.localdate()),
        "binned": [(document, emptied_on(document)) for document in binned_documents_of(case)],
        "bin_days": settings.DOCUMENT_BIN_DAYS,
        "can_manage": selectors.can_manage_case(user, case),
    }


@login_required
def case_detail(request, case_id: int):
    case = selectors.get_case_for(request.user, case_id)
    record_event(actor=request.user, action=AuditEvent.Action.VIEW, target=case, case_id=case.pk, request=request)
    mark_family_seen(case, request.user)
    context = _live_context(case, request.user) | {"upload_form": UploadForm()}
    for_staff = context["can_manage"]
    # A member the server refused comes back as it was typed, each error beside its field, the first focused.
    member_form = returned_form(request, "member_form",
                                lambda data: FamilyMemberForm(data, case=case, for_staff=for_staff), case_id=case.pk)
    if member_form is not None:
        member_form.focus_first_error()
    context["member_form"] = member_form or FamilyMemberForm(case=case, for_staff=for_staff)
    context |= views_counsellor.review_context(request.user, case)
    if context["can_manage"]:  # so does a counsellor's form
        for name, make in views_counsellor.case_page_forms(case).items():
            if returned := returned_form(request, name, make, case_id=case.pk):
                context[name] = returned
    return render(request, "tracker/case_detail.html", context)


@login_required
@require_GET
def case_live(request, case_id: int):
    """The checklist and documents as an HTML fragment, polled by the page while documents are being read.

    Not audited: it is polled every few seconds by a page whose opening is.
    """
    case = selectors.get_case_for(request.user, case_id)
    return render(request, "tracker/_case_live.html", _live_context(case, request.user))


@login_required
@require_http_methods(["POST"])
def member_create(request, case_id: int):
    case = selectors.get_case_for(request.user, case_id)
    form = FamilyMemberForm(request.POST, case=case)
    if not form.is_valid():
        return_with_errors(request, form, "member_form", case_id=case.pk)
        return _case_page(case.pk)  # no #anchor: a page's target keeps autofocus from taking it to the field
    member = add_family_member(case, form.save(commit=False), actor=request.user, request=request)
    messages.success(request, _("%(name)s was added to the family.") % {"name": member.full_name})
    return redirect("tracker:case_detail", case_id=case.pk)


def _case_page(case_id: int, anchor: str = ""):
    return redirect(reverse("tracker:case_detail", args=[case_id]) + (f"#{anchor}" if anchor else ""))


@login_required
@require_http_methods(["GET", "POST"])
def member_update(request, member_id: int):
    """The sponsor or a counsellor corrects a member's details (a page of its own: it works on any phone)."""
    member = selectors.get_member_for(request.user, member_id)
    form = FamilyMemberForm.for_member(member, request.POST or None,
                                       for_staff=selectors.can_manage_case(request.user, member.case))
    if request.method == "POST":
        if form.is_valid():
            if update_family_member(member, form.cleaned_data, actor=request.user, request=request):
                messages.success(request, _("The details of %(name)s were saved.") % {"name": member.full_name})
            return _case_page(member.case_id, f"member-{member.pk}")
        form.focus_first_error()
    return render(request, "tracker/member_form.html", {"case": member.case, "member": member, "form": form,
                                                        "header": staff_header(request.user, member.case)})


@login_required
@require_http_methods(["GET", "POST"])
def member_remove(request, member_id: int):
    """Asks first (a page, so it works without JavaScript); the documents stay, no longer linked to the member."""
    member = selectors.get_member_for(request.user, member_id)
    if request.method == "POST":
        case_id, name = member.case_id, member.full_name
        remove_family_member(member, actor=request.user, request=request)
        messages.success(request, _("%(name)s was taken off the family list. Their documents are kept.") % {"name": name})
        return _case_page(case_id)
    return render(request, "tracker/member_remove.html", {"case": member.case, "member": member,
                                                          "header": staff_header(request.user, member.case)})
