"""The counsellor's workspace: dashboard, review panel, IND letters, dossier export.

Every view finds its case through ``cases.selectors`` (404 for anyone who may
not see it); actions only counsellors of the case and admins may take answer
403 to the case's sponsor.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from audit.models import AuditEvent
from audit.services import record_event
from cases import selectors
from cases.models import Case, CloseReason
from documents.downloads import file_name_for, stored_file_response
from documents.models import Document

from . import views_coordination
from .correspondence import CorrespondenceError, attach_scan, mark_answered, record_letter, restore_scan
from .caseload import COUNSELLOR_FIELDS, dashboard_page
from .dashboard_rows import rendered_rows
from .retention import purge_soon
from .decision_date import check_decision_date, confirm_proposed_decision_date, dismiss_proposed_decision_date
from .application_form import FORM_INTRO, FORM_TITLE, application_form as form_647
from .export import build_dossier
from .forms import flash_form_errors, is_returned, return_with_errors, returned_form
from .consistency_review import ConsistencyError, mark_explained
from .forms_counsellor import (
    CaseFactsForm,
    DashboardFilterForm,
    counsellors_to_filter_by,
    ExplanationForm,
    IndLetterForm,
    IndLetterScanForm,
    NoteForm,
)
from .models import Explanation, IndLetter, ReplacedLetterScan
from .history import readable_history
from .notes import open_tasks_for
from .page_cache import CSRF_MARK, cached_content, uncached_content
from .review import ReviewError, add_explanation, update_case_facts, withdraw_explanation

HISTORY_LENGTH = 100
MY_TASKS_SHOWN = 20
PURGE_SOON_SHOWN = 20


def dashboard(request):
    """The counsellor's home (reached through ``tracker:case_list``): its content from the page cache while
    nothing it shows has changed (``tracker.page_cache``)."""
    user = request.user
    organisation_id = None if user.is_superuser else user.organisation_id
    if organisation_id is None and not user.is_superuser:
        content = _dashboard_content(request)  # no organisation: nothing to show, nothing to cache
    elif is_returned(request, "assign_form"):  # a refused assignment comes back with the cases and people ticked
        content = uncached_content(request, lambda: _dashboard_content(request))
    else:
        content = cached_content(request, "dashboard", organisation_id, lambda: _dashboard_content(request))
    return render(request, "tracker/dashboard.html", {"content": mark_safe(content)})  # noqa: S308 - our own HTML


def _dashboard_content(request) -> str:
    user = request.user
    show_counsellors = user.is_superuser or user.is_coordinator
    # Read once for the filter and the assigning form (which offers the active ones).
    counsellors = (list(counsellors_to_filter_by(user).only(*COUNSELLOR_FIELDS)) if show_counsellors else None)
    form = DashboardFilterForm(request.GET or None, user=user, counsellors=counsellors)
    page, rows, summary = dashboard_page(user, form.filters(), request.GET.get("page"),
                                         with_counsellors=show_counsellors)
    query = request.GET.copy()
    query.pop("page", None)
    assign_form = views_coordination.assign_form(user, counsellors=counsellors)
    if assign_form is not None:
        assign_form = returned_form(request, "assign_form", lambda data: views_coordination.assign_form(
            user, counsellors=counsellors, data=data)) or assign_form
    chosen = {int(pk) for pk in assign_form.data.getlist("cases") if pk.isdigit()} if assign_form else set()
    # One reverse() instead of one per row: the case URL is this prefix and the case's id.
    case_url_prefix = reverse("tracker:case_detail", args=[0]).removesuffix("0/")
    return render_to_string("tracker/_dashboard_content.html", {
        "my_tasks": list(open_tasks_for(request.user)[:MY_TASKS_SHOWN]),
        "rows": rows, "page": page, "page_query": query.urlencode(), "summary": summary, "filter_form": form,
        "rows_html": rendered_rows(rows, show_counsellors=show_counsellors, assign=assign_form is not None,
                                   case_url_prefix=case_url_prefix, chosen=chosen),
        "filtered": bool(query),
        "show_counsellors": show_counsellors,
        "assign_form": assign_form,
        "purge_soon": (list(purge_soon(selectors.cases_visible_to(request.user))[:PURGE_SOON_SHOWN])
                       if request.user.is_coordinator or request.user.is_superuser else []),
        "csrf_mark": mark_safe(CSRF_MARK),  # noqa: S308
    }, request=request)


def review_context(user, case: Case) -> dict:
    """What the case page adds for its counsellors and admins: the review panel and the history."""
    if not selectors.can_manage_case(user, case):
        return {"can_manage": False}
    history = (AuditEvent.objects.filter(case_id=case.pk).exclude(action=AuditEvent.Action.VIEW)
               .select_related("actor").order_by("-at", "-id")[:HISTORY_LENGTH])
    return {
        "can_manage": True,
        "assign_form": views_coordination.assign_form(user, case),
        "close_reasons": CloseReason.choices,
        "can_keep_longer": selectors.can_assign_counsellors(user, case),
        "retention_days": settings.CASE_RETENTION_DAYS,
        "facts_form": CaseFactsForm(case=case),
        "explanation_form": ExplanationForm(case=case),
        "letter_form": IndLetterForm(),
        "explanations": list(case.explanations.select_related("member", "created_by")),
        "history": readable_history(case, history),
        "note_form": NoteForm(case=case),
        "notes": list(case.notes.select_related("author", "assignee")),
    }


def case_page_forms(case: Case) -> dict:
    """The counsellor's forms on the case page, by their name there, each made from posted data."""
    return {
        "facts_form": lambda data: CaseFactsForm(data, case=case),
        "explanation_form": lambda data: ExplanationForm(data, case=case),
        "letter_form": lambda data: IndLetterForm(data),
        "note_form": lambda data: NoteForm(data, case=case),
    }


def case_letters(case: Case) -> list[IndLetter]:
    return list(case.ind_letters.prefetch_related(
        Prefetch("replaced_scans", queryset=ReplacedLetterScan.objects.select_related("replaced_by"))))


def _back(case_id: int, anchor: str = "review"):
    return redirect(reverse("tracker:case_detail", args=[case_id]) + f"#{anchor}")


@login_required
@require_POST
def explanation_create(request, case_id: int):
    case = selectors.get_managed_case_for(request.user, case_id)
    form = ExplanationForm(request.POST, case=case)
    if not form.is_valid():
        return_with_errors(request, form, "explanation_form", case_id=case.pk)
        return _back(case.pk, "explanations")
    data = form.cleaned_data
    try:
        add_explanation(case, member=data["member"], requirement=data["requirement"], text=data["text"],
                        document_sought=data["document_sought"], attempts=data["attempts"],
                        other_evidence=data["other_evidence"], remedy=data["remedy"], actor=request.user,
                        request=request)
    except ReviewError as error:
        return_with_errors(request, form, "explanation_form", error, case_id=case.pk)
    else:
        messages.success(request, _("The explanation was recorded."))
    return _back(case.pk, "explanations")


@login_required
@require_POST
def disagreement_explained(request, case_id: int):
    """A counsellor marks the documents' disagreement on a member explained, with a note."""
    case = selectors.get_managed_case_for(request.user, case_id)
    member_id = request.POST.get("member", "")
    member = case.members.filter(pk=int(member_id)).first() if member_id.isdigit() else None  # a forged one: none
    if member is None:
        messages.error(request, _("Choose a family member of this case."))
        return _back(case.pk, "disagreements")
    try:
        mark_explained(case, member=member, code=request.POST.get("code", ""),
                       documents=request.POST.getlist("documents"), values=request.POST.getlist("values"),
                       note=request.POST.get("note", ""),
                       actor=request.user, request=request)
    except ConsistencyError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The disagreement is marked as explained."))
    return _back(case.pk, "disagreements")


@login_required
@require_POST
def explanation_delete(request, explanation_id: int):
    explanation = get_object_or_404(
        Explanation, pk=explanation_id, case__in=selectors.cases_visible_to(request.user))
    selectors.get_managed_case_for(request.user, explanation.case_id)
    withdraw_explanation(explanation, actor=request.user, request=request)
    messages.success(request, _("The explanation was withdrawn."))
    return _back(explanation.case_id, "explanations")


@login_required
@require_POST
def case_facts_update(request, case_id: int):
    case = selectors.get_managed_case_for(request.user, case_id)
    form = CaseFactsForm(request.POST, case=case)
    if form.is_valid():
        try:
            if update_case_facts(case, form.cleaned_data, actor=request.user, request=request):
                messages.success(request, _("The case was updated."))
        except ReviewError as error:
            return_with_errors(request, form, "facts_form", error, case_id=case.pk)
    else:
        return_with_errors(request, form, "facts_form", case_id=case.pk)
    return _back(case.pk, "case-facts")


@login_required
@require_POST
def decision_date_confirm(request, case_id: int):
    """The sponsor or a counsellor confirms the date read from the asylum decision."""
    case = selectors.get_case_for(request.user, case_id)
    by_counsellor = selectors.can_manage_case(request.user, case)
    if confirm_proposed_decision_date(case, actor=request.user, by_counsellor=by_counsellor, request=request):
        if by_counsellor:
            messages.success(request, _("The date was confirmed. The deadline is now fixed."))
        else:
            messages.success(request, _("The date was confirmed. Your counsellor will check it too."))
    return redirect("tracker:case_detail", case_id=case.pk)


@login_required
@require_POST
def decision_date_checked(request, case_id: int):
    """A counsellor checked the decision date the sponsor confirmed against the paper."""
    case = selectors.get_managed_case_for(request.user, case_id)
    if check_decision_date(case, actor=request.user, request=request):
        messages.success(request, _("The date was checked. The deadline is now fixed."))
    return redirect("tracker:case_detail", case_id=case.pk)


@login_required
@require_POST
def decision_date_dismiss(request, case_id: int):
    case = selectors.get_case_for(request.user, case_id)
    dismiss_proposed_decision_date(case, actor=request.user, request=request)
    messages.info(request, _("The date was not used. Your counsellor can enter the right date."))
    return redirect("tracker:case_detail", case_id=case.pk)


@login_required
@require_POST
def ind_letter_create(request, case_id: int):
    case = selectors.get_managed_case_for(request.user, case_id)
    form = IndLetterForm(request.POST, request.FILES)
    if not form.is_valid():
        return_with_errors(request, form, "letter_form", case_id=case.pk)
        return _back(case.pk, "ind-letters")
    data = form.cleaned_data
    try:
        record_letter(case, kind=data["kind"], received_on=data["received_on"], response_due=data["response_due"],
                      subject=data["subject"], notes=data["notes"], scan=data["scan"], actor=request.user,
                      request=request)
    except CorrespondenceError as error:
        return_with_errors(request, form, "letter_form", error, case_id=case.pk)
    else:
        messages.success(request, _("The IND letter was recorded."))
    return _back(case.pk, "ind-letters")


@login_required
@require_POST
def ind_letter_answered(request, letter_id: int):
    letter = get_object_or_404(IndLetter, pk=letter_id, case__in=selectors.cases_visible_to(request.user))
    selectors.get_managed_case_for(request.user, letter.case_id)
    mark_answered(letter, actor=request.user, request=request)
    messages.success(request, _("Marked as answered."))
    return _back(letter.case_id, "ind-letters")


@login_required
@require_POST
def ind_letter_scan_upload(request, letter_id: int):
    """A counsellor adds the scan of a letter recorded without one, or replaces it."""
    letter = get_object_or_404(IndLetter, pk=letter_id, case__in=selectors.cases_visible_to(request.user))
    selectors.get_managed_case_for(request.user, letter.case_id)
    form = IndLetterScanForm(request.POST, request.FILES)
    if not form.is_valid():
        flash_form_errors(request, form)
        return _back(letter.case_id, f"letter-{letter.pk}")
    replaced = bool(letter.scan)
    try:
        attach_scan(letter, form.cleaned_data["scan"], actor=request.user, request=request)
    except CorrespondenceError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The scan of the letter was replaced.") if replaced
                         else _("The scan of the letter was added."))
    return _back(letter.case_id, f"letter-{letter.pk}")


@login_required
@require_POST
def ind_letter_scan_restore(request, scan_id: int):
    """A counsellor puts a replaced scan back (the bin keeps it for ``DOCUMENT_BIN_DAYS``)."""
    replaced = get_object_or_404(ReplacedLetterScan, pk=scan_id,
                                 letter__case__in=selectors.cases_visible_to(request.user))
    selectors.get_managed_case_for(request.user, replaced.letter.case_id)
    letter = restore_scan(replaced, actor=request.user, request=request)
    messages.success(request, _("The earlier scan of the letter is back."))
    return _back(letter.case_id, f"letter-{letter.pk}")


@login_required
@require_GET
def ind_letter_scan(request, letter_id: int):
    """The letter's scan, for whoever may see the case (like its documents)."""
    letter = get_object_or_404(IndLetter, pk=letter_id, case__in=selectors.cases_visible_to(request.user))
    if not letter.scan:
        raise Http404("This letter has no scan.")
    record_event(actor=request.user, action=AuditEvent.Action.VIEW, target=letter, case_id=letter.case_id,
                 request=request)
    return stored_file_response(letter.scan, letter.scan_content_type,
                                file_name_for(letter.scan_name or "letter", letter.scan_content_type),
                                as_attachment=request.GET.get("download") == "1")


@login_required
@require_GET
def case_export(request, case_id: int):
    """The dossier as a ZIP: for the sponsor who files, and for the counsellors who help."""
    case = selectors.get_case_for(request.user, case_id)
    dossier = build_dossier(case)
    record_event(actor=request.user, action=AuditEvent.Action.EXPORT, target=case, case_id=case.pk, request=request,
                 changes={"files": [None, len(dossier.files) + len(dossier.letters)]})
    response = FileResponse(dossier.file, as_attachment=True, filename=dossier.filename,
                            content_type="application/zip")
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def application_form(request, case_id: int):
    """Form 647's answers per family member, for the counsellor to copy (laid out for a laptop)."""
    case = selectors.get_managed_case_for(request.user, case_id)
    record_event(actor=request.user, action=AuditEvent.Action.VIEW, target=case, case_id=case.pk, request=request)
    return render(request, "tracker/application_form.html",
                  {"case": case, "forms": form_647(case), "title": FORM_TITLE, "intro": FORM_INTRO})
